/**
 * Version of the record shapes that bundles carry (consultations, networks, audit events, …).
 * Raise it when a synced record's shape changes incompatibly; a bundle whose schema version is
 * newer than the app's is refused as 'newer-format' (an older app cannot validate it).
 *
 * 1: the first. 2 (the desks, issue 11): the `draft` record type (an expert's recommendation
 * draft), a requester bundle may carry `transitions` (the requester's view), a booking may carry
 * the meeting's `mode`. Version 1 bundles are still read.
 */
export const SYNC_SCHEMA_VERSION = 2;
