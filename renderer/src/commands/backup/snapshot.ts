import { keepAlive } from '../../db/keep-alive';
import { DERIVED_TABLES } from '../../db/index-snapshot';
import type { ProfileRow } from '../../db/rows/profile';
import { completionOf, keyOf, requestOf, type RawDatabase } from './idb';

/**
 * One consistent snapshot of the whole database, read for a backup: ONE read-only transaction over
 * every table, so the backup is the database at one moment (a write the user makes meanwhile
 * waits for it, then runs). Each table is read in primary-key pages; the next page is asked for
 * before the current one is handed on, so IndexedDB reads while the backup compresses and
 * encrypts (./keep-alive holds the transaction open while that work runs).
 */

/**
 * Rows per page. A page's rows are deserialised in one task when it arrives (the largest single
 * piece of the backup's work that cannot be cut: ≈ 2–3 MB of consultations per 1 000), so a page
 * is kept well under the 100 ms of a long task; the next page is always already asked for.
 */
export const SNAPSHOT_PAGE = 1000;

export interface SnapshotInfo {
  /** Every table, in the order read. */
  tables: string[];
  counts: Record<string, number>;
  /** The profiles (their key envelopes give the backup's key slots). */
  profiles: ProfileRow[];
  installationId: string;
  installationName: string;
}

export interface SnapshotConsumer {
  /** Called once, before any row: the counts and profiles of the snapshot. */
  begin(info: SnapshotInfo): Promise<void>;
  rows(table: string, rows: unknown[]): Promise<void>;
}

export async function readSnapshot(raw: RawDatabase, consumer: SnapshotConsumer, options: { page?: number; signal?: AbortSignal } = {}): Promise<SnapshotInfo> {
  const page = options.page ?? SNAPSHOT_PAGE;
  // Derived tables (the list index's snapshot) are left out: rebuilt from the rows after a restore.
  const tables = [...raw.idb.objectStoreNames].filter((table) => !DERIVED_TABLES.has(table));
  const transaction = raw.idb.transaction(tables, 'readonly');
  const completed = completionOf(transaction);
  completed.catch(() => undefined);
  const abortOn = () => {
    try {
      transaction.abort();
    } catch {
      // already finished
    }
  };
  try {
    const counts = Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await requestOf(transaction.objectStore(table).count())] as const)));
    const profiles = (await requestOf(transaction.objectStore('profiles').getAll())) as ProfileRow[];
    const meta = transaction.objectStore('meta');
    const installation = (await requestOf(meta.get('installation'))) as { value?: { id?: unknown } } | undefined;
    const named = (await requestOf(meta.get('installationName'))) as { value?: unknown } | undefined;
    const installationId = installation?.value?.id;
    if (typeof installationId !== 'string') throw new Error('the installation has no id: database was not populated');
    const info: SnapshotInfo = { tables, counts, profiles, installationId, installationName: typeof named?.value === 'string' && named.value !== '' ? named.value : installationId };
    await keepAlive(transaction, consumer.begin(info));

    for (const table of tables) {
      const store = transaction.objectStore(table);
      const pageAfter = (after: IDBValidKey | undefined) => requestOf(store.getAll(after === undefined ? undefined : raw.keyRange.lowerBound(after, true), page));
      let next: Promise<unknown[]> | null = pageAfter(undefined);
      while (next) {
        options.signal?.throwIfAborted();
        const rows: unknown[] = await next;
        next = rows.length === page ? pageAfter(keyOf(store, rows.at(-1))) : null;
        next?.catch(() => undefined);
        if (rows.length > 0) await keepAlive(transaction, consumer.rows(table, rows));
      }
    }
    await completed;
    return info;
  } catch (error) {
    abortOn();
    throw error;
  }
}
