import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import { createConsultation } from '../../../../renderer/src/commands/consultations';
import { ValidationError } from '../../../../renderer/src/commands/errors';
import { COUNTER_TOTAL, statusCounter } from '../../../../renderer/src/commands/counters';
import { newestConsultations, counterValue } from '../../../../renderer/src/queries/consultations';
import { readInstallation } from '../../../../renderer/src/commands/installation';
import type { CommandContext } from '../../../../renderer/src/commands/context';
import type { OtkDatabase } from '../../../../renderer/src/db/schema';
import { validIntake } from '../../../fixtures/intake';

const T = new Date(Date.UTC(2026, 10, 23, 9, 30));
let factory = new IDBFactory();
const open = () => createDatabase('otk-test', { indexedDB: factory, IDBKeyRange });
const opened: OtkDatabase[] = [];

function context(now = T): CommandContext {
  const db = open();
  opened.push(db);
  return { db, actor: 'test-coordinator', now: () => now };
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  factory = new IDBFactory();
});

describe('createConsultation', () => {
  it('writes the record, its audit event and the counters together', async () => {
    const ctx = context();
    const record = await createConsultation(ctx, validIntake());
    expect(record).toMatchObject({ status: 'received', region: 'pohjanmaa', area: 'lansi', receivedAt: T.toISOString(), createdBy: 'test-coordinator' });
    expect(await ctx.db.consultations.get(record.id)).toEqual(record);
    const audit = await ctx.db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'consultation.create', entityId: record.id, actor: 'test-coordinator' });
    // Data minimisation: the audit log names fields, never their values.
    expect(JSON.stringify(audit[0])).not.toContain('Testi');
    expect(await counterValue(ctx.db, COUNTER_TOTAL)).toBe(1);
    expect(await counterValue(ctx.db, statusCounter('received'))).toBe(1);
  });

  it('stamps every field with this installation’s clock, increasing from write to write', async () => {
    const ctx = context();
    const installation = await readInstallation(ctx.db);
    const first = await createConsultation(ctx, validIntake());
    const second = await createConsultation(ctx, validIntake());
    expect(first.stamps.question.endsWith(`:${installation.id}`)).toBe(true);
    expect(second.stamps.question > first.stamps.question).toBe(true);
  });

  it('refuses invalid input with field issues and writes nothing', async () => {
    const ctx = context();
    const bad = validIntake({ question: ' ' });
    await expect(createConsultation(ctx, bad)).rejects.toBeInstanceOf(ValidationError);
    await expect(createConsultation(ctx, bad)).rejects.toMatchObject({ issues: [{ path: 'question', message: 'validation.required' }] });
    expect(await ctx.db.consultations.count()).toBe(0);
    expect(await ctx.db.audit.count()).toBe(0);
    expect(await counterValue(ctx.db, COUNTER_TOTAL)).toBe(0);
  });

  it('leaves nothing half-written when a write inside the transaction fails', async () => {
    const ctx = context();
    ctx.db.audit.hook('creating', () => {
      throw new Error('simulated disk failure');
    });
    await expect(createConsultation(ctx, validIntake())).rejects.toThrow('simulated disk failure');
    expect(await ctx.db.consultations.count()).toBe(0);
    expect(await counterValue(ctx.db, COUNTER_TOTAL)).toBe(0);
  });

  it('keeps data across a restart (a new database handle on the same store)', async () => {
    const ctx = context();
    const record = await createConsultation(ctx, validIntake());
    ctx.db.close();
    const reopened = context();
    expect((await newestConsultations(reopened.db, 10)).map((r) => r.id)).toEqual([record.id]);
  });

  it('lists newest first by received time, with a limit', async () => {
    const days = [3, 1, 2].map((d) => new Date(Date.UTC(2026, 10, d)));
    let ctx = context();
    for (const day of days) {
      ctx = { ...ctx, now: () => day };
      await createConsultation(ctx, validIntake());
    }
    const newest = await newestConsultations(ctx.db, 2);
    expect(newest.map((r) => r.receivedAt)).toEqual([days[0]!.toISOString(), days[2]!.toISOString()]);
  });
});
