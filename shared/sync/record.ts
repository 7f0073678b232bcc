/**
 * The shapes sync works on. A syncable record is `{ id, ...fields, stamps, seen? }` with one clock
 * stamp per top-level field (a nested object is one field); ConsultationRecord is the model.
 *
 * `seen` is the record's knowledge: for each installation, the newest stamp of its writes that has
 * reached this copy of the record (see ./knowledge). Merging keeps it; it is what tells a deliberate
 * overwrite ("they saw my text and changed it") from a concurrent one ("they never saw it").
 *
 * Deletion is a tombstone that replaces the record: `{ id, deleted: true, stamps: { deleted }, seen }`.
 * It keeps no field values (a deleted case's data is gone, not hidden) — only the id, the stamp of
 * the deletion and what the deleting side had seen, so that a stale copy arriving later cannot
 * bring the record back, and edits the deleting side never saw are reported rather than dropped.
 */

export type Knowledge = Readonly<Record<string, string>>;

export interface StampedRecord {
  id: string;
  stamps: Readonly<Record<string, string>>;
  seen?: Knowledge;
}

export interface Tombstone {
  id: string;
  deleted: true;
  stamps: { deleted: string };
  seen?: Knowledge;
}

/** A record as stored and exchanged: live, or its tombstone. */
export type Synced<R extends StampedRecord> = R | Tombstone;

export function isTombstone(record: StampedRecord | Tombstone): record is Tombstone {
  return (record as Partial<Tombstone>).deleted === true;
}
