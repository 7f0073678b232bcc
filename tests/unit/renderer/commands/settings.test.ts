import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import { saveSettings } from '../../../../renderer/src/commands/settings';
import { readSettings } from '../../../../renderer/src/queries/settings';
import { createConsultation } from '../../../../renderer/src/commands/consultations';
import { DEFAULT_SETTINGS } from '../../../../shared/domain/settings';
import type { OtkDatabase } from '../../../../renderer/src/db/schema';
import { NOW, validIntake } from '../../../fixtures/intake';
import { TEST_COORDINATOR } from '../support/profiles';

let db: OtkDatabase;
afterEach(() => db?.close());

function context() {
  db = createDatabase({ name: 'otk-settings', clock: () => NOW, dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  return { db, actor: 'test-coordinator', profile: TEST_COORDINATOR, now: () => NOW };
}

describe('settings', () => {
  it('start from the defaults: OTK codes, 7 days, 2 working days, no centre chosen', async () => {
    context();
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({ caseCodePrefix: 'OTK', normalCalendarDays: 7, urgentWorkingDays: 2, centreArea: '' });
  });

  it('change the case codes and target dates of new requests, and are audited by field', async () => {
    const ctx = context();
    await saveSettings(ctx, { caseCodePrefix: 'LSOTK', normalCalendarDays: 10, urgentWorkingDays: 3 });
    const record = await createConsultation(ctx, validIntake({ urgency: 'urgent' }));
    expect(record.caseCode).toBe('LSOTK-2026-0001');
    // Friday 20.11.2026 + 3 working days = Wednesday 25.11.
    expect(record.targetDate).toBe('2026-11-25');
    const normal = await createConsultation(ctx, validIntake());
    expect(normal.targetDate).toBe('2026-11-30');
    const audit = (await db.audit.toArray()).find((e) => e.action === 'settings.update');
    expect(audit?.fields.sort()).toEqual(['caseCodePrefix', 'normalCalendarDays', 'urgentWorkingDays']);
  });

  it('refuse bad values with field messages and keep the old settings', async () => {
    const ctx = context();
    await expect(saveSettings(ctx, { caseCodePrefix: 'otk', normalCalendarDays: 0, urgentWorkingDays: 61 })).rejects.toMatchObject({
      issues: [
        { path: 'caseCodePrefix', message: 'validation.caseCodePrefix' },
        { path: 'normalCalendarDays', message: 'validation.outOfRange' },
        { path: 'urgentWorkingDays', message: 'validation.outOfRange' },
      ],
    });
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
  });
});
