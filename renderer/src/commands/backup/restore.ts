import {
  BackupError,
  isBackupError,
  openBackup,
  tableOf,
  type BackupHeader,
  type ByteSource,
  type OpenedBackup,
  type ScanResult,
} from '../../../../shared/backup';
import { tick, type ClockState } from '../../../../shared/sync/hlc';
import { linkEventSync } from '../../../../shared/protection/audit-link';
import type { ChainHead } from '../../../../shared/protection/audit-chain';
import type { OtkDatabase } from '../../db/schema';
import { keepAlive } from '../../db/keep-alive';
import { isStorageFull } from '../../../../shared/protection/storage-full';
import type { ProfileRow } from '../../db/rows/profile';
import { AUDIT_CHAIN_KEY, auditEvent } from '../audit';
import { completionOf, keyOf, rawDatabase, requestOf } from './idb';
import { DERIVED_TABLES } from '../../db/index-snapshot';
import { BACKUP_META_KEY, backupStateOf } from './state';
import { BULK_SLICE_MS, timeSlicer } from '../../db/next-task';

/**
 * Restore from a backup, on the first-run screen of a new installation only. previewRestore opens
 * the file (recovery key or a coordinator's passphrase), authenticates every chunk and counts its
 * rows — writing nothing; applyRestore then writes, in ONE transaction, every row exactly as the
 * backup holds it (sealed fields sealed, so the old passphrases and recovery key open them) and the
 * restore's own audit event, linked into the restored chain. Any failure — even the disk filling
 * up at the last row — aborts that transaction: nothing is written, the new installation is as it
 * was. The installation is then the same installation: same id, clock, case codes, sequences and
 * audit chain.
 */

/** Rows written per batch (see applyRestore). */
const RESTORE_BATCH = 100;

/** Backups exist since database version 6; an older one would need the upgrades in between. */
export const FIRST_BACKUP_DATABASE_VERSION = 6;
/** What a new installation holds before set-up: its id and clock, and the shipped example networks. */
const FRESH_TABLES: ReadonlySet<string> = new Set(['meta', 'networks']);

export interface RestorePreview {
  header: BackupHeader;
  /** How it was opened, and by whose key slot. */
  method: 'recovery-key' | 'passphrase';
  profileId: string;
  /** Rows per table (authenticated and counted). */
  counts: Record<string, number>;
  digest: string;
}

export interface PreparedRestore {
  preview: RestorePreview;
  /** For applyRestore. */
  opened: OpenedBackup;
}

export interface RestoreOptions {
  /** Accept weaker PBKDF2 than 600 000 (tests only). */
  minIterations?: number;
  onProgress?: (progress: { done: number; total: number }) => void;
  signal?: AbortSignal;
}

/** Is this a new installation (nothing but its id, clock and the example networks)? */
async function freshIn(transaction: IDBTransaction): Promise<boolean> {
  for (const table of transaction.objectStoreNames) {
    // A derived table (the list index's snapshot, possibly of an empty list) says nothing of data held.
    if (FRESH_TABLES.has(table) || DERIVED_TABLES.has(table)) continue;
    if ((await requestOf(transaction.objectStore(table).count())) > 0) return false;
  }
  return true;
}

export async function isFreshInstallation(db: OtkDatabase): Promise<boolean> {
  const { idb } = await rawDatabase(db);
  const transaction = idb.transaction([...idb.objectStoreNames], 'readonly');
  return freshIn(transaction);
}

const notEmpty = () => new BackupError('not-empty', 'this installation holds data already; a restore would drop it');

/** Opens and checks the backup; nothing is written. Throws BackupError in words-ready codes. */
export async function previewRestore(db: OtkDatabase, source: ByteSource, secret: string, options: RestoreOptions & { replacing?: boolean } = {}): Promise<PreparedRestore> {
  // Restoring into the place of a database that cannot be opened: it is not read (it is replaced
  // only once a backup has passed every check), and the backup is checked against this app's schema.
  if (!options.replacing && !(await isFreshInstallation(db))) throw notEmpty();
  const schema = options.replacing ? { version: db.verno, tables: db.tables.map((table) => table.name) } : await rawDatabase(db).then((raw) => ({ version: raw.version, tables: [...raw.idb.objectStoreNames] }));
  const opened = await openBackup(source, secret, { supportedDatabaseVersion: schema.version, minDatabaseVersion: FIRST_BACKUP_DATABASE_VERSION, minIterations: options.minIterations });
  const scanned: ScanResult = await opened.scan({ onProgress: options.onProgress, signal: options.signal, pause: timeSlicer(BULK_SLICE_MS) });
  const tables = new Set(schema.tables);
  const counts: Record<string, number> = {};
  for (const [type, n] of Object.entries(scanned.counts)) {
    const table = tableOf(type);
    if (table === null || !tables.has(table)) throw new BackupError('invalid-payload', `the backup holds rows of ${type}, a table this app does not have`);
    counts[table] = n;
  }
  if (!counts.profiles || !counts.meta) throw new BackupError('invalid-payload', 'the backup holds no profiles or no installation');
  return { preview: { header: opened.header, method: opened.opener!.method, profileId: opened.opener!.profileId, counts, digest: scanned.digest }, opened };
}

export interface RestoreResult {
  installationId: string;
  /** The profile whose key opened the backup (its name is the restore event's actor). */
  actor: string;
}

/** Writes everything the backup holds, and the restore's audit event, in one transaction. */
export async function applyRestore(db: OtkDatabase, prepared: PreparedRestore, now: Date, options: RestoreOptions = {}): Promise<RestoreResult> {
  const raw = await rawDatabase(db);
  const { preview, opened } = prepared;
  const tables = [...raw.idb.objectStoreNames];
  const transaction = raw.idb.transaction(tables, 'readwrite');
  const completed = completionOf(transaction);
  completed.catch(() => undefined);
  const total = Object.values(preview.counts).reduce((a, b) => a + b, 0);
  const meta = new Map<string, unknown>();
  const profiles: ProfileRow[] = [];
  try {
    if (!(await freshIn(transaction))) throw notEmpty();
    for (const table of tables) transaction.objectStore(table).clear();

    // Batches of RESTORE_BATCH rows: each batch's puts (structured clone of every row) are one
    // synchronous piece of work, so the page gets a turn between batches (longest task < 100 ms).
    const iterator = opened.entries({ signal: options.signal, batch: RESTORE_BATCH, pause: timeSlicer(BULK_SLICE_MS) });
    let step = keepAlive(transaction, iterator.next());
    let previous: Promise<unknown> = Promise.resolve();
    let done = 0;
    for (;;) {
      const { done: finished, value } = await step;
      if (finished) break;
      const table = tableOf(value.type);
      if (table === null || !tables.includes(table)) throw new BackupError('invalid-payload', `rows of ${value.type}, a table this app does not have`);
      const store = transaction.objectStore(table);
      let last: IDBRequest | null = null;
      for (const row of value.records) {
        const key = keyOf(store, row);
        if (typeof key !== 'string' || key === '') throw new BackupError('invalid-payload', `a ${table} row has no key`);
        if (table === 'meta') meta.set(key, (row as { value?: unknown }).value);
        if (table === 'profiles') profiles.push(row as ProfileRow);
        last = store.put(row);
      }
      // Decrypting and parsing the next batch overlaps with IndexedDB writing this one; at most two are in flight.
      const written = last ? requestOf(last) : Promise.resolve(undefined);
      written.catch(() => undefined);
      step = keepAlive(transaction, iterator.next());
      await previous;
      previous = written;
      done += value.records.length;
      options.onProgress?.({ done, total });
    }
    await previous;

    const installation = meta.get('installation') as { id?: unknown } | undefined;
    const clock = meta.get('clock') as ClockState | undefined;
    if (typeof installation?.id !== 'string' || !clock) throw new BackupError('invalid-payload', 'the backup holds no installation id or clock');
    const opener = profiles.find((profile) => profile.id === preview.profileId);
    const actor = opener?.name ?? preview.profileId;
    const next = tick(clock, now.getTime());
    const details: Record<string, string> = {
      backup: preview.header.backupId,
      created: preview.header.created,
      method: preview.method,
      digest: preview.digest.slice(0, 16),
      ...Object.fromEntries(Object.entries(preview.counts).map(([table, n]) => [table, String(n)])),
    };
    const linked = linkEventSync(meta.get(AUDIT_CHAIN_KEY) as ChainHead | undefined, auditEvent({ actor }, now, next.stamp, { action: 'backup.restore', entity: 'backup', entityId: preview.header.backupId, details }));
    const metaStore = transaction.objectStore('meta');
    transaction.objectStore('audit').put(linked.event);
    metaStore.put({ key: AUDIT_CHAIN_KEY, value: linked.head });
    metaStore.put({ key: 'clock', value: next.state });
    const state = backupStateOf(meta.get(BACKUP_META_KEY));
    metaStore.put({ key: BACKUP_META_KEY, value: { ...state, failure: null, restored: { at: now.toISOString(), backupId: preview.header.backupId, created: preview.header.created } } });
    await completed;
    return { installationId: installation.id, actor };
  } catch (error) {
    try {
      transaction.abort();
    } catch {
      // finished already
    }
    await completed.catch(() => undefined);
    if (isBackupError(error)) throw error;
    if (error instanceof DOMException && error.name === 'AbortError' && options.signal?.aborted) throw error;
    if (isStorageFull(error) || isStorageFull(transaction.error)) throw new BackupError('storage-full', 'the disk is full: nothing was restored', { where: 'database' }, { cause: error });
    throw error;
  }
}
