import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import { Keyring } from '../../../../renderer/src/db/keyring';
import type { OtkDatabase } from '../../../../renderer/src/db/schema';
import { createConsultationsInBulk } from '../../../../renderer/src/commands/bulk';
import { createConsultation } from '../../../../renderer/src/commands/consultations';
import { setUpFirstProfile, unlockProfile } from '../../../../renderer/src/commands/session';
import { CaseIndex } from '../../../../renderer/src/queries/case-index';
import { SNAPSHOT_CHUNK, type IndexSnapshotHead } from '../../../../renderer/src/db/index-snapshot';
import { prefetchIndexSnapshot, takeSnapshotPrefetch } from '../../../../renderer/src/db/index-snapshot-prefetch';
import { isProtectionError } from '../../../../shared/protection/errors';
import { NOW, validIntake } from '../../../fixtures/intake';
import { TEST_COORDINATOR } from '../support/profiles';

const PASSPHRASE = 'lumi sataa hiljaa tunturilla';
let factory = new IDBFactory();
const dbs: OtkDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  factory = new IDBFactory();
  vi.restoreAllMocks();
});

function open(keyring: Keyring, name = 'prefetch'): OtkDatabase {
  const db = createDatabase({ name, clock: () => NOW, dexie: { indexedDB: factory, IDBKeyRange }, keyring });
  dbs.push(db);
  return db;
}

async function unlocked(name?: string) {
  const keyring = new Keyring();
  keyring.unlock(await globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']), new Uint8Array(32).fill(1));
  return open(keyring, name);
}

const ctxOf = (db: OtkDatabase) => ({ db, actor: 'test-coordinator', profile: TEST_COORDINATOR, now: () => NOW });

async function load(db: OtkDatabase, snapshot = true) {
  const index = new CaseIndex(db, null, { snapshot });
  await index.start();
  index.stop();
  return index;
}

/** Cases over more than one chunk, and a snapshot of them. */
async function withCases(db: OtkDatabase) {
  const n = SNAPSHOT_CHUNK + 200;
  await createConsultationsInBulk(ctxOf(db), Array.from({ length: n }, (_, i) => validIntake({ received: { date: `2026-0${(i % 9) + 1}-1${i % 10}`, time: '09:30', channel: 'phone' } })));
  expect(await (await load(db)).saveSnapshot()).toBe(true);
}

/** The ids the index snapshot's table was asked for one by one. */
function chunkReads(db: OtkDatabase) {
  const get = vi.spyOn(db.indexSnapshot, 'get');
  return () => get.mock.calls.map(([id]) => String(id)).filter((id) => id !== 'head');
}

describe('index snapshot read ahead of the unlock', () => {
  it('the index loads from the bytes read while the key was derived — the same rows, no chunk read twice — and takes them once', { timeout: 60_000 }, async () => {
    const db = await unlocked();
    await withCases(db);
    prefetchIndexSnapshot(db);
    const reads = chunkReads(db);
    const index = await load(db);
    expect(index.loadedFrom).toBe('snapshot');
    expect(reads()).toEqual([]);
    expect(index.rows()).toEqual((await load(db, false)).rows());
    expect(takeSnapshotPrefetch(db)).toBeUndefined();
  });

  it('bytes of a snapshot rewritten meanwhile are not used: the index reads the current one', { timeout: 60_000 }, async () => {
    const db = await unlocked();
    await withCases(db);
    prefetchIndexSnapshot(db);
    const before = (await db.indexSnapshot.get('head')) as IndexSnapshotHead;
    const added = await createConsultation(ctxOf(db), validIntake());
    expect(await (await load(db, false)).saveSnapshot()).toBe(true);
    expect(((await db.indexSnapshot.get('head')) as IndexSnapshotHead).snapshotId).not.toBe(before.snapshotId);
    const reads = chunkReads(db);
    const index = await load(db);
    expect(index.loadedFrom).toBe('snapshot');
    expect(reads()).toHaveLength(2);
    expect(index.row(added.id)).toBeDefined();
    expect(index.rows()).toEqual((await load(db, false)).rows());
  });

  it('bytes read ahead of a snapshot cleared meanwhile (a purge) are dropped when the index loads from the rows', { timeout: 60_000 }, async () => {
    const db = await unlocked();
    await withCases(db);
    prefetchIndexSnapshot(db);
    await db.indexSnapshot.clear();
    expect((await load(db)).loadedFrom).toBe('rows');
    expect(takeSnapshotPrefetch(db)).toBeUndefined();
  });

  it('an unlock reads the snapshot ahead; a wrong passphrase leaves nothing held', { timeout: 60_000 }, async () => {
    const keyring = new Keyring();
    const db = open(keyring);
    const { profile } = await setUpFirstProfile({ db, keyring, now: () => NOW }, { name: 'Koordinaattori', installationName: 'Synteettinen testiasennus', language: 'fi', passphrase: PASSPHRASE, confirm: PASSPHRASE });
    await withCases(db);
    keyring.lock();
    const failure = await unlockProfile({ db, keyring, now: () => NOW }, profile.id, 'väärä tunnuslause tässä').catch((e: unknown) => e);
    expect(isProtectionError(failure, 'wrong-passphrase')).toBe(true);
    expect(takeSnapshotPrefetch(db)).toBeUndefined();
    await unlockProfile({ db, keyring, now: () => NOW }, profile.id, PASSPHRASE);
    const reads = chunkReads(db);
    expect((await load(db)).loadedFrom).toBe('snapshot');
    expect(reads()).toEqual([]);
  });
});
