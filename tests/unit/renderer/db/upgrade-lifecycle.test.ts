import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import { createConsultation } from '../../../../renderer/src/commands/consultations';
import { routeConsultation } from '../../../../renderer/src/commands/routing';
import { transitionConsultation } from '../../../../renderer/src/commands/lifecycle';
import { NOW, validIntake } from '../../../fixtures/intake';
import { TEST_COORDINATOR } from '../support/profiles';

const NEPSY = '00000000-0000-7000-8000-000000000042';

describe('schema v1 → v2 (lifecycle)', () => {
  it('gives stored cases the lifecycle fields, their routings as transitions and the new list columns', async () => {
    const indexedDB = new IDBFactory();
    const name = 'otk-upgrade';
    // Write a case with the current commands, then strip it back to its v1 shape in a v1 database.
    const current = createDatabase({ name, clock: () => NOW, dexie: { indexedDB, IDBKeyRange } });
    const ctx = { db: current, actor: 'test-coordinator', profile: TEST_COORDINATOR, now: () => NOW };
    const created = await createConsultation(ctx, validIntake());
    await transitionConsultation(ctx, created.id, 'accept');
    const routed = await routeConsultation(ctx, created.id, { networkId: NEPSY, proposedNetworkId: NEPSY });
    current.close();
    await new Dexie(name, { indexedDB, IDBKeyRange }).delete();

    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores({ consultations: 'id', caseRows: 'id, [receivedAt+id], rev', requesters: 'key, lastUsedAt', networks: 'id, area', audit: 'id, [entityId+at], at', meta: 'key', counters: 'key' });
    const { transitions: _t, recommendation: _r, closeOut: _c, booking: _b, followUpDoneAt: _f, ...v1Record } = routed;
    const { transitions: _st, recommendation: _sr, closeOut: _sc, booking: _sb, followUpDoneAt: _sf, ...v1Stamps } = routed.stamps;
    await v1.table('consultations').add({ ...v1Record, stamps: v1Stamps });
    await v1.table('caseRows').add({ id: routed.id, caseCode: routed.caseCode, receivedAt: routed.receivedAt, status: 'routed', rev: routed.rev });
    await v1.table('meta').bulkAdd([{ key: 'installation', value: { id: 'x', createdAt: NOW.toISOString() } }]);
    v1.close();

    const upgraded = createDatabase({ name, clock: () => NOW, dexie: { indexedDB, IDBKeyRange } });
    const record = await upgraded.consultations.get(routed.id);
    expect(record).toMatchObject({ recommendation: null, closeOut: null, booking: null, followUpDoneAt: null });
    expect(record?.transitions).toEqual([
      { action: 'route', from: 'received', to: 'routed', data: { networkId: NEPSY, proposedNetworkId: NEPSY, reason: '' }, at: NOW.toISOString(), by: 'test-coordinator' },
    ]);
    expect(record?.stamps.transitions).toBe(routed.stamps.status);
    expect(await upgraded.caseRows.get(routed.id)).toMatchObject({ networkId: NEPSY, meetingDate: '', recommendation: 'none', followUpDate: '', region: 'pohjanmaa' });
    expect(await upgraded.meetings.count()).toBe(0);
    upgraded.close();
  });
});
