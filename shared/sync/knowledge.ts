import type { Knowledge, StampedRecord, Tombstone } from './record';

/**
 * Knowledge vectors: installation → newest of its stamps this copy of a record has absorbed. An
 * installation's writes are totally ordered by its clock, so one stamp per installation says
 * everything: a value stamped `s` by peer P has been seen (or already decided on) by this copy
 * when `knowledge[P] >= s`.
 *
 * A record's knowledge is its stored `seen` joined with its own current stamps, so a record
 * without `seen` (old data, projections) still knows at least what it holds.
 */

/** The peer part of a well-formed stamp `WWWWWWWWWWWWWWW:CCCC:peer`. */
export function peerOf(stamp: string): string {
  return stamp.slice(21);
}

function add(into: Record<string, string>, stamp: string): void {
  const peer = peerOf(stamp);
  const known = into[peer];
  if (known === undefined || stamp > known) into[peer] = stamp;
}

/** Join (per-peer maximum) of knowledge vectors. */
export function joinKnowledge(...vectors: ReadonlyArray<Knowledge | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const vector of vectors) if (vector) for (const stamp of Object.values(vector)) add(out, stamp);
  return out;
}

/** What a record (or tombstone) has seen: its `seen` joined with its current stamps. */
export function knowledgeOf(record: StampedRecord | Tombstone): Record<string, string> {
  const out = joinKnowledge(record.seen);
  for (const stamp of Object.values(record.stamps)) add(out, stamp);
  return out;
}

/** True when the knowledge includes the write stamped `stamp`. */
export function covers(knowledge: Knowledge, stamp: string): boolean {
  const known = knowledge[peerOf(stamp)];
  return known !== undefined && known >= stamp;
}

/** Equality of two knowledge vectors. */
export function sameKnowledge(a: Knowledge | undefined, b: Knowledge | undefined): boolean {
  const ka = Object.keys(a ?? {});
  if (ka.length !== Object.keys(b ?? {}).length) return false;
  return ka.every((peer) => a![peer] === b?.[peer]);
}
