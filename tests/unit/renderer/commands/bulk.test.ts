import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import { BULK_CHUNK, createConsultationsInBulk } from '../../../../renderer/src/commands/bulk';
import { createConsultation } from '../../../../renderer/src/commands/consultations';
import { COUNTER_REV, COUNTER_TOTAL } from '../../../../renderer/src/db/counters';
import { counterValue } from '../../../../renderer/src/queries/consultations';
import type { OtkDatabase } from '../../../../renderer/src/db/schema';
import { NOW, validIntake } from '../../../fixtures/intake';
import { TEST_COORDINATOR } from '../support/profiles';

let db: OtkDatabase;
afterEach(() => db?.close());

function context() {
  db = createDatabase({ name: 'otk-bulk', clock: () => NOW, dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  return { db, actor: 'test-coordinator', profile: TEST_COORDINATOR, now: () => NOW };
}

describe('createConsultationsInBulk', () => {
  it('writes every request with consecutive case codes, list rows and counters, across chunks', async () => {
    const ctx = context();
    await createConsultation(ctx, validIntake());
    const count = BULK_CHUNK + 3;
    const progress: number[] = [];
    expect(await createConsultationsInBulk(ctx, Array.from({ length: count }, () => validIntake()), (done) => progress.push(done))).toBe(count);
    expect(progress).toEqual([BULK_CHUNK, count]);
    expect(await db.consultations.count()).toBe(count + 1);
    expect(await db.caseRows.count()).toBe(count + 1);
    expect(await counterValue(db, COUNTER_TOTAL)).toBe(count + 1);
    expect(await counterValue(db, COUNTER_REV)).toBe(count + 1);
    const codes = (await db.consultations.toArray()).map((r) => r.caseCode).sort();
    expect(codes[0]).toBe('OTK-2026-0001');
    expect(codes.at(-1)).toBe(`OTK-2026-${String(count + 1).padStart(4, '0')}`);
    expect(new Set(codes).size).toBe(count + 1);
    expect((await db.audit.toArray()).filter((e) => e.action === 'consultation.import').map((e) => e.details?.count).sort()).toEqual([String(BULK_CHUNK), '3'].sort());
  });

  it('writes nothing when any request is invalid, and says which one', async () => {
    const ctx = context();
    const inputs = [validIntake(), validIntake({ question: '' }), validIntake()];
    await expect(createConsultationsInBulk(ctx, inputs)).rejects.toMatchObject({ issues: [{ path: '1.question', message: 'validation.required' }] });
    expect(await db.consultations.count()).toBe(0);
  });
});
