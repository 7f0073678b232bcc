import type { OtkDatabase } from '../../db/schema';

/**
 * Plain IndexedDB under the app's Dexie handle, for backups: they copy rows exactly as stored —
 * sealed fields sealed — so they go beneath the encryption middleware (and beneath Dexie's cost).
 */

/** A request's result; resolved inside its success callback, so the transaction is still active after `await`. */
export function requestOf<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new DOMException('the request failed', 'UnknownError'));
  });
}

/** Resolves when the transaction commits; rejects with its error when it aborts. */
export function completionOf(transaction: IDBTransaction): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new DOMException('the transaction was aborted', 'AbortError'));
  });
}

export interface RawDatabase {
  idb: IDBDatabase;
  keyRange: typeof IDBKeyRange;
  /** The app's IndexedDB schema version (Dexie's version number). */
  version: number;
}

/** The open IndexedDB database behind the app's handle (opened first if needed). */
export async function rawDatabase(db: OtkDatabase): Promise<RawDatabase> {
  if (!db.isOpen()) await db.open();
  return { idb: db.backendDB(), keyRange: (db._options.IDBKeyRange as typeof IDBKeyRange | undefined) ?? globalThis.IDBKeyRange, version: db.verno };
}

/** The store's primary key of `row` (every store of the app has an inline string key path). */
export function keyOf(store: IDBObjectStore, row: unknown): IDBValidKey {
  const path = store.keyPath;
  if (typeof path !== 'string') throw new TypeError(`store ${store.name} has no single key path`);
  return (row as Record<string, IDBValidKey>)[path]!;
}
