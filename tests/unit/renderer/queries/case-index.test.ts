import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import { createConsultation, updateConsultation } from '../../../../renderer/src/commands/consultations';
import { createConsultationsInBulk } from '../../../../renderer/src/commands/bulk';
import { CaseIndex } from '../../../../renderer/src/queries/case-index';
import { transitionConsultation } from '../../../../renderer/src/commands/lifecycle';
import { purgeCases } from '../../../../renderer/src/commands/retention';
import type { OtkDatabase } from '../../../../renderer/src/db/schema';
import { NOW, validIntake } from '../../../fixtures/intake';
import { TEST_COORDINATOR, expertProfile, requesterProfile } from '../support/profiles';
import { rowVisibleTo } from '../../../../renderer/src/queries/row-visibility';
import { routeConsultation } from '../../../../renderer/src/commands/routing';
import { requesterKey } from '../../../../shared/domain/requester-key';
const LANSI_MULTI = '00000000-0000-7000-8000-000000000041';
const LANSI_NEPSY = '00000000-0000-7000-8000-000000000042';
import { closeAll, exchange, installation } from '../commands/exchange/helpers';

let db: OtkDatabase;
let index: CaseIndex | undefined;
afterEach(() => {
  index?.stop();
  index = undefined;
  db?.close();
  closeAll();
});

function context() {
  db = createDatabase({ name: 'otk-index', clock: () => NOW, dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  return { db, actor: 'test-coordinator', profile: TEST_COORDINATOR, now: () => NOW };
}

const rank = () => 0;

describe('CaseIndex', () => {
  it('loads every row newest first across load chunks and answers filters, search and sorts', { timeout: 180_000 }, async () => {
    const ctx = context();
    const dates = Array.from({ length: 6_000 }, (_, i) => `2026-${String((i % 10) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`);
    await createConsultationsInBulk(
      ctx,
      dates.map((date, i) =>
        validIntake({
          received: { date, time: '10:00', channel: 'phone' },
          urgency: i % 7 === 0 ? 'urgent' : 'normal',
          requester: { ...validIntake().requester, region: i % 2 === 0 ? 'lappi' : 'pirkanmaa', name: `Testi Pyytäjä ${i}` },
        }),
      ),
    );
    index = new CaseIndex(db);
    await index.start();
    expect(index.size).toBe(6_000);
    const all = index.query({}, '2026-11-23', rank, 'fi').rows;
    expect(all).toHaveLength(6_000);
    expect(all.every((row, i) => i === 0 || all[i - 1]!.receivedAt >= row.receivedAt)).toBe(true);
    expect(index.query({ area: 'pohjoinen' }, '2026-11-23', rank, 'fi').rows).toHaveLength(3000);
    expect(index.query({ area: 'pohjoinen', urgency: 'urgent' }, '2026-11-23', rank, 'fi').rows.every((r) => r.region === 'lappi' && r.urgency === 'urgent')).toBe(true);
    expect(index.query({ q: 'pyytäjä 5999' }, '2026-11-23', rank, 'fi').rows.map((r) => r.requesterName)).toEqual(['Testi Pyytäjä 5999']);
    const byCode = index.query({ sort: 'caseCode', dir: 'asc' }, '2026-11-23', rank, 'fi').rows;
    expect(byCode[0]!.caseCode < byCode[1]!.caseCode).toBe(true);
    expect(index.query({ sort: 'receivedAt', dir: 'asc' }, '2026-11-23', rank, 'fi').rows[0]).toBe(all.at(-1));
  });

  // Dexie's liveQuery does not run in Node, so the test drives the feed by hand (catchUp); in the
  // app the subscription calls it, which the Chromium end-to-end tests exercise.
  it('follows the change feed: new and edited cases appear without reloading everything', async () => {
    const ctx = context();
    const first = await createConsultation(ctx, validIntake());
    index = new CaseIndex(db);
    await index.start();
    const versionAfterLoad = index.getVersion();
    const second = await createConsultation(ctx, validIntake({ received: { date: '2026-11-21', time: '08:00', channel: 'email' } }));
    await index.catchUp();
    expect(index.size).toBe(2);
    await updateConsultation(ctx, first.id, validIntake({ urgency: 'urgent' }));
    await index.catchUp();
    expect(index.query({ urgency: 'urgent' }, '2026-11-23', rank, 'fi').rows).toHaveLength(1);
    expect(index.getVersion()).toBeGreaterThan(versionAfterLoad);
    expect(index.query({}, '2026-11-23', rank, 'fi').rows.map((r) => r.id)).toEqual([second.id, first.id]);
  });

  it('marks overdue only open cases past their target date', async () => {
    const ctx = context();
    await createConsultation(ctx, validIntake({ received: { date: '2026-11-02', time: '10:00', channel: 'phone' } }));
    await createConsultation(ctx, validIntake());
    index = new CaseIndex(db);
    await index.start();
    expect(index.query({ due: 'overdue' }, '2026-11-23', rank, 'fi').rows.map((r) => r.receivedDate)).toEqual(['2026-11-02']);
  });

  it('drops the rows of purged cases and of cases deleted by an imported tombstone, reading only what changed', async () => {
    const ctx = context();
    const kept = await createConsultation(ctx, validIntake());
    const gone = await createConsultation(ctx, validIntake({ received: { date: '2026-11-21', time: '08:00', channel: 'email' } }));
    await transitionConsultation(ctx, gone.id, 'decline', { reason: 'duplicate', whereToTurn: 'Sama pyyntö' });
    index = new CaseIndex(db);
    await index.start();
    expect(index.size).toBe(2);

    const later: typeof ctx = { ...ctx, now: () => new Date('2029-01-01T10:00:00Z') };
    await purgeCases(later, [gone.id]);
    const version = index.getVersion();
    await index.catchUp();
    expect(index.size).toBe(1);
    expect(index.row(gone.id)).toBeUndefined();
    expect(index.query({}, '2029-01-01', rank, 'fi').rows.map((r) => r.id)).toEqual([kept.id]);
    expect(index.getVersion()).toBe(version + 1);
    // Nothing new: a second catch-up reads nothing and changes nothing.
    await index.catchUp();
    expect(index.getVersion()).toBe(version + 1);

    // Another installation that holds the case drops it when the tombstone arrives in a bundle.
    const a = await installation('a');
    const b = await installation('b');
    const shared = await createConsultation(a.ctx, validIntake());
    await transitionConsultation(a.ctx, shared.id, 'cancel', { reason: 'Peruttu' });
    await exchange(a, b);
    const other = new CaseIndex(b.db);
    await other.start();
    expect(other.row(shared.id)).toBeDefined();
    a.setNow(new Date('2029-01-01T10:00:00Z').getTime());
    b.setNow(new Date('2029-01-01T10:00:00Z').getTime());
    expect((await purgeCases(a.ctx, [shared.id])).purged).toEqual([shared.id]);
    await exchange(a, b);
    await other.catchUp();
    expect(other.row(shared.id)).toBeUndefined();
    expect(other.size).toBe(0);
    other.stop();
  });

  it('holds only the rows the profile may see, and drops a case re-routed away from an expert', async () => {
    const ctx = context();
    const mine = await createConsultation(ctx, validIntake());
    const other = await createConsultation(ctx, validIntake({ requester: { ...validIntake().requester, name: 'Toinen Testipyytäjä' } }));
    for (const id of [mine.id, other.id]) await transitionConsultation(ctx, id, 'accept');
    await routeConsultation(ctx, mine.id, { networkId: LANSI_NEPSY, proposedNetworkId: LANSI_NEPSY });
    await routeConsultation(ctx, other.id, { networkId: LANSI_MULTI, proposedNetworkId: LANSI_NEPSY, reason: 'Monialainen arvio tarpeen' });
    index = new CaseIndex(db, rowVisibleTo(expertProfile(LANSI_NEPSY)));
    await index.start();
    expect(index.rows().map((r) => r.id)).toEqual([mine.id]);
    await routeConsultation(ctx, mine.id, { networkId: LANSI_MULTI, proposedNetworkId: LANSI_NEPSY, reason: 'Monialainen arvio tarpeen' });
    await index.catchUp();
    expect(index.rows()).toHaveLength(0);

    const requester = new CaseIndex(db, rowVisibleTo(requesterProfile(requesterKey({ phone: '', email: '', ...validIntake().requester }))));
    await requester.start();
    expect(requester.rows().map((r) => r.id)).toEqual([mine.id]);
    requester.stop();
  });
});
