import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { createDatabase } from '../../../../../renderer/src/db/open';
import { Keyring } from '../../../../../renderer/src/db/keyring';
import { OPEN_SLICE } from '../../../../../renderer/src/db/encryption-middleware';
import { setUpFirstProfile } from '../../../../../renderer/src/commands/session';
import { markNothingToMigrate } from '../../../../../renderer/src/commands/migrate';
import { applyImport, previewImport, type ExchangeProgress } from '../../../../../renderer/src/commands/exchange';
import { sealCases, sealedCopy, SEAL_SLICE } from '../../../../../renderer/src/commands/exchange/seal-writes';
import { WRITE_CHUNK } from '../../../../../renderer/src/commands/exchange/apply-steps';
import { bumpCounters } from '../../../../../renderer/src/commands/counters';
import { COUNTER_REV } from '../../../../../renderer/src/db/counters';
import type { CommandContext } from '../../../../../renderer/src/access/context';
import type { OtkDatabase } from '../../../../../renderer/src/db/schema';
import { NOW } from '../../../../fixtures/intake';
import { closeAll, createCase, FAST_KDF, forged, installation, PASS, send, snapshot } from './helpers';

/**
 * The import seals its cases before its transaction (renderer/src/commands/exchange/seal-writes.ts)
 * so the transaction only writes: the stored form must be exactly what the encryption middleware
 * stores, and all-or-nothing must hold — a refused bundle and a failing transaction write nothing.
 */

const PROFILE_PASS = 'hiljaa virtaa joki illalla';
const keyed: Array<{ db: OtkDatabase; keyring: Keyring; name: string; factory: IDBFactory }> = [];

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  closeAll();
  for (const { db, keyring } of keyed.splice(0)) {
    keyring.lock();
    db.close();
  }
});

/** A new installation as the app opens it: a keyring, a coordinator profile, sealed at rest. */
async function keyedInstallation(name: string): Promise<{ db: OtkDatabase; ctx: CommandContext; raw: () => Promise<Record<string, Array<Record<string, unknown>>>> }> {
  const factory = new IDBFactory();
  const keyring = new Keyring();
  const dbName = `otk-sealed-import-${name}`;
  const db = createDatabase({ name: dbName, clock: () => NOW, dexie: { indexedDB: factory, IDBKeyRange }, keyring });
  keyed.push({ db, keyring, name: dbName, factory });
  const { profile } = await setUpFirstProfile({ db, keyring, now: () => NOW }, { name: 'Koordinaattori', installationName: `Asennus ${name}`, language: 'fi', passphrase: PROFILE_PASS, confirm: PROFILE_PASS });
  await markNothingToMigrate(db);
  const ctx: CommandContext = { db, actor: profile.name, profile, now: () => NOW };
  /** What IndexedDB holds, read without the app (no middleware, no key). */
  const raw = async () => {
    const plain = new Dexie(dbName, { indexedDB: factory, IDBKeyRange });
    await plain.open();
    const dump: Record<string, Array<Record<string, unknown>>> = {};
    for (const table of ['consultations', 'caseRows']) dump[table] = (await plain.table(table).toArray()) as Array<Record<string, unknown>>;
    plain.close();
    return dump;
  };
  return { db, ctx, raw };
}

/** A full bundle of `n` cases from a plain installation, addressed to whoever holds the passphrase. */
async function bundleOf(n: number): Promise<Uint8Array> {
  const a = await installation('source');
  for (let i = 0; i < n; i++) await createCase(a);
  return (await send(a, { kind: 'named', name: 'Vastaanottaja' })).bytes;
}

describe('an import sealed before its transaction', () => {
  it('stores every case and list row exactly as the middleware would, and seals nothing inside the transaction', async () => {
    const bytes = await bundleOf(3);
    const ahead = await keyedInstallation('ahead');
    const onPut = await keyedInstallation('on-put');

    // Sealed ahead: count the encryptions made once the transaction has begun ('writing').
    const encrypt = vi.spyOn(globalThis.crypto.subtle, 'encrypt');
    let inTransaction = -1;
    const ready = await previewImport(ahead.ctx, bytes, PASS, { minIterations: FAST_KDF });
    if (!ready.ok) throw new Error(ready.refusal.code);
    const sealed = await sealCases(ahead.db, ready.plan.consultation.writes);
    expect(ready.plan.consultation.writes.every((write) => sealedCopy(sealed, write) !== undefined)).toBe(true);
    await applyImport(ahead.ctx, ready, { onProgress: (p: ExchangeProgress) => p.phase === 'writing' && inTransaction < 0 && (inTransaction = encrypt.mock.calls.length) });
    // Case data is sealed before 'writing'; inside, only the rows that are not cases (none of them sealed) are written.
    expect(inTransaction).toBeGreaterThan(0);
    expect(encrypt.mock.calls.length).toBe(inTransaction);

    // Sealed on put by the middleware: the database changed after the preview, so the plan is
    // worked out again in the transaction and none of the copies sealed ahead applies.
    const again = await previewImport(onPut.ctx, bytes, PASS, { minIterations: FAST_KDF });
    if (!again.ok) throw new Error(again.refusal.code);
    await onPut.db.transaction('rw', onPut.db.counters, () => bumpCounters(onPut.db, { [COUNTER_REV]: 1 }));
    await applyImport(onPut.ctx, again);

    const [a, b] = [await ahead.raw(), await onPut.raw()];
    for (const table of ['consultations', 'caseRows']) {
      expect(a[table]).toHaveLength(3);
      for (const [i, row] of a[table]!.entries()) {
        const other = b[table]![i]!;
        // The same members in the same order, sealed the same way; only the IV, the ciphertext and the revision differ.
        expect(Object.keys(row)).toEqual(Object.keys(other));
        expect(Object.keys(row).at(-1)).toBe('sealed');
        // (The arrival mark names the revision, which the counter bumped above moved on by one.)
        const plain = ({ sealed: _sealed, rev: _rev, arrivedFrom, ...rest }: Record<string, unknown>) => ({ ...rest, mark: (arrivedFrom as { peer?: string } | undefined)?.peer });
        expect(plain(row)).toEqual(plain(other));
        expect(Object.keys(row.sealed as object)).toEqual(Object.keys(other.sealed as object));
        expect(JSON.stringify(row)).not.toContain('Testinen'); // no requester name in plaintext
      }
    }
    // And the app reads the same cases back from both.
    const opened = async (db: OtkDatabase) => (await db.consultations.toArray()).map(({ rev: _rev, ...record }) => ({ ...record, arrivedFrom: (record as { arrivedFrom?: { peer: string } }).arrivedFrom?.peer }));
    expect(await opened(ahead.db)).toEqual(await opened(onPut.db));
  });

  it('seals in slices and writes in chunks: more cases than one slice and one chunk arrive whole', { timeout: 120_000 }, async () => {
    const n = Math.max(SEAL_SLICE, WRITE_CHUNK) + 7;
    const bytes = await bundleOf(n);
    const target = await keyedInstallation('many');
    const ready = await previewImport(target.ctx, bytes, PASS, { minIterations: FAST_KDF });
    if (!ready.ok) throw new Error(ready.refusal.code);
    const phases: string[] = [];
    await applyImport(target.ctx, ready, { onProgress: (p) => phases.push(p.phase) });
    expect(phases.filter((phase) => phase === 'sealing').length).toBe(Math.ceil(n / SEAL_SLICE));
    expect(await target.db.consultations.count()).toBe(n);
    expect(await target.db.caseRows.count()).toBe(n);
    const raw = await target.raw();
    expect(raw.consultations!.every((row) => row.question === undefined && typeof row.sealed === 'object')).toBe(true);
    // One read of more rows than the middleware opens per task (OPEN_SLICE): every row opened, in key order.
    expect(n).toBeGreaterThan(OPEN_SLICE);
    const read = await target.db.consultations.toArray();
    expect(read.map((record) => record.id)).toEqual(raw.consultations!.map((row) => row.id));
    expect(read.every((record) => typeof record.question === 'string' && (record as { sealed?: unknown }).sealed === undefined)).toBe(true);
  });

  it('a bundle refused mid-way (an invalid record among valid ones) writes nothing', async () => {
    const a = await installation('source');
    const records = [];
    for (let i = 0; i < 5; i++) {
      const { rev: _rev, ...record } = await createCase(a);
      records.push(record);
    }
    const { question: _question, ...broken } = records[2]!;
    const bytes = await forged(a, { kind: 'full' }, [...records.slice(0, 2), broken, ...records.slice(3)].map((record) => ({ type: 'consultation', record })));
    const target = await keyedInstallation('refused');
    const before = await snapshot(target.db);
    const refused = await previewImport(target.ctx, bytes, PASS, { minIterations: FAST_KDF });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.refusal.detail).toMatchObject({ type: 'consultation', index: 2 });
    expect(await snapshot(target.db)).toEqual(before);
  });

  it('a failure inside the writing transaction, after the cases were written, leaves nothing', async () => {
    const bytes = await bundleOf(WRITE_CHUNK + 3);
    const target = await keyedInstallation('fails');
    const ready = await previewImport(target.ctx, bytes, PASS, { minIterations: FAST_KDF });
    if (!ready.ok) throw new Error(ready.refusal.code);
    const before = await snapshot(target.db);
    // The last write of the transaction (the bundle id) fails: every case chunk was written before it.
    target.db.importedBundles.hook('creating', () => {
      throw new Error('the disk is full');
    });
    await expect(applyImport(target.ctx, ready)).rejects.toThrow('the disk is full');
    expect(await snapshot(target.db)).toEqual(before);
    expect(await target.db.consultations.count()).toBe(0);
  });

  it('a failure among the audit chunks, with case chunks still in flight, leaves nothing', async () => {
    const bytes = await bundleOf(WRITE_CHUNK + 3);
    const target = await keyedInstallation('fails-mid-audit');
    const ready = await previewImport(target.ctx, bytes, PASS, { minIterations: FAST_KDF });
    if (!ready.ok) throw new Error(ready.refusal.code);
    expect(ready.plan.audit.writes.length).toBeGreaterThan(1);
    const before = await snapshot(target.db);
    // The second audit event of the bundle fails: the cases were queued, the counters moved, the first events put.
    let events = 0;
    target.db.audit.hook('creating', () => {
      if (++events === 2) throw new Error('the disk is full');
    });
    await expect(applyImport(target.ctx, ready)).rejects.toThrow('the disk is full');
    expect(await snapshot(target.db)).toEqual(before);
    expect(await target.db.consultations.count()).toBe(0);
    expect(events).toBeGreaterThanOrEqual(2);
  });
});
