import type { DBCore, DBCoreTransaction, Middleware } from 'dexie';
import { isStorageFull } from '../../../shared/protection/storage-full';

/**
 * Notices every write that fails because the disk (or the browser's quota) is full — whichever
 * command and screen it came from — so the app can say so once, in words, with what to do
 * (features/backup/StorageFullNotice). The transaction itself has already changed nothing.
 */
export class StorageWatch {
  #full: number | null = null;
  readonly #listeners = new Set<() => void>();

  /** When a write last failed for lack of space (its clock time), or null. */
  get lastFull(): number | null {
    return this.#full;
  }

  report(at: number): void {
    this.#full = at;
    for (const listener of this.#listeners) listener();
  }

  dismiss(): void {
    this.#full = null;
    for (const listener of this.#listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The DBCore middleware: watches each transaction's abort and each write's failure. */
  middleware(now: () => number): Middleware<DBCore> {
    const watch = (error: unknown) => {
      if (isStorageFull(error)) this.report(now());
    };
    return {
      stack: 'dbcore',
      name: 'otk-storage-watch',
      create: (down) => ({
        ...down,
        transaction: (stores, mode, options) => {
          const trans = down.transaction(stores, mode, options) as DBCoreTransaction & Partial<IDBTransaction>;
          if (mode === 'readwrite') trans.addEventListener?.('abort', () => watch(trans.error));
          return trans;
        },
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req) =>
              table.mutate(req).catch((error: unknown) => {
                watch(error);
                throw error;
              }),
          };
        },
      }),
    };
  }
}
