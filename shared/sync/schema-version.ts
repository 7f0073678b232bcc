/**
 * Version of the record shapes that bundles carry (consultations, networks, audit events, …).
 * Raise it when a synced record's shape changes incompatibly; a bundle whose schema version is
 * newer than the app's is refused as 'newer-format' (an older app cannot validate it).
 *
 * 1: the first. 2 (the desks, issue 11): the `draft` record type (an expert's recommendation
 * draft), a requester bundle may carry `transitions` (the requester's view), a booking may carry
 * the meeting's `mode`. 3 (issue 21): the `method` record type (a centre's own methods, in full,
 * delta, network and requester bundles); a recommendation may carry `methods` per item and a next
 * step its `kind`; 'accept' and 'decline' transitions may carry the OT-level `criteria`. Version 1
 * and 2 bundles are still read.
 */
export const SYNC_SCHEMA_VERSION = 3;
