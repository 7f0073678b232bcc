import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import { createConsultation, recordView, updateConsultation } from '../../../../renderer/src/commands/consultations';
import { CommandError, ValidationError } from '../../../../renderer/src/access/errors';
import { COUNTER_TOTAL, statusCounter } from '../../../../renderer/src/db/counters';
import { counterValue, newestCaseRows, recentRequesters, timelineOf } from '../../../../renderer/src/queries/consultations';
import { readInstallation } from '../../../../renderer/src/queries/installation';
import type { CommandContext } from '../../../../renderer/src/access/context';
import type { OtkDatabase } from '../../../../renderer/src/db/schema';
import { NOW, validIntake } from '../../../fixtures/intake';
import { expertProfile, requesterProfile, TEST_COORDINATOR } from '../support/profiles';
import { requesterKey } from '../../../../shared/domain/requester-key';
let factory = new IDBFactory();
const opened: OtkDatabase[] = [];

function context(now = NOW): CommandContext {
  const db = createDatabase({ name: 'otk-test', clock: () => now, dexie: { indexedDB: factory, IDBKeyRange } });
  opened.push(db);
  return { db, actor: 'test-coordinator', profile: TEST_COORDINATOR, now: () => now };
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  factory = new IDBFactory();
});

const consented = { mode: 'consented', consentedBy: 'guardians', date: '2026-11-18', scope: 'Konsultaatio', expiry: '', withdrawn: '' } as const;

describe('createConsultation', () => {
  it('writes the record, its list row, audit event, requester and counters together', async () => {
    const ctx = context();
    const record = await createConsultation(ctx, validIntake());
    expect(record).toMatchObject({
      caseCode: 'OTK-2026-0001',
      status: 'received',
      region: 'pohjanmaa',
      area: 'lansi',
      // 20.11.2026 09:30 in Helsinki is 07:30 UTC; seven days later is the target.
      receivedAt: '2026-11-20T07:30:00.000Z',
      targetDate: '2026-11-27',
      createdBy: 'test-coordinator',
    });
    expect(await ctx.db.consultations.get(record.id)).toEqual(record);
    expect(await ctx.db.caseRows.get(record.id)).toMatchObject({ caseCode: 'OTK-2026-0001', receivedDate: '2026-11-20', consentMode: 'anonymous', rev: record.rev });
    const audit = await timelineOf(ctx.db, record.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'consultation.create', entityId: record.id, actor: 'test-coordinator' });
    // Data minimisation: the audit log names fields, never their values.
    expect(JSON.stringify(audit[0])).not.toContain('Testi');
    expect(await counterValue(ctx.db, COUNTER_TOTAL)).toBe(1);
    expect(await counterValue(ctx.db, statusCounter('received'))).toBe(1);
    expect((await recentRequesters(ctx, 5)).map((r) => r.name)).toEqual(['Testi Sosiaalityöntekijä']);
  });

  it('shows previous requesters only as far as the profile may see them', async () => {
    const ctx = context();
    await createConsultation(ctx, validIntake());
    const other = { ...validIntake().requester, phone: '', name: 'Toinen Testiammattilainen', email: 'toinen@example.invalid' };
    await createConsultation(ctx, validIntake({ requester: other }));
    expect((await recentRequesters(ctx, 5)).map((r) => r.name).sort()).toEqual(['Testi Sosiaalityöntekijä', 'Toinen Testiammattilainen']);
    // A requester desk sees its own contact only; an expert desk sees none.
    expect((await recentRequesters({ ...ctx, profile: requesterProfile(requesterKey(other)) }, 5)).map((r) => r.name)).toEqual(['Toinen Testiammattilainen']);
    expect(await recentRequesters({ ...ctx, profile: expertProfile('00000000-0000-7000-8000-000000000042') }, 5)).toEqual([]);
  });

  it('numbers cases per year and computes urgent targets in Finnish working days', async () => {
    const ctx = context();
    await createConsultation(ctx, validIntake());
    const urgent = await createConsultation(ctx, validIntake({ urgency: 'urgent', received: { date: '2026-11-20', time: '15:00', channel: 'email' } }));
    expect(urgent.caseCode).toBe('OTK-2026-0002');
    // Friday 20.11. + 2 working days = Tuesday 24.11.
    expect(urgent.targetDate).toBe('2026-11-24');
  });

  it('stamps every field with this installation’s clock, increasing from write to write', async () => {
    const ctx = context();
    const installation = await readInstallation(ctx.db);
    const first = await createConsultation(ctx, validIntake());
    const second = await createConsultation(ctx, validIntake());
    expect(first.stamps.question.endsWith(`:${installation.id}`)).toBe(true);
    expect(second.stamps.question > first.stamps.question).toBe(true);
    expect(second.rev).toBe(first.rev + 1);
  });

  it('refuses invalid input with field issues and writes nothing', async () => {
    const ctx = context();
    const bad = validIntake({ question: ' ' });
    await expect(createConsultation(ctx, bad)).rejects.toBeInstanceOf(ValidationError);
    await expect(createConsultation(ctx, bad)).rejects.toMatchObject({ issues: [{ path: 'question', message: 'validation.required' }] });
    expect(await ctx.db.consultations.count()).toBe(0);
    expect(await ctx.db.caseRows.count()).toBe(0);
    expect(await ctx.db.audit.count()).toBe(0);
    expect(await counterValue(ctx.db, COUNTER_TOTAL)).toBe(0);
  });

  it('refuses an anonymous request holding a valid henkilötunnus, pointing at the field', async () => {
    const ctx = context();
    await expect(createConsultation(ctx, validIntake({ question: 'Koskee lasta 020516C903K.' }))).rejects.toMatchObject({
      issues: [{ path: 'question', message: 'guard.henkilotunnusAnonymous?position=14' }],
    });
    expect(await ctx.db.consultations.count()).toBe(0);
  });

  it('refuses a forensic investigation request', async () => {
    const ctx = context();
    await expect(createConsultation(ctx, validIntake({ requestKind: 'forensic-investigation' }))).rejects.toMatchObject({
      issues: [{ path: 'requestKind', message: 'validation.forensicRefused' }],
    });
  });

  it('leaves nothing half-written when a write inside the transaction fails', async () => {
    const ctx = context();
    ctx.db.audit.hook('creating', () => {
      throw new Error('simulated disk failure');
    });
    await expect(createConsultation(ctx, validIntake())).rejects.toThrow('simulated disk failure');
    expect(await ctx.db.consultations.count()).toBe(0);
    expect(await ctx.db.caseRows.count()).toBe(0);
    expect(await ctx.db.requesters.count()).toBe(0);
    expect(await counterValue(ctx.db, COUNTER_TOTAL)).toBe(0);
  });

  it('keeps data across a restart (a new database handle on the same store)', async () => {
    const ctx = context();
    const record = await createConsultation(ctx, validIntake());
    ctx.db.close();
    const reopened = context();
    expect((await newestCaseRows(reopened.db, 10)).map((r) => r.id)).toEqual([record.id]);
  });

  it('lists newest first by received time, with a limit', async () => {
    const ctx = context();
    for (const date of ['2026-11-03', '2026-11-01', '2026-11-02']) {
      await createConsultation(ctx, validIntake({ received: { date, time: '10:00', channel: 'phone' } }));
    }
    const newest = await newestCaseRows(ctx.db, 2);
    expect(newest.map((r) => r.receivedDate)).toEqual(['2026-11-03', '2026-11-02']);
  });
});

describe('updateConsultation', () => {
  it('writes only the changed fields, keeps the case code, and audits the change by field name', async () => {
    const ctx = context();
    const created = await createConsultation(ctx, validIntake());
    const later = { ...ctx, now: () => new Date(NOW.getTime() + 60_000) };
    const updated = await updateConsultation(later, created.id, validIntake({ question: 'Tarkennettu kysymys.' }), created.rev);
    expect(updated.caseCode).toBe(created.caseCode);
    expect(updated.question).toBe('Tarkennettu kysymys.');
    expect(updated.stamps.question > created.stamps.question).toBe(true);
    expect(updated.stamps.requester).toBe(created.stamps.requester);
    const timeline = await timelineOf(ctx.db, created.id);
    expect(timeline.map((e) => [e.action, e.fields])).toEqual([
      ['consultation.create', expect.any(Array)],
      ['consultation.update', ['question']],
    ]);
    expect((await ctx.db.caseRows.get(created.id))?.rev).toBe(updated.rev);
  });

  it('refuses to overwrite a change made since the form was opened', async () => {
    const ctx = context();
    const created = await createConsultation(ctx, validIntake());
    await updateConsultation(ctx, created.id, validIntake({ question: 'Ensimmäinen muutos.' }), created.rev);
    await expect(updateConsultation(ctx, created.id, validIntake({ question: 'Toinen muutos.' }), created.rev)).rejects.toEqual(
      new CommandError('changedElsewhere'),
    );
    expect((await ctx.db.consultations.get(created.id))?.question).toBe('Ensimmäinen muutos.');
  });

  it('audits a switch from anonymous to consented with the modes, not the details', async () => {
    const ctx = context();
    const created = await createConsultation(ctx, validIntake());
    await updateConsultation(ctx, created.id, validIntake({ consent: consented }));
    const change = (await timelineOf(ctx.db, created.id)).find((e) => e.action === 'consultation.consent-change');
    expect(change?.details).toEqual({ from: 'anonymous', to: 'consented' });
    expect(JSON.stringify(change)).not.toContain('Konsultaatio');
  });

  it('refuses to make a case anonymous while its text still identifies the child', async () => {
    const ctx = context();
    const created = await createConsultation(ctx, validIntake({ consent: consented, question: 'Lapsi 131052-308T, puh. 040 123 4567.' }));
    await expect(updateConsultation(ctx, created.id, validIntake({ question: 'Lapsi 131052-308T, puh. 040 123 4567.' }))).rejects.toBeInstanceOf(
      ValidationError,
    );
    // With the identifiers removed, the switch is allowed.
    const cleaned = await updateConsultation(ctx, created.id, validIntake({ question: 'Lapsi tarvitsee tukea.' }));
    expect(cleaned.consent).toEqual({ mode: 'anonymous' });
  });

  it('does nothing for an unknown case but say so', async () => {
    const ctx = context();
    await expect(updateConsultation(ctx, 'no-such-case', validIntake())).rejects.toEqual(new CommandError('notFound'));
  });
});

describe('recordView', () => {
  it('logs who opened which case', async () => {
    const ctx = context();
    const created = await createConsultation(ctx, validIntake());
    await recordView({ ...ctx, now: () => new Date(NOW.getTime() + 1000) }, created.id);
    const events = await timelineOf(ctx.db, created.id);
    expect(events.at(-1)).toMatchObject({ action: 'consultation.view', actor: 'test-coordinator', fields: [] });
  });
});
