import type { OtkDatabase } from '../../../renderer/src/db/schema';
import { CaseIndex } from '../../../renderer/src/queries/case-index';
import { readIndexSnapshot } from '../../../renderer/src/db/index-snapshot';
import { takeSnapshotPrefetch } from '../../../renderer/src/db/index-snapshot-prefetch';

/**
 * Page functions for the work list index's sealed snapshot (renderer/src/db/index-snapshot.ts),
 * spread into the harness object (./harness.ts gives them the keyed app database).
 */
export function indexSnapshotPage(appDb: () => Promise<OtkDatabase>) {
  /** Loads the coordinator's index from the rows (the path without a snapshot) and returns it, stopped. */
  async function fromRows(db: OtkDatabase): Promise<CaseIndex> {
    const index = new CaseIndex(db, null, { snapshot: false });
    await index.start();
    index.stop();
    if (!index.ready || index.size === 0) throw new Error('the case index did not load');
    return index;
  }

  /** The snapshot the app would load is there and opens (written now, untimed, when not). */
  async function ensureIndexSnapshot(): Promise<{ written: boolean }> {
    const db = await appDb();
    if (await readIndexSnapshot(db, db.keyring!.dataKey())) return { written: false };
    const index = await fromRows(db);
    await index.catchUp();
    if (!(await index.saveSnapshot())) throw new Error('the index snapshot was not written (the list changed meanwhile?)');
    return { written: true };
  }

  /** CaseIndex.start() without the snapshot: every list row read and its sealed fields opened (the path before issue 22). */
  async function indexLoadFromRowsOnce(): Promise<number> {
    const db = await appDb();
    const start = performance.now();
    await fromRows(db);
    return performance.now() - start;
  }

  /** Sealing and writing the snapshot from a loaded index (the lazy rebuild), timed; leaves it in place. */
  async function indexSnapshotWriteOnce(): Promise<{ ms: number; bytes: number }> {
    const db = await appDb();
    const index = await fromRows(db);
    await index.catchUp();
    const start = performance.now();
    if (!(await index.saveSnapshot())) throw new Error('the index snapshot was not written (the list changed meanwhile?)');
    const ms = performance.now() - start;
    const stored = await db.indexSnapshot.toArray();
    const bytes = stored.reduce((sum, row) => sum + ('sealed' in row ? row.sealed.ct.byteLength : 0), 0);
    return { ms, bytes };
  }

  /** As indexLoadOnce (from the snapshot), with the longest main-thread task while it loads. */
  async function indexLoadLongestTaskOnce(): Promise<{ ms: number; longest: number }> {
    const db = await appDb();
    void takeSnapshotPrefetch(db);
    return withLongestTask(async () => {
      const index = new CaseIndex(db);
      await index.start();
      index.stop();
      if (index.loadedFrom !== 'snapshot') throw new Error(`the case index loaded from ${index.loadedFrom}, expected the snapshot`);
    });
  }

  return { ensureIndexSnapshot, indexLoadFromRowsOnce, indexSnapshotWriteOnce, indexLoadLongestTaskOnce };
}

/**
 * The longest main-thread task while `work` runs (PerformanceObserver 'longtask': tasks over 50 ms
 * only; 0 when there was none), and the work's duration.
 */
export async function withLongestTask(work: () => Promise<unknown>): Promise<{ ms: number; longest: number }> {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 50));
  for (const entry of observer.takeRecords()) longest = Math.max(longest, entry.duration);
  observer.disconnect();
  return { ms, longest };
}
