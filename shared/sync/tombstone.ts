import { knowledgeOf } from './knowledge';
import type { StampedRecord, Tombstone } from './record';

/** The tombstone for `record` deleted at `stamp` (a fresh local stamp): no values, only what was seen. */
export function tombstoneOf(record: StampedRecord | Tombstone, stamp: string): Tombstone {
  return { id: record.id, deleted: true, stamps: { deleted: stamp }, seen: knowledgeOf(record) };
}

/**
 * When may a tombstone go? Only when every known peer has acknowledged a full or delta bundle
 * whose clock range reaches the deletion (see ./exchange): then each of them holds the tombstone
 * itself and will refuse a stale copy of the record.
 *
 * `acknowledgements` maps peer → the newest clock of ours it acknowledged; `knownPeers` lists every
 * other installation this one exchanges with (a peer missing from `acknowledgements` has
 * acknowledged nothing). With no known peers there is nobody left to tell.
 *
 * Caveat (docs/bundle-format.md): an installation that is not "known" here — say one restored from
 * an old backup — could still bring the record back after the tombstone is forgotten. Put every
 * installation of the centre in `knownPeers`.
 */
export function canForgetTombstone(
  tombstone: Tombstone,
  acknowledgements: Readonly<Record<string, string>>,
  knownPeers: readonly string[],
): boolean {
  const deleted = tombstone.stamps.deleted;
  return knownPeers.every((peer) => {
    const ack = acknowledgements[peer];
    return ack !== undefined && ack >= deleted;
  });
}
