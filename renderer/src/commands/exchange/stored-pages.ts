import type { BundleEntry } from '../../../../shared/sync/bundle';
import type { EntryType } from '../../../../shared/sync/wire/types';
import { wireAudit, wireConsultation, wireMeeting, wireTombstone } from '../../../../shared/sync/wire/records';
import type { OtkDatabase } from '../../db/schema';
import { openStored } from '../../db/encryption-middleware';
import { isSealedTable } from '../../db/sealed-fields';

type Row = Record<string, unknown>;

/**
 * An export's big tables read as stored — sealed parts still sealed — beneath Dexie and the
 * encryption middleware, page by page (plain IndexedDB `getAll` along the primary key). Opening
 * the pages is a separate step with the middleware's own function (`openStored`), so it can run
 * wherever the data key is: in the bundle worker (the key posted to it; ./worker-host.ts), or on
 * this thread for the in-page codec. The UI thread then only reads; the AES-GCM, JSON and
 * projection of 100 000 records run off it.
 */

/** The wire projections a stored page can go through (names, so that a page can cross to the worker). */
const WIRE = {
  consultation: wireConsultation,
  tombstone: wireTombstone,
  meeting: wireMeeting,
  audit: wireAudit,
} as const satisfies Record<string, (row: never) => unknown>;

export type WireName = keyof typeof WIRE;

/** One page of a table, as stored (structured-cloneable: it crosses to the bundle worker as it is). */
export interface StoredPage {
  kind: 'stored';
  /** The table the rows come from (its sealed fields are the middleware's, ../../db/sealed-fields). */
  table: string;
  /** The table's primary key path (a sealed part is bound to the row's primary key). */
  keyPath: string;
  /** The bundle entries' type and the projection each opened row goes through. */
  type: EntryType;
  wire: WireName;
  rows: unknown[];
}

/** What an export reads: opened entries (small tables, through the middleware), or stored pages. */
export type ExportBatch = readonly BundleEntry[] | StoredPage;

export function isStoredPage(batch: ExportBatch): batch is StoredPage {
  return !Array.isArray(batch) && (batch as StoredPage).kind === 'stored';
}

/**
 * A stored page's bundle entries: its rows opened exactly as the middleware opens them on read
 * (no key: returned as stored, as the middleware does when locked), then projected. Rejects with
 * the middleware's ProtectionError when a row does not open under `dataKey` (another key, or changed).
 */
export async function openStoredPage(page: StoredPage, dataKey: CryptoKey | undefined): Promise<BundleEntry[]> {
  const opened = dataKey && isSealedTable(page.table) ? await openStored(page.table, page.rows, dataKey, (row) => row[page.keyPath]) : page.rows;
  const wire = WIRE[page.wire] as (row: Row) => unknown;
  return opened.map((row) => ({ type: page.type, record: wire(row as Row) }));
}

/** Opens the stored pages among `batches` on this thread (the in-page codec's path). */
export async function* openedHere(batches: AsyncIterable<ExportBatch>, dataKey: CryptoKey | undefined): AsyncGenerator<readonly BundleEntry[]> {
  for await (const batch of batches) yield isStoredPage(batch) ? await openStoredPage(batch, dataKey) : batch;
}

/** Rows per stored page: one `getAll` (deserialised on this thread in one task: ≈ 20 µs a sealed case). */
export const STORED_PAGE = 500;

function requestOf<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new DOMException('the read failed', 'UnknownError'));
  });
}

/**
 * Pages of a table as stored, in primary-key order, each one short read-only transaction (like the
 * keyset pages of ./read). The next page is requested before the current one is handed on, so the
 * database reads while the page travels on.
 */
export async function* storedPages(db: OtkDatabase, table: 'consultations' | 'tombstones' | 'meetings' | 'audit', type: EntryType, wire: WireName, signal?: AbortSignal): AsyncGenerator<StoredPage> {
  if (!db.isOpen()) await db.open();
  const idb = db.backendDB();
  const keyRange = (db._options.IDBKeyRange as typeof IDBKeyRange | undefined) ?? globalThis.IDBKeyRange;
  const keyPath = idb.transaction(table, 'readonly').objectStore(table).keyPath;
  if (typeof keyPath !== 'string') throw new TypeError(`store ${table} has no single key path`);
  const read = (after: IDBValidKey | undefined) => {
    const store = idb.transaction(table, 'readonly').objectStore(table);
    return requestOf(store.getAll(after === undefined ? null : keyRange.lowerBound(after, true), STORED_PAGE));
  };
  let next: Promise<unknown[]> | null = read(undefined);
  while (next) {
    signal?.throwIfAborted();
    const rows: unknown[] = await next;
    next = rows.length === STORED_PAGE ? read((rows[rows.length - 1] as Record<string, IDBValidKey>)[keyPath]) : null;
    next?.catch(() => undefined);
    if (rows.length > 0) yield { kind: 'stored', table, keyPath, type, wire, rows };
  }
}
