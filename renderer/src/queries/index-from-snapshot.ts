import type { CaseRow } from '../../../shared/domain/case-row';
import type { OtkDatabase } from '../db/schema';
import { COUNTER_REV } from '../db/counters';
import { readIndexSnapshot } from '../db/index-snapshot';
import { nextTask } from '../db/next-task';

/** Rows checked and mapped per task (a Map of 100 000 built at once is a long task on a slow machine). */
const SLICE = 10_000;

/** Newest first, then by id: the order of the `[receivedAt+id]` index, reversed. */
export function newestFirst(a: CaseRow, b: CaseRow): number {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt < b.receivedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export interface SnapshotStart {
  /** Every list row of the installation (unfiltered), newest first, current at `rev`. */
  rows: CaseRow[];
  /** The same rows by id. */
  byId: Map<string, CaseRow>;
  /** The list revision the rows are current at (read in the same transaction as the catch-up). */
  rev: number;
  /** Rows and tombstones the catch-up applied on top of the snapshot. */
  changes: number;
}

/**
 * What changed since revision `since`, and — in the same read transaction, so from the same moment
 * — the number of list rows and the current revision. At 100 000 cases this read took 170–280 ms
 * (counting walks the store's keys, in the database's own process) while the page only waited, so
 * when the unlock has read the chunks ahead the loader starts it as soon as the snapshot's header
 * is known and opens the chunks meanwhile (the load after an unlock: 518 against 632 ms, medians
 * of 8 runs each, alternating in one benchmark run).
 */
function changesSince(db: OtkDatabase, since: number) {
  return db.transaction('r', [db.caseRows, db.tombstones, db.counters], () =>
    Promise.all([db.caseRows.where('rev').above(since).toArray(), db.tombstones.where('rev').above(since).toArray(), db.caseRows.count(), db.counters.get(COUNTER_REV)]),
  );
}

/**
 * The index's rows from the sealed snapshot (renderer/src/db/index-snapshot.ts) brought up to date
 * through the revision feed: the list rows and tombstones with a revision above the snapshot's, and
 * — in the same read transaction — the number of list rows and the current revision. Null (load the
 * rows instead) when there is no usable snapshot, or when anything does not add up: the snapshot's
 * rows out of order or repeated, or, after the catch-up, a number of rows other than the table's
 * (a change that left no revision — something the feed would have missed).
 *
 * The catch-up may be read while the chunks are opened (`changesSince`). That is exact at any
 * moment: the chunks hold the rows as of the header's revision (a chunk of any other snapshot does
 * not open under this header), and the read gives everything above that revision as of its own
 * moment; what is written after it reaches the index through the change feed.
 */
export async function loadFromSnapshot(db: OtkDatabase, dataKey: CryptoKey): Promise<SnapshotStart | null> {
  let reading: ReturnType<typeof changesSince> | null = null;
  const snapshot = await readIndexSnapshot(db, dataKey, (rev) => {
    reading = changesSince(db, rev);
    reading.catch(() => undefined); // awaited below, unless the snapshot turns out unusable
  });
  if (!snapshot || !reading) return null;
  const catchUp: ReturnType<typeof changesSince> = reading;
  const byId = new Map<string, CaseRow>();
  for (let from = 0; from < snapshot.rows.length; from += SLICE) {
    for (let i = from; i < Math.min(from + SLICE, snapshot.rows.length); i++) {
      const row = snapshot.rows[i]!;
      if (i > 0 && newestFirst(snapshot.rows[i - 1]!, row) >= 0) return null;
      byId.set(row.id, row);
    }
    // A new task without a timer's clamping (setTimeout waits 4 ms once nested): the load is what the user waits for.
    await nextTask();
  }
  const since = snapshot.rev;
  const [fresh, deleted, count, current] = await catchUp;
  const changes: Array<{ rev: number; row?: CaseRow; deleted?: string }> = [
    ...fresh.map((row) => ({ rev: row.rev, row })),
    ...deleted.map((tombstone) => ({ rev: tombstone.rev, deleted: tombstone.id })),
  ].toSorted((a, b) => a.rev - b.rev);
  const changed = new Set<string>();
  for (const change of changes) {
    if (change.row) {
      const previous = byId.get(change.row.id);
      if (previous && previous.rev >= change.row.rev) continue;
      byId.set(change.row.id, change.row);
      changed.add(change.row.id);
    } else {
      const previous = byId.get(change.deleted!);
      if (!previous || previous.rev >= change.rev) continue;
      byId.delete(change.deleted!);
    }
  }
  if (byId.size !== count) return null;
  const rows = changes.length === 0 ? snapshot.rows : changed.size === 0 ? snapshot.rows.filter((row) => byId.get(row.id) === row) : merged(snapshot.rows, byId, changed);
  return { rows, byId, rev: Math.max(since, current?.value ?? 0), changes: changes.length };
}

/** The kept snapshot rows and the changed rows, newest first: one merge of two ordered lists. */
function merged(rows: readonly CaseRow[], byId: ReadonlyMap<string, CaseRow>, changed: ReadonlySet<string>): CaseRow[] {
  const kept = rows.filter((row) => byId.get(row.id) === row);
  const fresh = [...changed].flatMap((id) => byId.get(id) ?? []).toSorted(newestFirst);
  const out: CaseRow[] = new Array(kept.length + fresh.length);
  let a = 0;
  let b = 0;
  for (let i = 0; i < out.length; i++) out[i] = b >= fresh.length || (a < kept.length && newestFirst(kept[a]!, fresh[b]!) < 0) ? kept[a++]! : fresh[b++]!;
  return out;
}
