import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import { createConsultation, recordView } from '../../../../renderer/src/commands/consultations';
import { recordAuditExport } from '../../../../renderer/src/commands/audit-export';
import { auditPage, type AuditFilter } from '../../../../renderer/src/queries/audit';
import type { OtkDatabase } from '../../../../renderer/src/db/schema';
import { NOW, validIntake } from '../../../fixtures/intake';
import { TEST_COORDINATOR } from '../support/profiles';

let db: OtkDatabase;
afterEach(() => db?.close());

const ALL: AuditFilter = { from: '', to: '', action: '', actor: '', entityId: '' };

describe('auditPage', () => {
  it('pages the log newest first by keyset, and filters by action, user, case and time', async () => {
    db = createDatabase({ name: 'otk-audit-page', clock: () => NOW, dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
    let clock = NOW.getTime();
    const ctx = { db, actor: 'Koordinaattori A', profile: TEST_COORDINATOR, now: () => new Date((clock += 60_000)) };
    const first = await createConsultation(ctx, validIntake());
    const second = await createConsultation({ ...ctx, actor: 'Koordinaattori B' }, validIntake());
    for (let i = 0; i < 5; i++) await recordView(ctx, first.id);
    await recordAuditExport(ctx, 7);
    await recordAuditExport(ctx, 3, 'print');

    const all: string[] = [];
    let before: { at: string; id: string } | undefined;
    for (;;) {
      const page = await auditPage({ db, profile: TEST_COORDINATOR }, ALL, 3, before);
      all.push(...page.events.map((e) => e.at));
      const last = page.events.at(-1);
      if (!page.more || !last) break;
      before = { at: last.at, id: last.id };
    }
    expect(all).toEqual([...all].sort().reverse());
    expect(all).toHaveLength(await db.audit.count());

    expect((await auditPage({ db, profile: TEST_COORDINATOR }, { ...ALL, action: 'consultation.view' }, 100)).events).toHaveLength(5);
    expect((await auditPage({ db, profile: TEST_COORDINATOR }, { ...ALL, actor: 'koordinaattori b' }, 100)).events.map((e) => e.entityId)).toEqual([second.id]);
    expect((await auditPage({ db, profile: TEST_COORDINATOR }, { ...ALL, entityId: second.id }, 100)).events.map((e) => e.action)).toEqual(['consultation.create']);
    const exported = (await auditPage({ db, profile: TEST_COORDINATOR }, { ...ALL, action: 'audit.export' }, 100)).events;
    // A print of the log leaves the app like a file does: logged the same, with its medium.
    expect(exported.map((e) => e.details)).toEqual([{ events: '3', medium: 'print' }, { events: '7' }]);
    const cut = new Date(NOW.getTime() + 2.5 * 60_000).toISOString();
    expect((await auditPage({ db, profile: TEST_COORDINATOR }, { ...ALL, to: cut }, 100)).events.every((e) => e.at <= cut)).toBe(true);
  });
});
