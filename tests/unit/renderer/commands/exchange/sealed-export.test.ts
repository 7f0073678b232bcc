import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../../renderer/src/db/open';
import { Keyring } from '../../../../../renderer/src/db/keyring';
import { setUpFirstProfile } from '../../../../../renderer/src/commands/session';
import { markNothingToMigrate } from '../../../../../renderer/src/commands/migrate';
import { createWorkerCodec, exportBundle } from '../../../../../renderer/src/commands/exchange';
import { createWorkerHost } from '../../../../../renderer/src/commands/exchange/worker-host';
import type { WorkerLike } from '../../../../../renderer/src/commands/exchange/worker-client';
import type { FromWorker, ToWorker } from '../../../../../renderer/src/commands/exchange/worker-protocol';
import { openStoredPage, pageRanges, pagesIn, storedPages, STORED_PAGE, type StoredPage } from '../../../../../renderer/src/commands/exchange/stored-pages';
import { readSelection } from '../../../../../renderer/src/commands/exchange/read';
import { wireConsultation, wireMeeting, wireTombstone } from '../../../../../shared/sync/wire/records';
import { ProtectionError } from '../../../../../shared/protection/errors';
import { inlineCodec } from '../../../../../shared/sync/wire/codec';
import { collectEntries, decodeBundle, type BundleEntry } from '../../../../../shared/sync/bundle';
import { SYNC_SCHEMA_VERSION } from '../../../../../shared/sync/schema-version';
import type { OtkDatabase } from '../../../../../renderer/src/db/schema';
import { NOW } from '../../../../fixtures/intake';
import { createCase, deleteCase, FAST_KDF, PASS, snapshot, type Installation } from './helpers';

/**
 * A full export reads its big tables as stored (sealed parts sealed, beneath the middleware) and
 * the bundle worker opens them with the data key posted to it (renderer/src/commands/exchange/
 * stored-pages.ts). What it opens must be exactly what the middleware gives on read, and a key
 * that does not open the rows must refuse the export cleanly (nothing recorded).
 */

const PROFILE_PASS = 'hiljaa virtaa joki illalla';
const keyed: Array<{ db: OtkDatabase; keyring: Keyring }> = [];

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: NOW }));
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  for (const { db, keyring } of keyed.splice(0)) {
    keyring.lock();
    db.close();
  }
});

/** An installation as the app opens it (keyring, coordinator profile, sealed at rest). */
async function keyedInstallation(name: string): Promise<Installation & { keyring: Keyring }> {
  const keyring = new Keyring();
  let clock = NOW.getTime();
  const now = () => new Date(clock);
  const db = createDatabase({ name: `otk-sealed-export-${name}-${Math.random()}`, clock: now, dexie: { indexedDB: new IDBFactory(), IDBKeyRange }, keyring });
  keyed.push({ db, keyring });
  const { profile } = await setUpFirstProfile({ db, keyring, now }, { name: 'Koordinaattori', installationName: `Asennus ${name}`, language: 'fi', passphrase: PROFILE_PASS, confirm: PROFILE_PASS });
  await markNothingToMigrate(db);
  const id = (await db.meta.get('installation'))?.value as string;
  return { name, db, ctx: { db, actor: profile.name, profile, now }, id, keyring, advance: (ms) => (clock += ms), setNow: (ms) => (clock = ms) };
}

/** The bundle worker in-process: messages structured-cloned (the CryptoKey too) and delivered asynchronously. */
function inProcessWorker(db: OtkDatabase): { worker: WorkerLike; received: ToWorker[] } {
  const listeners: Array<(event: { data: FromWorker }) => void> = [];
  const received: ToWorker[] = [];
  const host = createWorkerHost((message) => {
    const copy = structuredClone(message);
    setTimeout(() => listeners.forEach((listener) => listener({ data: copy })));
  }, () => ({ indexedDB: db._options.indexedDB as IDBFactory, IDBKeyRange }));
  const worker: WorkerLike = {
    postMessage(message, transfer) {
      const copy = structuredClone(message, { transfer });
      received.push(copy);
      setTimeout(() => host(copy));
    },
    addEventListener(type: 'message' | 'error', listener: never) {
      if (type === 'message') listeners.push(listener);
    },
    terminate() {},
  };
  return { worker, received };
}

/** A bundle's records, decoded as another installation would. */
async function contentOf(bytes: Uint8Array) {
  const bundle = await decodeBundle(bytes, PASS, { installationId: 'toinen-asennus', supportedSchemaVersion: SYNC_SCHEMA_VERSION, minIterations: FAST_KDF });
  const records = (await collectEntries(bundle)) as unknown as Record<string, Array<{ action?: string }>>;
  return { ...records, audit: records.audit!.filter((event) => event.action !== 'exchange.export') };
}

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

async function opened(pages: StoredPage[], key: CryptoKey | undefined): Promise<BundleEntry[]> {
  return (await Promise.all(pages.map((page) => openStoredPage(page, key)))).flat();
}

/** A coordinator's installation with cases, a deleted case and a meeting with sealed fields. */
async function seeded(name: string, cases = 4) {
  const inst = await keyedInstallation(name);
  const ids: string[] = [];
  for (let i = 0; i < cases; i++) ids.push((await createCase(inst, { question: `Kysymys ${i}: miten tukea arjessa?` })).id);
  if (ids.length > 0) await deleteCase(inst, ids[0]!);
  await inst.db.meetings.put({ id: 'm-1', networkId: 'n-1', date: '2026-11-20', location: 'Kokoushuone Esimerkki', notes: 'Synteettinen muistiinpano', stamps: {} } as never);
  return inst;
}

describe('a full export opened off the UI thread', () => {
  it('reads the rows as stored, and opening them gives exactly what the middleware gives on read', async () => {
    const a = await seeded('a');
    const key = a.keyring.dataKey();
    const pages = (table: 'consultations' | 'meetings' | 'tombstones', type: 'consultation' | 'meeting', wire: 'consultation' | 'meeting' | 'tombstone') => collect(storedPages(a.db.backendDB(), IDBKeyRange, { table, type, wire }));
    const cases = await pages('consultations', 'consultation', 'consultation');
    const meetings = await pages('meetings', 'meeting', 'meeting');
    const tombstones = await pages('tombstones', 'consultation', 'tombstone');
    // As stored: no sensitive field in plaintext, each row with its sealed value.
    for (const row of [...cases, ...meetings].flatMap((page) => page.rows) as Array<Record<string, unknown>>) {
      expect(row.sealed).toBeDefined();
      expect(row.question ?? row.requester ?? row.notes).toBeUndefined();
    }
    expect(await opened(cases, key)).toEqual((await a.db.consultations.orderBy(':id').toArray()).map((record) => ({ type: 'consultation', record: wireConsultation(record) })));
    expect(await opened(meetings, key)).toEqual((await a.db.meetings.toArray()).map((record) => ({ type: 'meeting', record: wireMeeting(record) })));
    expect(await opened(tombstones, key)).toEqual((await a.db.tombstones.toArray()).map((row) => ({ type: 'consultation', record: wireTombstone(row) })));
    expect(((await opened(meetings, key))[0]!.record as { notes: string }).notes).toBe('Synteettinen muistiinpano');
  });

  it('pages cut once cover the table as it is when read: rows written in between are read once, deleted ones not at all', async () => {
    const a = await seeded('ranges', 0);
    const tombstone = (id: string, rev: number) => ({ id, deleted: true, stamps: { deleted: 'x' }, entity: 'consultation', rev }) as never;
    await a.db.tombstones.bulkPut(Array.from({ length: 2 * STORED_PAGE + 3 }, (_, i) => tombstone(`t-${String(i).padStart(4, '0')}`, i + 1)));
    const ranges = await pageRanges(a.db.backendDB(), 'tombstones');
    expect(ranges).toHaveLength(3);
    expect(ranges[0]).toEqual({ below: `t-${String(STORED_PAGE).padStart(4, '0')}` });
    expect(ranges[2]).toEqual({ from: `t-${String(2 * STORED_PAGE).padStart(4, '0')}` });
    // After the cut: a row before the first, one on a page boundary's left, one after the last; one deleted.
    await a.db.tombstones.bulkPut([tombstone('a-first', 9001), tombstone(`t-${String(STORED_PAGE - 1).padStart(4, '0')}x`, 9002), tombstone('z-last', 9003)]);
    await a.db.tombstones.delete(`t-${String(STORED_PAGE).padStart(4, '0')}`);
    const pages = await collect(pagesIn(a.db.backendDB(), IDBKeyRange, { table: 'tombstones', type: 'consultation', wire: 'tombstone' }, ranges));
    expect(pages).toHaveLength(3);
    expect(pages.flatMap((page) => page.rows.map((row) => (row as { id: string }).id))).toEqual((await a.db.tombstones.orderBy(':id').primaryKeys()).map(String));
    // An empty table is one page of everything; a range left empty is still a page (readers keep their turns).
    expect(await pageRanges(a.db.backendDB(), 'meetings')).toEqual([{}]);
    await a.db.tombstones.where(':id').aboveOrEqual(`t-${String(2 * STORED_PAGE).padStart(4, '0')}`).delete();
    const after = await collect(pagesIn(a.db.backendDB(), IDBKeyRange, { table: 'tombstones', type: 'consultation', wire: 'tombstone' }, ranges));
    expect(after.map((page) => page.rows.length)).toEqual([STORED_PAGE + 2, STORED_PAGE - 1, 0]);
  });

  it('readers taking turns page by page give the bundle the in-page export gives, in key order', async () => {
    const a = await seeded('turns', 3);
    // Five pages of tombstones (more than the readers, an odd number, the last one short).
    await a.db.tombstones.bulkPut(Array.from({ length: 4 * STORED_PAGE + 11 }, (_, i) => ({ id: `t-${String(i).padStart(4, '0')}`, deleted: true, stamps: { deleted: 'x' }, entity: 'consultation', rev: i + 1 }) as never));
    const { worker } = inProcessWorker(a.db);
    const codec = createWorkerCodec(() => worker);
    const recipient = { kind: 'named' as const, name: 'Vastaanottaja' };
    const viaWorker = await exportBundle(a.ctx, { scope: { kind: 'full' }, recipient, passphrase: PASS, kdfIterations: FAST_KDF, codec });
    const inPage = await exportBundle(a.ctx, { scope: { kind: 'full' }, recipient, passphrase: PASS, kdfIterations: FAST_KDF, codec: inlineCodec });
    codec.dispose();
    const content = await contentOf(viaWorker.bytes);
    expect(content).toEqual(await contentOf(inPage.bytes));
    const ids = (content as unknown as Record<string, Array<{ id: string; deleted?: boolean }>>).consultation!.filter((record) => record.deleted).map((record) => record.id);
    expect(ids.filter((id) => id.startsWith('t-'))).toEqual(Array.from({ length: 4 * STORED_PAGE + 11 }, (_, i) => `t-${String(i).padStart(4, '0')}`));
  });

  it('pages along the primary key, the next page read ahead', async () => {
    const a = await seeded('paged', 0);
    // More tombstones than a page: written directly, they are not sealed.
    await a.db.tombstones.bulkPut(Array.from({ length: STORED_PAGE + 7 }, (_, i) => ({ id: `t-${String(i).padStart(4, '0')}`, deleted: true, stamps: { deleted: 'x' }, entity: 'consultation', rev: i + 1 }) as never));
    const pages = await collect(storedPages(a.db.backendDB(), IDBKeyRange, { table: 'tombstones', type: 'consultation', wire: 'tombstone' }));
    expect(pages.map((page) => page.rows.length)).toEqual([STORED_PAGE, 7]);
    expect(pages.flatMap((page) => page.rows.map((row) => (row as { id: string }).id))).toEqual((await a.db.tombstones.orderBy(':id').primaryKeys()).map(String));
  });

  it('the worker opens the pages with the posted key: the bundle holds what the in-page export holds', async () => {
    const a = await seeded('w');
    const { worker, received } = inProcessWorker(a.db);
    const codec = createWorkerCodec(() => worker);
    const recipient = { kind: 'named' as const, name: 'Vastaanottaja' };
    const viaWorker = await exportBundle(a.ctx, { scope: { kind: 'full' }, recipient, passphrase: PASS, kdfIterations: FAST_KDF, codec });
    const inPage = await exportBundle(a.ctx, { scope: { kind: 'full' }, recipient, passphrase: PASS, kdfIterations: FAST_KDF, codec: inlineCodec });
    codec.dispose();
    // The worker got the rows sealed and the key; it never got the cases opened.
    // The worker was told which tables to read, and read them itself: no case crossed from this thread.
    // Each reader got the table's name, the key and a port to the encoder; the encoder, the other ends.
    const stored = received.filter((m): m is Extract<ToWorker, { kind: 'read-lines' }> => m.kind === 'read-lines');
    // Every table by two readers: the lead, which cuts it into pages, and a follower.
    expect(stored.map((m) => [m.source.table, m.share.kind])).toEqual(['consultations', 'tombstones', 'meetings', 'audit'].flatMap((table) => [[table, 'lead'], [table, 'follow']]));
    expect(stored.every((m) => m.dataKey?.type === 'secret')).toBe(true);
    expect(received.filter((m) => m.kind === 'encode-lines').map((m) => (m as { ports: unknown[] }).ports.length)).toEqual([2, 2, 2, 2]);
    expect(JSON.stringify(received)).not.toContain('miten tukea');
    expect(JSON.stringify(received)).not.toContain('"sealed"');
    expect(received[0]).toMatchObject({ kind: 'encode-start' });
    expect(received[0]).not.toHaveProperty('dataKey');
    // The second export's bundle also carries the first one's audit event: compared without those.
    expect({ ...viaWorker.header.counts, audit: 0 }).toEqual({ ...inPage.header.counts, audit: 0 });
    expect(await contentOf(viaWorker.bytes)).toEqual(await contentOf(inPage.bytes));
    expect(JSON.stringify(await contentOf(viaWorker.bytes))).toContain('miten tukea');
    // And the in-page path reads the same as the middleware did before (every record opened here).
    const entries = (await collect(readSelection(a.db, { kind: 'full' }))).flat();
    expect(entries.filter((e) => e.type === 'consultation')).toHaveLength(4);
    expect(JSON.stringify(entries)).toContain('miten tukea');
  });

  it('a key that does not open the rows refuses the export in the worker; nothing is recorded', async () => {
    const a = await seeded('wrong');
    const other = await keyedInstallation('other');
    const before = await snapshot(a.db);
    const { worker } = inProcessWorker(a.db);
    const codec = createWorkerCodec(() => worker);
    vi.spyOn(a.keyring, 'dataKey').mockReturnValue(other.keyring.dataKey());
    const refused = exportBundle(a.ctx, { scope: { kind: 'full' }, recipient: { kind: 'named', name: 'Vastaanottaja' }, passphrase: PASS, kdfIterations: FAST_KDF, codec });
    await expect(refused).rejects.toBeInstanceOf(ProtectionError);
    await expect(refused).rejects.toMatchObject({ code: 'tampered' });
    vi.restoreAllMocks();
    expect(await snapshot(a.db)).toEqual(before);
    // The codec works again afterwards, with the right key.
    const again = await exportBundle(a.ctx, { scope: { kind: 'full' }, recipient: { kind: 'named', name: 'Vastaanottaja' }, passphrase: PASS, kdfIterations: FAST_KDF, codec });
    expect(again.header.counts.consultation).toBe(4);
    codec.dispose();
  });
});
