import { CASE_ROW_SHAPE, type CaseRow } from '../../../shared/domain/case-row';
import { fieldAad, openBytes, sealBytes } from '../../../shared/protection/field-crypto';
import { decodeRecords, encodeRecords, type Column } from '../../../shared/worklist/row-columns';
import type { OtkDatabase } from './schema';
import { COUNTER_REV } from './counters';
import { nextTask } from './next-task';
import { chunkId, HEAD_ID, type IndexSnapshotChunk, type IndexSnapshotHead, type IndexSnapshotRow } from './rows/index-snapshot';
import { takeSnapshotPrefetch } from './index-snapshot-prefetch';

export type { IndexSnapshotChunk, IndexSnapshotHead, IndexSnapshotRow };

/**
 * The work list index's sealed snapshot (table `indexSnapshot`, schema v8): every list row of the
 * installation, newest first, in chunks of SNAPSHOT_CHUNK rows, each chunk ONE AES-256-GCM sealed
 * value kept as bytes (shared/protection/field-crypto sealBytes, the data key the encryption
 * middleware uses) of the rows' columnar encoding (shared/worklist/row-columns), and a header row
 * saying which list revision (`COUNTER_REV`) the rows reflect. At unlock the index reads these few
 * large values instead of 100 000 rows each sealed on its own (the unlock has read them ahead while
 * it derived the key: ./index-snapshot-prefetch), then catches up through the revision feed
 * (renderer/src/queries/index-from-snapshot.ts).
 *
 * It is derived data: never backed up (DERIVED_TABLES), cleared by a restore (which clears every
 * store), and never trusted when anything is odd — another format, another list row shape, another
 * database schema version (an upgrade may rewrite rows without a revision), a revision ahead of the
 * database's, a chunk that does not open (another key) or does not belong to this header: the
 * reader then returns null and the index loads the rows themselves.
 *
 * Data minimisation: every transaction that deletes a case's list row clears it (`clearIndexSnapshot`),
 * so a purged or erased case never stays on disk inside a snapshot; and a snapshot is written only
 * when the list revision has not moved since the rows were taken (so it cannot bring back a case
 * purged meanwhile).
 */

/** 2: chunks sealed as bytes (1, base64 text: a quarter of the load was decoding it; ignored, rewritten). */
export const INDEX_SNAPSHOT_FORMAT = 2;
/**
 * Rows per sealed chunk: reading, opening (AES-GCM, JSON) and decoding one
 * chunk stays well under 50 ms on a slow, busy machine (2 500 rows reached 90 ms under load).
 */
export const SNAPSHOT_CHUNK = 1000;
/** Chunks read and opened ahead of the one being decoded. */
const READ_AHEAD = 3;
/** Tables whose content is derived from the others: left out of backups, cleared by a restore. */
export const DERIVED_TABLES: ReadonlySet<string> = new Set(['indexSnapshot']);


/** What one sealed chunk holds. */
interface ChunkPlain {
  format: number;
  snapshotId: string;
  rev: number;
  index: number;
  rows: number;
  columns: Column;
}

const aadOf = (snapshotId: string, index: number, chunks: number) => fieldAad(`${snapshotId}/${index}/${chunks}`, 'indexSnapshot.chunk');

/** Lets the event loop run between the writer's chunks (a timer: the rewrite is background work). */
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface LoadedSnapshot {
  rev: number;
  rows: CaseRow[];
}

/**
 * The snapshot's rows (newest first) and revision, or null when there is none or it is not to be
 * trusted (see above). Each chunk is opened and decoded in its own task.
 *
 * `onRev(rev)` is called once the header has passed its checks and the database is free for the
 * caller's own read of what changed since `rev`: at once when the chunks were read ahead (they are
 * in memory, and the read runs while they open), otherwise after the chunks (in the same run, a
 * read beside theirs slowed the load from the disk by ~7 %).
 */
export async function readIndexSnapshot(db: OtkDatabase, dataKey: CryptoKey, onRev?: (rev: number) => void): Promise<LoadedSnapshot | null> {
  // The chunks' bytes read while the unlock derived the key (./index-snapshot-prefetch), taken
  // first so that they are dropped whatever follows; used below only when they are this header's.
  const prefetched = takeSnapshotPrefetch(db);
  const [head, stored, current] = await db.transaction('r', [db.indexSnapshot, db.counters], () =>
    Promise.all([db.indexSnapshot.get(HEAD_ID) as Promise<IndexSnapshotHead | undefined>, db.indexSnapshot.count(), db.counters.get(COUNTER_REV)]),
  );
  if (!head) return null;
  if (head.format !== INDEX_SNAPSHOT_FORMAT || head.shape !== CASE_ROW_SHAPE || head.dbVersion !== db.verno) return null;
  if (!(Number.isInteger(head.rev) && head.rev <= (current?.value ?? 0)) || stored !== head.chunks + 1) return null;
  // The read-ahead's bytes when they are this header's snapshot's (each dropped once opened);
  // otherwise each chunk is read here.
  const read = await prefetched;
  const early = read?.snapshotId === head.snapshotId && read.chunks.length === head.chunks ? read.chunks : null;
  if (early) onRev?.(head.rev);
  const rows: CaseRow[] = [];
  // One chunk per read (one large read of everything is one long task to deserialise). The next
  // READ_AHEAD chunks are read and opened (AES-GCM off this thread, then its JSON) while this one is
  // decoded, so the database and the decryption never wait for the decoding.
  // Chunks of another snapshot (rewritten meanwhile) do not open under this header's id: then the
  // rows are loaded instead.
  const opened = async (i: number): Promise<ChunkPlain | null> => {
    const sealed = early ? early[i] : ((await db.indexSnapshot.get(chunkId(i))) as IndexSnapshotChunk | undefined)?.sealed;
    if (early) early[i] = undefined;
    return sealed ? openBytes<ChunkPlain>(sealed, dataKey, aadOf(head.snapshotId, i, head.chunks)) : null;
  };
  const ahead: Array<Promise<ChunkPlain | null>> = [];
  const ask = (i: number) => {
    if (i >= head.chunks) return;
    const next = opened(i);
    next.catch(() => undefined);
    ahead.push(next);
  };
  try {
    for (let i = 0; i < READ_AHEAD; i++) ask(i);
    for (let i = 0; i < head.chunks; i++) {
      const plain = await ahead.shift()!;
      ask(i + READ_AHEAD);
      if (!plain) return null;
      if (plain.format !== INDEX_SNAPSHOT_FORMAT || plain.snapshotId !== head.snapshotId || plain.rev !== head.rev || plain.index !== i) return null;
      // Opening (JSON) and decoding (building the rows) are two tasks, not one; the next one ahead
      // of other queued work (scheduler.yield where there is one: no timer clamping).
      await nextTask();
      for (const row of decodeRecords<CaseRow>(plain.columns, plain.rows)) rows.push(row);
    }
  } catch {
    // Another key (a restored or replaced installation), a damaged value: load the rows instead.
    return null;
  }
  if (rows.length !== head.count) return null;
  if (!early) onRev?.(head.rev);
  return { rev: head.rev, rows };
}

/**
 * Seals `rows` (every list row, newest first, reflecting revision `rev`) chunk by chunk, yielding
 * between chunks, then replaces the snapshot in ONE short write transaction — only if the list
 * revision is still `rev` (otherwise nothing is written and false returned: a case purged meanwhile
 * must not come back to disk inside a snapshot; the caller tries again later).
 */
export async function writeIndexSnapshot(db: OtkDatabase, dataKey: CryptoKey, rows: readonly CaseRow[], rev: number): Promise<boolean> {
  const snapshotId = globalThis.crypto.randomUUID();
  const chunks = Math.ceil(rows.length / SNAPSHOT_CHUNK);
  const sealed: IndexSnapshotChunk[] = [];
  for (let i = 0; i < chunks; i++) {
    const part = rows.slice(i * SNAPSHOT_CHUNK, (i + 1) * SNAPSHOT_CHUNK);
    const plain: ChunkPlain = { format: INDEX_SNAPSHOT_FORMAT, snapshotId, rev, index: i, rows: part.length, columns: encodeRecords(part) };
    sealed.push({ id: chunkId(i), sealed: await sealBytes(plain, dataKey, aadOf(snapshotId, i, chunks)) });
    await yieldToEventLoop();
  }
  const head: IndexSnapshotHead = { id: HEAD_ID, format: INDEX_SNAPSHOT_FORMAT, shape: CASE_ROW_SHAPE, dbVersion: db.verno, rev, count: rows.length, chunks, snapshotId };
  return db.transaction('rw', [db.indexSnapshot, db.counters], async () => {
    if (((await db.counters.get(COUNTER_REV))?.value ?? 0) !== rev) return false;
    await db.indexSnapshot.clear();
    await db.indexSnapshot.bulkPut([head, ...sealed]);
    return true;
  });
}

/**
 * Drops the snapshot, inside the caller's transaction (which must include `indexSnapshot`): every
 * command that deletes a list row calls it, so a deleted case does not linger sealed on disk. The
 * index rewrites the snapshot later from memory (renderer/src/queries/case-index.ts).
 */
export function clearIndexSnapshot(db: OtkDatabase): Promise<void> {
  return db.indexSnapshot.clear();
}
