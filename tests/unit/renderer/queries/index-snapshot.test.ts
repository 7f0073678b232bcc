import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import { Keyring } from '../../../../renderer/src/db/keyring';
import type { OtkDatabase } from '../../../../renderer/src/db/schema';
import { createConsultationsInBulk } from '../../../../renderer/src/commands/bulk';
import { createConsultation, updateConsultation } from '../../../../renderer/src/commands/consultations';
import { transitionConsultation } from '../../../../renderer/src/commands/lifecycle';
import { purgeCases } from '../../../../renderer/src/commands/retention';
import { CaseIndex } from '../../../../renderer/src/queries/case-index';
import { readIndexSnapshot, SNAPSHOT_CHUNK, type IndexSnapshotHead } from '../../../../renderer/src/db/index-snapshot';
import { prefetchIndexSnapshot } from '../../../../renderer/src/db/index-snapshot-prefetch';
import { decodeRecords, encodeRecords } from '../../../../shared/worklist/row-columns';
import { NOW, validIntake } from '../../../fixtures/intake';
import { TEST_COORDINATOR } from '../support/profiles';

const factory = new IDBFactory();
let dbs: OtkDatabase[] = [];
afterEach(() => {
  for (const db of dbs) db.close();
  dbs = [];
});

async function newKey(): Promise<CryptoKey> {
  return globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

function open(name: string, key: CryptoKey, now = () => NOW): OtkDatabase {
  const keyring = new Keyring();
  keyring.unlock(key, new Uint8Array(32).fill(1));
  const db = createDatabase({ name, clock: now, dexie: { indexedDB: factory, IDBKeyRange }, keyring });
  dbs.push(db);
  return db;
}

const ctxOf = (db: OtkDatabase, now = () => NOW) => ({ db, actor: 'test-coordinator', profile: TEST_COORDINATOR, now });

async function load(db: OtkDatabase) {
  const index = new CaseIndex(db);
  await index.start();
  index.stop();
  return index;
}

async function withSnapshot(db: OtkDatabase) {
  const index = await load(db);
  expect(await index.saveSnapshot()).toBe(true);
  return index;
}

describe('row columns', () => {
  it('round-trips records exactly (absent keys stay absent) and shares repeated values', () => {
    const rows = [
      { id: 'a', n: 1, s: 'x', t: ['p', 'q'], o: { m: 'k', z: null }, opt: 'y' },
      { id: 'b', n: 2, s: 'x', t: ['p', 'q'], o: { m: 'k', z: 3 } },
      { id: 'c', n: 3, s: 'w', t: [], o: { m: 'l', z: null, extra: [1] } },
    ];
    const encoded = JSON.parse(JSON.stringify(encodeRecords(rows))) as ReturnType<typeof encodeRecords>;
    const back = decodeRecords<(typeof rows)[number]>(encoded, rows.length);
    expect(back).toEqual(rows);
    expect('opt' in back[1]!).toBe(false);
    expect(back[0]!.t).toBe(back[1]!.t);
    expect(() => decodeRecords({ d: ['x'], i: [5] }, 1)).toThrow();
  });
});

describe('index snapshot', () => {
  it('loads from the snapshot across chunks, exactly as from the rows, and catches up edits made since', { timeout: 120_000 }, async () => {
    const key = await newKey();
    const db = open('snap-chunks', key);
    const ctx = ctxOf(db);
    const n = 2 * SNAPSHOT_CHUNK + 300;
    await createConsultationsInBulk(ctx, Array.from({ length: n }, (_, i) => validIntake({ received: { date: `2026-${String((i % 10) + 1).padStart(2, '0')}-0${(i % 9) + 1}`, time: '10:00', channel: 'phone' } })));
    await withSnapshot(db);
    const head = (await db.indexSnapshot.get('head')) as IndexSnapshotHead;
    expect(head.chunks).toBe(3);
    // Nothing readable in the stored snapshot: only sealed values.
    expect(JSON.stringify(await db.indexSnapshot.toArray())).not.toContain(validIntake().requester.name);

    const edited = (await db.caseRows.limit(1).toArray())[0]!;
    await updateConsultation(ctx, edited.id, validIntake({ urgency: 'urgent', requester: { ...validIntake().requester, name: 'Uusi Nimi' } }));
    const fresh = await createConsultation(ctx, validIntake());
    const fromSnapshot = await load(db);
    expect(fromSnapshot.loadedFrom).toBe('snapshot');
    const fromRows = new CaseIndex(db, null, { snapshot: false });
    await fromRows.start();
    fromRows.stop();
    expect(fromSnapshot.rows()).toEqual(fromRows.rows());
    expect(fromSnapshot.row(edited.id)?.requesterName).toBe('Uusi Nimi');
    expect(fromSnapshot.row(fresh.id)).toBeDefined();
  });

  it('a case saved while the chunks open is caught up, nothing lost or doubled — read beside them after a read-ahead, after them from the disk', { timeout: 120_000 }, async () => {
    const key = await newKey();
    const db = open('snap-meanwhile', key);
    const ctx = ctxOf(db);
    await createConsultationsInBulk(ctx, Array.from({ length: SNAPSHOT_CHUNK + 10 }, () => validIntake()));
    await withSnapshot(db);
    const fromRows = async () => {
      const index = new CaseIndex(db, null, { snapshot: false });
      await index.start();
      index.stop();
      return index.rows();
    };
    // The first chunk's decryption starts a save.
    const decrypt = globalThis.crypto.subtle.decrypt.bind(globalThis.crypto.subtle);
    const loadWhileSaving = async (readAhead: boolean) => {
      let saving: Promise<{ id: string }> | null = null;
      const spy = vi.spyOn(globalThis.crypto.subtle, 'decrypt').mockImplementation((...args: Parameters<SubtleCrypto['decrypt']>) => {
        saving ??= createConsultation(ctx, validIntake({ urgency: 'urgent' }));
        return decrypt(...args);
      });
      if (readAhead) prefetchIndexSnapshot(db);
      const index = new CaseIndex(db);
      await index.start();
      spy.mockRestore();
      expect(index.loadedFrom).toBe('snapshot');
      expect(saving).not.toBeNull();
      return { index, saved: await saving! };
    };

    // Read ahead (the unlock's path): the changes since the snapshot were read before the chunks
    // opened, so the save came after that read; the change feed brings it.
    const ahead = await loadWhileSaving(true);
    expect(ahead.index.row(ahead.saved.id)).toBeUndefined();
    await ahead.index.catchUp();
    ahead.index.stop();
    expect(ahead.index.row(ahead.saved.id)?.urgency).toBe('urgent');
    expect(ahead.index.rows()).toEqual(await fromRows());

    // From the disk: the changes are read after the chunks (beside them, they slowed the chunks'
    // reads); whether the save is in that read or after it, the index ends up the same.
    const disk = await loadWhileSaving(false);
    await disk.index.catchUp();
    disk.index.stop();
    expect(disk.index.row(disk.saved.id)?.urgency).toBe('urgent');
    expect(disk.index.rows()).toEqual(await fromRows());
  });

  it('is ignored when it does not open (another key), when its revision is ahead of the database, or when the rows do not add up', async () => {
    const key = await newKey();
    const db = open('snap-odd', key);
    const ctx = ctxOf(db);
    const first = await createConsultation(ctx, validIntake());
    await createConsultation(ctx, validIntake());
    await withSnapshot(db);
    expect((await load(db)).loadedFrom).toBe('snapshot');

    // Another key (a replaced installation's database): not opened, the rows are read.
    const other = open('snap-odd', await newKey());
    expect(await readIndexSnapshot(other, other.keyring!.dataKey())).toBeNull();
    other.close();

    // A revision ahead of the database's (a restore of an older state): ignored.
    const head = (await db.indexSnapshot.get('head')) as IndexSnapshotHead;
    await db.indexSnapshot.put({ ...head, rev: head.rev + 5 } satisfies IndexSnapshotHead);
    expect((await load(db)).loadedFrom).toBe('rows');
    await db.indexSnapshot.put(head);
    expect((await load(db)).loadedFrom).toBe('snapshot');

    // Another list row shape or format: ignored.
    await db.indexSnapshot.put({ ...head, shape: head.shape + 1 } satisfies IndexSnapshotHead);
    expect((await load(db)).loadedFrom).toBe('rows');
    await db.indexSnapshot.put(head);

    // A list row deleted with no tombstone (something the feed cannot see): the count gives it away.
    await db.caseRows.delete(first.id);
    const index = await load(db);
    expect(index.loadedFrom).toBe('rows');
    expect(index.row(first.id)).toBeUndefined();
  });

  it('a purge clears it in the same transaction (no purged case stays on disk), and the index writes a new one without it', async () => {
    const key = await newKey();
    let clock = NOW.getTime();
    const now = () => new Date(clock);
    const db = open('snap-purge', key, now);
    const ctx = ctxOf(db, now);
    const kept = await createConsultation(ctx, validIntake());
    const gone = await createConsultation(ctx, validIntake());
    await transitionConsultation(ctx, gone.id, 'decline', { reason: 'duplicate', whereToTurn: 'Sama pyyntö' });
    await withSnapshot(db);
    clock = new Date('2029-01-01T10:00:00Z').getTime();
    expect((await purgeCases(ctx, [gone.id])).purged).toEqual([gone.id]);
    expect(await db.indexSnapshot.count()).toBe(0);
    const index = await load(db);
    expect(index.loadedFrom).toBe('rows');
    expect(await index.saveSnapshot()).toBe(true);
    const again = await load(db);
    expect(again.loadedFrom).toBe('snapshot');
    expect(again.rows().map((row) => row.id)).toEqual([kept.id]);
  });

  it('is not written when the list changed after the rows were taken', async () => {
    const key = await newKey();
    const db = open('snap-moved', key);
    const ctx = ctxOf(db);
    await createConsultation(ctx, validIntake());
    const index = await load(db);
    await createConsultation(ctx, validIntake());
    expect(await index.saveSnapshot()).toBe(false);
    expect(await db.indexSnapshot.count()).toBe(0);
    const filtered = new CaseIndex(db, () => true);
    await filtered.start();
    filtered.stop();
    expect(await filtered.saveSnapshot()).toBe(false);
  });
});
