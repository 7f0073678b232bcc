import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import { troubleOf } from '../../../../renderer/src/features/backup/database-trouble';

/** Opens (and creates) a database natively at `version`, with one store of a future app, and closes it. */
function openNatively(factory: IDBFactory, name: string, version: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name, version);
    request.onupgradeneeded = () => request.result.createObjectStore('fromTheFuture');
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

describe('a database from a newer app version', () => {
  it('is refused with a VersionError, left as it was, and named as "newer"', async () => {
    const factory = new IDBFactory();
    const name = 'newer-version';
    const clock = () => new Date('2026-11-23T10:00:00Z');
    const first = createDatabase({ name, clock, dexie: { indexedDB: factory, IDBKeyRange } });
    await first.open();
    const ours = first.backendDB().version;
    first.close();

    await openNatively(factory, name, ours + 10);
    const db = createDatabase({ name, clock, dexie: { indexedDB: factory, IDBKeyRange } });
    const error = await db.open().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    expect(troubleOf(error)).toBe('newer');
    expect(db.isOpen()).toBe(false);
    // Nothing was changed: the newer version and its store are still there.
    const names = await new Promise<string[]>((resolve, reject) => {
      const request = factory.open(name);
      request.onsuccess = () => {
        expect(request.result.version).toBe(ours + 10);
        resolve(Array.from(request.result.objectStoreNames));
        request.result.close();
      };
      request.onerror = () => reject(request.error);
    });
    expect(names).toContain('fromTheFuture');
  });

  it('this app opens its own version as always', async () => {
    const factory = new IDBFactory();
    const clock = () => new Date('2026-11-23T10:00:00Z');
    const db = createDatabase({ name: 'own-version', clock, dexie: { indexedDB: factory, IDBKeyRange } });
    await db.open();
    db.close();
    await db.open();
    expect(db.isOpen()).toBe(true);
    db.close();
  });
});
