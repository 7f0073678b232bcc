import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { createDatabase } from '../../../../../renderer/src/db/open';
import type { OtkDatabase } from '../../../../../renderer/src/db/schema';
import { Keyring } from '../../../../../renderer/src/db/keyring';
import { setUpFirstProfile } from '../../../../../renderer/src/commands/session';
import { markNothingToMigrate } from '../../../../../renderer/src/commands/migrate';
import type { CommandContext } from '../../../../../renderer/src/access/context';
import { validatedBridge } from '../../../../../renderer/src/bridge/validated';
import { concatBytes } from '../../../../../shared/sync/bundle/bytes';
import type { Bridge } from '../../../../../shared/bridge/contract';
import type { BridgeMethod } from '../../../../../shared/bridge/methods';
import type { Profile } from '../../../../../shared/protection/roles';
import { NOW } from '../../../../fixtures/intake';

/** Helpers of the backup tests: installations with their keys, a folder in memory, dumps of every table. */

export const PASSPHRASE = 'koordinaattorin pitkä tunnuslause';
export const FOLDER = '/mnt/verkkolevy/varmuuskopiot';

export interface KeyedInstallation {
  db: OtkDatabase;
  keyring: Keyring;
  factory: IDBFactory;
  name: string;
  ctx: CommandContext;
  profile: Profile;
  recoveryKey: string;
  setNow(ms: number): void;
  advance(ms: number): void;
}

const opened: OtkDatabase[] = [];

export function closeInstallations(): void {
  for (const db of opened.splice(0)) db.close();
}

/** An empty database as the first-run screen has it (its own id, clock and the example networks). */
export function freshDatabase(name = `otk-backup-${Math.random()}`, keyring = new Keyring(), now = () => NOW): { db: OtkDatabase; keyring: Keyring; factory: IDBFactory; name: string } {
  const factory = new IDBFactory();
  const db = createDatabase({ name, clock: now, keyring, dexie: { indexedDB: factory, IDBKeyRange } });
  opened.push(db);
  return { db, keyring, factory, name };
}

/** The same IndexedDB database opened again through the app, with `keyring` (e.g. after a restore wrote it). */
export function reopen(database: { factory: IDBFactory; name: string }, keyring: Keyring, now = () => NOW): OtkDatabase {
  const db = createDatabase({ name: database.name, clock: now, keyring, dexie: { indexedDB: database.factory, IDBKeyRange } });
  opened.push(db);
  return db;
}

/** A set-up installation: the first coordinator with PASSPHRASE, unlocked, sealing at rest. */
export async function keyedInstallation(label = 'A'): Promise<KeyedInstallation> {
  let clock = NOW.getTime();
  const now = () => new Date(clock);
  const fresh = freshDatabase(`otk-backup-${label}-${Math.random()}`, new Keyring(), now);
  const { profile, recoveryKey } = await setUpFirstProfile({ db: fresh.db, keyring: fresh.keyring, now: now }, { name: `Koordinaattori ${label}`, installationName: `Synteettinen OT-keskus ${label}`, language: 'fi', passphrase: PASSPHRASE, confirm: PASSPHRASE });
  await markNothingToMigrate(fresh.db);
  return {
    ...fresh,
    ctx: { db: fresh.db, actor: profile.name, profile, now },
    profile,
    recoveryKey,
    setNow: (ms) => (clock = ms),
    advance: (ms) => (clock += ms),
  };
}

/** The bridge of a desktop app whose backup folder is a Map: every call passes the shared contract. */
export function memoryFolderBridge(options: { failWriteAfter?: number } = {}): { bridge: Bridge; files: Map<string, Uint8Array>; saved: Uint8Array[] } {
  const files = new Map<string, Uint8Array>();
  const parts = new Map<string, Uint8Array[]>();
  const saved: Uint8Array[] = [];
  let writes = 0;
  const call = async (method: BridgeMethod, args: unknown): Promise<unknown> => {
    const a = args as Record<string, unknown> & { name: string; folder: string };
    if (method !== 'appInfo' && method !== 'saveFile' && 'folder' in a && a.folder !== FOLDER) return { status: 'failed', code: 'folder-not-allowed' };
    switch (method) {
      case 'appInfo':
        return { name: 'OT-keskus konsultaatiot', version: '0.1.0', shell: 'electron', platform: 'linux', dataLocation: '/tmp', keyStore: 'plain' };
      case 'saveFile':
        saved.push((a as unknown as { bytes: Uint8Array }).bytes.slice());
        return { status: 'saved', location: `/home/testi/${a.suggestedName as string}` };
      case 'chooseBackupFolder':
        return { status: 'chosen', folder: FOLDER };
      case 'writeBackupPart': {
        if (a.action === 'abort') return parts.delete(a.name), { status: 'done' };
        if (a.action === 'commit') {
          const bytes = concatBytes(parts.get(a.name) ?? []);
          if (bytes.length !== a.size) return { status: 'failed', code: 'write-failed' };
          parts.delete(a.name);
          files.set(a.name, bytes);
          return { status: 'done' };
        }
        if (options.failWriteAfter !== undefined && ++writes > options.failWriteAfter) return { status: 'failed', code: 'disk-full' };
        if (a.offset === 0) parts.set(a.name, []);
        parts.get(a.name)!.push((a.bytes as Uint8Array).slice());
        return { status: 'done' };
      }
      case 'readBackupPart': {
        const bytes = files.get(a.name);
        if (!bytes) return { status: 'failed', code: 'not-found' };
        const offset = a.offset as number;
        return { status: 'read', bytes: bytes.slice(offset, offset + (a.length as number)), size: bytes.length };
      }
      case 'listBackupFiles':
        return { status: 'listed', files: [...files].map(([name, bytes]) => ({ name, size: bytes.length })) };
      case 'deleteBackupFile':
        return files.delete(a.name) ? { status: 'deleted' } : { status: 'failed', code: 'not-found' };
      case 'openFile':
      case 'printToPdf':
        return { status: 'cancelled' };
    }
  };
  return { bridge: validatedBridge(call), files, saved };
}

/** Every table as IndexedDB stores it, read without the app (no middleware, no key), rows by key. */
export async function rawDump(database: { factory: IDBFactory; name: string }): Promise<Record<string, unknown[]>> {
  const raw = new Dexie(database.name, { indexedDB: database.factory, IDBKeyRange });
  await raw.open();
  const dump: Record<string, unknown[]> = {};
  for (const table of raw.tables.toSorted((a, b) => a.name.localeCompare(b.name))) dump[table.name] = await table.toArray();
  raw.close();
  return dump;
}

/** Every table as the app reads it: sealed fields opened with the keyring the database was given. */
export async function openedDump(db: OtkDatabase): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const table of db.tables.toSorted((a, b) => a.name.localeCompare(b.name))) dump[table.name] = await table.toArray();
  return dump;
}

/** A dump without what a restore itself adds: its audit event, and the chain head, clock and backup state it moves. */
export function withoutRestore(dump: Record<string, unknown[]>): Record<string, unknown[]> {
  return {
    ...dump,
    audit: dump.audit!.filter((event) => (event as { action: string }).action !== 'backup.restore'),
    meta: dump.meta!.filter((row) => !['auditChain', 'clock', 'backup'].includes((row as { key: string }).key)),
  };
}
