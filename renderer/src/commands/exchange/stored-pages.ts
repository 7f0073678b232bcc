import type { BundleEntry } from '../../../../shared/sync/bundle';
import type { EntryType } from '../../../../shared/sync/wire/types';
import { wireAudit, wireConsultation, wireMeeting, wireTombstone } from '../../../../shared/sync/wire/records';
import type { OtkDatabase } from '../../db/schema';
import { openStored } from '../../db/encryption-middleware';
import { isSealedTable } from '../../db/sealed-fields';

type Row = Record<string, unknown>;

/**
 * An export's big tables read as stored — sealed parts still sealed — beneath Dexie and the
 * encryption middleware, page by page (plain IndexedDB `getAll` along the primary key), and opened
 * with the middleware's own function (`openStored`). Both can run wherever the database and the
 * data key are: in the bundle worker's reader (its own read connection to the app's database, the
 * key posted to it; ./worker-host.ts), or on this thread for the in-page codec. With the workers
 * the UI thread neither reads nor opens the 100 000 records: it only names the tables.
 */

/** The wire projections a stored page can go through (names, so that a page can cross to the worker). */
const WIRE = {
  consultation: wireConsultation,
  tombstone: wireTombstone,
  meeting: wireMeeting,
  audit: wireAudit,
} as const satisfies Record<string, (row: never) => unknown>;

export type WireName = keyof typeof WIRE;

/** The tables an export reads as stored (the big ones). */
export type StoredTable = 'consultations' | 'tombstones' | 'meetings' | 'audit';

/**
 * A whole table to read as stored, page by page, with the projection its rows go through
 * (structured-cloneable: the bundle worker reads it from its own connection to `database`).
 */
export interface StoredSource {
  kind: 'stored';
  /** The IndexedDB database's name (the app's database). */
  database: string;
  table: StoredTable;
  /** The bundle entries' type and the projection each opened row goes through. */
  type: EntryType;
  wire: WireName;
}

/** One page of a table, as stored. */
export interface StoredPage {
  /** The table the rows come from (its sealed fields are the middleware's, ../../db/sealed-fields). */
  table: string;
  /** The table's primary key path (a sealed part is bound to the row's primary key). */
  keyPath: string;
  type: EntryType;
  wire: WireName;
  rows: unknown[];
}

/** What an export reads: opened entries (small tables, through the middleware), or whole tables as stored. */
export type ExportBatch = readonly BundleEntry[] | StoredSource;

export function isStoredSource(batch: ExportBatch): batch is StoredSource {
  return !Array.isArray(batch) && (batch as StoredSource).kind === 'stored';
}

export const storedSource = (db: OtkDatabase, table: StoredTable, type: EntryType, wire: WireName): StoredSource => ({ kind: 'stored', database: db.name, table, type, wire });

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

/**
 * Pages, each opened (here, or in the worker: wherever the pages are read and `dataKey` is). The
 * next page is being opened (its AES-GCM runs off this thread) while the current one is encoded.
 */
export async function* openedPages(pages: AsyncIterable<StoredPage>, dataKey: CryptoKey | undefined): AsyncGenerator<BundleEntry[]> {
  let previous: Promise<BundleEntry[]> | null = null;
  for await (const page of pages) {
    const opening = openStoredPage(page, dataKey);
    opening.catch(() => undefined); // awaited below, in order
    if (previous) yield await previous;
    previous = opening;
  }
  if (previous) yield await previous;
}

/** The IndexedDB database and key ranges under the app's Dexie handle. */
async function backendOf(db: OtkDatabase): Promise<{ idb: IDBDatabase; keyRange: typeof IDBKeyRange }> {
  if (!db.isOpen()) await db.open();
  return { idb: db.backendDB(), keyRange: (db._options.IDBKeyRange as typeof IDBKeyRange | undefined) ?? globalThis.IDBKeyRange };
}

/** Reads and opens the stored sources among `batches` on this thread (the in-page codec's path). */
export async function* openedHere(db: OtkDatabase, batches: AsyncIterable<ExportBatch>, dataKey: CryptoKey | undefined, signal?: AbortSignal): AsyncGenerator<readonly BundleEntry[]> {
  for await (const batch of batches) {
    if (!isStoredSource(batch)) yield batch;
    else {
      const { idb, keyRange } = await backendOf(db);
      yield* openedPages(storedPages(idb, keyRange, batch, signal), dataKey);
    }
  }
}

/** Rows per stored page: one `getAll`. */
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
 * database reads while the page is opened and encoded. One reader's paging, as the page's own path
 * reads: nothing is read up front. Readers that share a table take ranges cut once instead
 * (`pageRanges`, `pagesIn`), which cost one read of every key first.
 */
export async function* storedPages(idb: IDBDatabase, keyRange: typeof IDBKeyRange, source: Pick<StoredSource, 'table' | 'type' | 'wire'>, signal?: AbortSignal): AsyncGenerator<StoredPage> {
  const { table, type, wire } = source;
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
    if (rows.length > 0) yield { table, keyPath, type, wire, rows };
  }
}

/**
 * One page of a table as a primary-key range: from `from` (inclusive; none: the table's start) to
 * `below` (exclusive; none: its end). Consecutive ranges cover the whole key space, so pages cut
 * once and read later miss no row and hold none twice, whatever was written in between.
 */
export interface PageRange {
  from?: IDBValidKey;
  below?: IDBValidKey;
}

/** The table cut into pages of STORED_PAGE rows as it is now (one read of its primary keys). */
export async function pageRanges(idb: IDBDatabase, table: string): Promise<PageRange[]> {
  const keys = await requestOf(idb.transaction(table, 'readonly').objectStore(table).getAllKeys());
  const starts: IDBValidKey[] = [];
  for (let at = STORED_PAGE; at < keys.length; at += STORED_PAGE) starts.push(keys[at]!);
  return Array.from({ length: starts.length + 1 }, (_, i) => ({
    ...(i > 0 ? { from: starts[i - 1] } : {}),
    ...(i < starts.length ? { below: starts[i] } : {}),
  }));
}

function rangeOf(keyRange: typeof IDBKeyRange, { from, below }: PageRange): IDBKeyRange | null {
  if (from !== undefined && below !== undefined) return keyRange.bound(from, below, false, true);
  if (from !== undefined) return keyRange.lowerBound(from);
  if (below !== undefined) return keyRange.upperBound(below, true);
  return null;
}

/**
 * The given pages of a table as stored, one per range and in their order (an empty one too, so a
 * reader that takes turns with others stays in step), each one short read-only transaction; the
 * next is requested before the current one is handed on.
 */
export async function* pagesIn(idb: IDBDatabase, keyRange: typeof IDBKeyRange, source: Pick<StoredSource, 'table' | 'type' | 'wire'>, ranges: readonly PageRange[]): AsyncGenerator<StoredPage> {
  const { table, type, wire } = source;
  const keyPath = idb.transaction(table, 'readonly').objectStore(table).keyPath;
  if (typeof keyPath !== 'string') throw new TypeError(`store ${table} has no single key path`);
  const read = (range: PageRange) => requestOf(idb.transaction(table, 'readonly').objectStore(table).getAll(rangeOf(keyRange, range)));
  let next: Promise<unknown[]> | null = ranges.length > 0 ? read(ranges[0]!) : null;
  for (let i = 0; next; i++) {
    const rows: unknown[] = await next;
    next = i + 1 < ranges.length ? read(ranges[i + 1]!) : null;
    next?.catch(() => undefined);
    yield { table, keyPath, type, wire, rows };
  }
}

/**
 * Opens the app's database as it is (its current version, never creating or upgrading it): the
 * bundle worker's own read connection. It closes itself when another connection asks to upgrade.
 */
export function openAsIs(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = factory.open(name);
    request.onupgradeneeded = () => {
      request.transaction?.abort();
      reject(new DOMException(`the database ${name} does not exist`, 'NotFoundError'));
    };
    request.onsuccess = () => {
      const idb = request.result;
      idb.onversionchange = () => idb.close();
      resolve(idb);
    };
    request.onerror = () => reject(request.error ?? new DOMException('the database did not open', 'UnknownError'));
  });
}
