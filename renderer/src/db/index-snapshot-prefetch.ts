import type { SealedBytes } from '../../../shared/protection/field-crypto';
import type { OtkDatabase } from './schema';
import { chunkId, HEAD_ID, type IndexSnapshotChunk, type IndexSnapshotHead } from './rows/index-snapshot';

/**
 * The index snapshot's sealed chunks, read from the disk while the unlock derives its key.
 *
 * The key derivation (PBKDF2, 600 000 rounds) runs off the page's thread and keeps the page idle
 * for a few hundred milliseconds; reading the snapshot's ~20 MB of ciphertext needs no key, so the
 * unlock starts the read (`prefetchIndexSnapshot`) and the index's load takes the bytes
 * (`takeSnapshotPrefetch`) instead of reading them after the first page is shown.
 *
 * Nothing here is trusted: the reader (./index-snapshot.ts) still reads the header and the
 * revisions in its own transaction, uses the bytes only when they belong to that header's
 * snapshot, and every chunk is authenticated as it is opened (its associated data binds the
 * snapshot id, the chunk's index and the number of chunks). Only ciphertext is held, and not for
 * long: the bytes are dropped when taken, as each chunk is opened, and after KEEP_MS if no index
 * loads (a desk that never shows the work list).
 */

/** How long unread bytes are kept for an index that has not started loading. */
const KEEP_MS = 30_000;

/** What was read: the snapshot's id and its chunks' sealed bytes, in order (undefined: missing). */
export interface SnapshotPrefetch {
  snapshotId: string;
  chunks: Array<SealedBytes | undefined>;
}

const pending = new WeakMap<OtkDatabase, Promise<SnapshotPrefetch | null>>();

/** Starts reading the snapshot's chunks (no key needed); a failure only means the reader reads them itself. */
export function prefetchIndexSnapshot(db: OtkDatabase): void {
  const read = readChunks(db).catch(() => null);
  pending.set(db, read);
  setTimeout(() => {
    if (pending.get(db) === read) pending.delete(db);
  }, KEEP_MS);
}

/** The prefetched chunks, once (undefined when none were asked for or they were dropped). */
export function takeSnapshotPrefetch(db: OtkDatabase): Promise<SnapshotPrefetch | null> | undefined {
  const read = pending.get(db);
  pending.delete(db);
  return read;
}

async function readChunks(db: OtkDatabase): Promise<SnapshotPrefetch | null> {
  return db.transaction('r', db.indexSnapshot, async () => {
    const head = (await db.indexSnapshot.get(HEAD_ID)) as IndexSnapshotHead | undefined;
    if (!head || !Number.isInteger(head.chunks) || head.chunks < 0) return null;
    const chunks = (await db.indexSnapshot.bulkGet(Array.from({ length: head.chunks }, (_, i) => chunkId(i)))) as Array<IndexSnapshotChunk | undefined>;
    return { snapshotId: head.snapshotId, chunks: chunks.map((chunk) => chunk?.sealed) };
  });
}
