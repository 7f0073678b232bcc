/**
 * Plain IndexedDB (no Dexie) for the baselines: the same records, the same keys and indexes, the same
 * chunking as the app's bulk path, so every app figure can be read as a ratio of what IndexedDB
 * itself costs on this machine.
 *
 * UNENCRYPTED on purpose: the baselines are the floor. They write the app's records and list rows
 * as the commands see them (opened: sensitive fields in plaintext, no sealed value) with no
 * cryptography at all; the app seals those fields at rest (issue 8), so its ratios to these
 * baselines include the sealing and opening (and the larger sealed rows).
 *
 * Baseline schema (database RAW_DATABASE), mirroring what the app writes per record:
 * - `consultations`, keyPath `id`, no indexes (the app's `consultations: 'id'`);
 * - `caseRows`, keyPath `id`, indexes `[receivedAt+id]` (compound) and `rev` (the app's
 *   `caseRows: 'id, [receivedAt+id], rev'`).
 * Left out: the per-chunk bookkeeping the app's command also writes (the chunk's requesters — up to
 * a few hundred small rows —, one audit event and a handful of counter/meta rows per 2 000-record
 * transaction). It is small next to 4 000 rows per chunk and is the overhead the ratio is meant to show.
 * Durability: like Dexie (which passes none unless configured), the browser's default.
 * Each timed write goes into a fresh origin (another port of the runner's server), so it starts
 * from an empty IndexedDB backing store as the app's seed did — deleting and rewriting 100 000
 * records in one origin made each later run slower (52 s → 240 s) and later reads in that origin too.
 */

export const RAW_DATABASE = 'otk-bench-raw';

export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export function completion(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error ?? new Error(`could not delete ${name}`));
    req.onblocked = () => reject(new Error(`deleting ${name} is blocked by an open connection`));
  });
}

/** Deletes and recreates the baseline database with the app's per-record stores and indexes. */
export async function createRawDatabase(): Promise<IDBDatabase> {
  await deleteDatabase(RAW_DATABASE);
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(RAW_DATABASE, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('consultations', { keyPath: 'id' });
      const rows = db.createObjectStore('caseRows', { keyPath: 'id' });
      rows.createIndex('[receivedAt+id]', ['receivedAt', 'id']);
      rows.createIndex('rev', 'rev');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('could not create the baseline database'));
  });
}

/**
 * Puts `records[i]` into `consultations` and `rows[i]` into `caseRows`, `chunk` records per
 * readwrite transaction, one transaction after another (each awaited until committed), as the
 * app's bulk command does. `chunk >= records.length` is the single-transaction variant.
 */
export async function putAll(db: IDBDatabase, records: readonly unknown[], rows: readonly unknown[], chunk: number): Promise<void> {
  for (let start = 0; start < records.length; start += chunk) {
    const end = Math.min(start + chunk, records.length);
    const tx = db.transaction(['consultations', 'caseRows'], 'readwrite');
    const done = completion(tx);
    const consultations = tx.objectStore('consultations');
    const caseRows = tx.objectStore('caseRows');
    for (let i = start; i < end; i++) consultations.put(records[i]);
    for (let i = start; i < end; i++) caseRows.put(rows[i]);
    await done;
  }
}
