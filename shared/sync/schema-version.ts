/**
 * Version of the record shapes that bundles carry (consultations, networks, audit events, …).
 * Raise it when a synced record's shape changes incompatibly; a bundle whose schema version is
 * newer than the app's is refused as 'newer-format' (an older app cannot validate it).
 */
export const SYNC_SCHEMA_VERSION = 1;
