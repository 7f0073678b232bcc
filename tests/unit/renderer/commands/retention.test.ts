import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import type { OtkDatabase } from '../../../../renderer/src/db/schema';
import type { CommandContext } from '../../../../renderer/src/access/context';
import { createConsultation } from '../../../../renderer/src/commands/consultations';
import { routeConsultation } from '../../../../renderer/src/commands/routing';
import { transitionConsultation } from '../../../../renderer/src/commands/lifecycle';
import { bookConsultation } from '../../../../renderer/src/commands/meetings';
import { COUNTER_REV, COUNTER_TOTAL, statusCounter } from '../../../../renderer/src/db/counters';
import { COUNTER_OPEN_CONFLICTS } from '../../../../renderer/src/db/counters';
import { ValidationError } from '../../../../renderer/src/access/errors';
import { dueCases, mayBeDue, purgeCases, readRetentionPolicy, RETENTION_POLICY_KEY, saveRetentionPolicy } from '../../../../renderer/src/commands/retention';
import { counterValue } from '../../../../renderer/src/queries/consultations';
import { networkSlotId } from '../../../../shared/meetings/network-slots';
import { DEFAULT_RETENTION_POLICY } from '../../../../shared/protection/retention';
import { ProtectionError } from '../../../../shared/protection/errors';
import type { Profile } from '../../../../shared/protection/roles';
import type { IntakeInput } from '../../../../shared/domain/consultation';
import { NOW, validIntake } from '../../../fixtures/intake';
import { expertProfile, TEST_COORDINATOR } from '../support/profiles';
import { closeAll, exchange, installation, receive, send } from './exchange/helpers';

let db: OtkDatabase;
afterEach(() => {
  db?.close();
  closeAll();
});

let clock = NOW.getTime();
function context(profile: Profile = TEST_COORDINATOR): CommandContext {
  db = createDatabase({ name: `otk-retention-${Math.random()}`, clock: () => NOW, dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  clock = NOW.getTime();
  return { db, actor: 'test-coordinator', profile, now: () => new Date(clock) };
}
const at = (iso: string) => (clock = new Date(iso).getTime());

const NEPSY = '00000000-0000-7000-8000-000000000042';
const WEDNESDAY = '2026-11-25';

/** Every case has its own question and requester, so each can be searched for in every table. */
const intakeOf = (n: string, overrides: Partial<IntakeInput> = {}) =>
  validIntake({
    question: `Synteettinen kysymys ${n}: miten tukea nuoren koulunkäyntiä?`,
    requester: { ...validIntake().requester, name: `Testi Pyytäjä ${n}`, email: `pyytaja-${n}@example.invalid` },
    ...overrides,
  });

const recommendation = (n: string) => ({
  language: 'fi' as const,
  questionSummary: `Suosituksen tiivistelmä ${n}.`,
  recommendations: [`Suositus ${n}: yhteinen palaveri`],
  nextSteps: [{ step: `Askel ${n}`, by: 'koulukuraattori' }],
  followUpDate: '',
});

/** A case taken from receipt through routing, booking and the consultation to closing. */
async function closedCase(ctx: CommandContext, n: string) {
  const created = await createConsultation(ctx, intakeOf(n));
  await transitionConsultation(ctx, created.id, 'accept');
  await routeConsultation(ctx, created.id, { networkId: NEPSY, proposedNetworkId: NEPSY });
  const { meeting } = await bookConsultation(ctx, created.id, { slotId: networkSlotId(NEPSY, 3, '09:00'), date: WEDNESDAY });
  at(`${WEDNESDAY}T10:00:00Z`); // the meeting has been held: the case is consulted and closed that day
  await transitionConsultation(ctx, created.id, 'consult', { recommendation: recommendation(n) });
  const closed = await transitionConsultation(ctx, created.id, 'close', { closeOut: { outcome: 'guidance-sufficient', wouldOtherwiseHaveSought: 'avoided', note: `Loppuhuomio ${n}` } });
  return { record: closed, meetingId: meeting.id };
}

async function declinedCase(ctx: CommandContext, n: string) {
  const created = await createConsultation(ctx, intakeOf(n));
  return transitionConsultation(ctx, created.id, 'decline', { reason: 'belongs-elsewhere', whereToTurn: `Perheneuvola ${n}` });
}

/** Every table's rows as JSON: what "nothing of the case remains anywhere" is checked against. */
async function everything(database: OtkDatabase): Promise<string> {
  const out: Record<string, unknown[]> = {};
  for (const table of database.tables) out[table.name] = await table.toArray();
  return JSON.stringify(out);
}

/** A conflict and a quarantined copy holding the case's text, as an import leaves them. */
async function seedSyncLeftovers(ctx: CommandContext, id: string, text: string) {
  await ctx.db.conflicts.put({
    id: `${id}|question|x`,
    kind: 'concurrent-edit',
    recordId: id,
    field: 'question',
    losing: text,
    losingStamp: 'x',
    winningStamp: 'y',
    losingSide: 'local',
    key: `${id}|question|x`,
    state: 'open',
    detectedAt: NOW.toISOString(),
    bundleId: 'bundle-1',
    peer: 'peer-1',
  });
  await ctx.db.counters.put({ key: COUNTER_OPEN_CONFLICTS, value: (await counterValue(ctx.db, COUNTER_OPEN_CONFLICTS)) + 1 });
  await ctx.db.quarantine.put({ id: `bundle-1|consultation|${id}`, bundleId: 'bundle-1', peer: 'peer-1', type: 'consultation', recordId: id, record: { id, question: text }, stamps: [], at: NOW.toISOString(), message: 'sync.quarantine.clockAhead' });
}

describe('retention purge', () => {
  it('retention purge leaves tombstones and audit events only', async () => {
    const ctx = context();
    const declined = await declinedCase(ctx, 'B');
    const { record: closed, meetingId } = await closedCase(ctx, 'A');
    const open = await createConsultation(ctx, intakeOf('C'));
    await transitionConsultation(ctx, open.id, 'accept');
    await seedSyncLeftovers(ctx, closed.id, 'Kilpaileva kysymysteksti A');
    expect((await ctx.db.meetings.get(meetingId))?.caseIds).toEqual([closed.id]);
    const revBefore = await counterValue(ctx.db, COUNTER_REV);

    // Anonymous cases: closed ones are kept 3 years, declined ones 2 (the defaults).
    at('2029-11-25T10:00:00Z');
    expect((await dueCases(ctx, '2029-11-25')).map((c) => c.id)).toEqual([declined.id]);
    at('2029-11-26T10:00:00Z');
    const due = await dueCases(ctx, '2029-11-26');
    expect(due.map((c) => [c.caseCode, c.rule, c.from, c.retainUntil, c.dueDate])).toEqual([
      [declined.caseCode, 'ended', '2026-11-23', '2028-11-23', '2028-11-24'],
      [closed.caseCode, 'closed', '2026-11-25', '2029-11-25', '2029-11-26'],
    ]);
    // The in-memory list rows give the same answer as the pass over the caseRows table.
    expect(await dueCases(ctx, '2029-11-26', await ctx.db.caseRows.toArray())).toEqual(due);

    const result = await purgeCases(ctx, [...due.map((c) => c.id), open.id]);
    expect(result).toEqual({ purged: [declined.id, closed.id], skipped: [{ id: open.id, reason: 'not-due' }] });

    // Gone: the records, their list rows, the conflict and the quarantined copy, the meeting's place.
    expect(await ctx.db.consultations.toCollection().primaryKeys()).toEqual([open.id]);
    expect(await ctx.db.caseRows.toCollection().primaryKeys()).toEqual([open.id]);
    expect(await ctx.db.conflicts.count()).toBe(0);
    expect(await counterValue(ctx.db, COUNTER_OPEN_CONFLICTS)).toBe(0);
    expect(await ctx.db.quarantine.count()).toBe(0);
    expect((await ctx.db.meetings.get(meetingId))?.caseIds).toEqual([]);

    // Left: one content-free tombstone per case, on the list's revision feed.
    const tombstones = await ctx.db.tombstones.orderBy('rev').toArray();
    expect(tombstones.map((t) => t.id)).toEqual([declined.id, closed.id]);
    for (const tombstone of tombstones) {
      expect(Object.keys(tombstone).sort()).toEqual(['deleted', 'entity', 'id', 'rev', 'seen', 'stamps']);
      expect(tombstone.rev).toBeGreaterThan(revBefore);
    }
    expect(await counterValue(ctx.db, COUNTER_REV)).toBe(tombstones.at(-1)!.rev);

    // …and one audit event per case, with codes only.
    const order = [declined.id, closed.id];
    const purges = (await ctx.db.audit.toArray()).filter((e) => e.action === 'retention.purge').sort((a, b) => order.indexOf(a.entityId) - order.indexOf(b.entityId));
    expect(purges.map((e) => [e.entity, e.entityId, e.fields, e.details])).toEqual([
      ['consultation', declined.id, [], { rule: 'ended', consent: 'anonymous', years: '2', retainUntil: '2028-11-23', dueDate: '2028-11-24', caseCode: declined.caseCode }],
      ['consultation', closed.id, [], { rule: 'closed', consent: 'anonymous', years: '3', retainUntil: '2029-11-25', dueDate: '2029-11-26', caseCode: closed.caseCode }],
    ]);
    expect(purges.every((e) => typeof e.hash === 'string')).toBe(true);

    // No text of the purged cases anywhere, in any table (the remembered requesters go too);
    // the open case keeps everything.
    const dump = await everything(ctx.db);
    for (const n of ['A', 'B']) {
      for (const text of [`Synteettinen kysymys ${n}`, `Testi Pyytäjä ${n}`, `pyytaja-${n}@`, `Suositus ${n}`, `Suosituksen tiivistelmä ${n}`, `Askel ${n}`, `Loppuhuomio ${n}`, `Perheneuvola ${n}`]) {
        expect(dump, text).not.toContain(text);
      }
    }
    expect(dump).not.toContain('Kilpaileva kysymysteksti A');
    expect(dump).toContain('Synteettinen kysymys C');
    expect(dump).toContain('Testi Pyytäjä C');
  });

  it('keeps the counters exact and the case-code sequence, in chunks of transactions', async () => {
    const ctx = context();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await declinedCase(ctx, `D${i}`)).id);
    await createConsultation(ctx, intakeOf('E'));
    const { record: closed } = await closedCase(ctx, 'F');
    expect(await counterValue(ctx.db, COUNTER_TOTAL)).toBe(7);
    at('2028-12-01T10:00:00Z');
    const progress: Array<[number, number]> = [];
    const result = await purgeCases(ctx, [...ids, closed.id], { chunkSize: 2, onProgress: (done, total) => progress.push([done, total]) });
    expect(result.purged).toEqual(ids);
    expect(result.skipped).toEqual([{ id: closed.id, reason: 'not-due' }]);
    expect(progress).toEqual([
      [2, 6],
      [4, 6],
      [6, 6],
    ]);
    expect(await counterValue(ctx.db, COUNTER_TOTAL)).toBe(2);
    expect(await counterValue(ctx.db, statusCounter('declined'))).toBe(0);
    expect(await counterValue(ctx.db, statusCounter('received'))).toBe(1);
    expect(await counterValue(ctx.db, statusCounter('closed'))).toBe(1);
    expect(await ctx.db.tombstones.count()).toBe(5);
    // Purging again changes nothing: the cases are gone.
    const rev = await counterValue(ctx.db, COUNTER_REV);
    expect(await purgeCases(ctx, ids)).toEqual({ purged: [], skipped: ids.map((id) => ({ id, reason: 'missing' })) });
    expect(await counterValue(ctx.db, COUNTER_REV)).toBe(rev);
    expect(await counterValue(ctx.db, COUNTER_TOTAL)).toBe(2);
  });

  it('never purges open cases, and a reopened case is open again', async () => {
    const ctx = context();
    const { record: closed } = await closedCase(ctx, 'A');
    const received = await createConsultation(ctx, intakeOf('B', { received: { date: '2020-01-02', time: '09:00', channel: 'phone' } }));
    at('2026-11-26T10:00:00Z');
    await transitionConsultation(ctx, closed.id, 'reopen', { reason: 'Uusi kysymys' });
    at('2040-01-01T10:00:00Z');
    expect(await dueCases(ctx, '2040-01-01')).toEqual([]);
    expect(await purgeCases(ctx, [closed.id, received.id])).toEqual({
      purged: [],
      skipped: [
        { id: closed.id, reason: 'not-due' },
        { id: received.id, reason: 'not-due' },
      ],
    });
    expect(await ctx.db.consultations.count()).toBe(2);
    expect(await ctx.db.tombstones.count()).toBe(0);
  });

  it('refuses a profile other than the coordinator, and nothing changes', async () => {
    const ctx = context();
    const declined = await declinedCase(ctx, 'A');
    at('2030-01-01T10:00:00Z');
    const expert: CommandContext = { ...ctx, profile: expertProfile(NEPSY) };
    const before = await everything(ctx.db);
    await expect(purgeCases(expert, [declined.id])).rejects.toBeInstanceOf(ProtectionError);
    await expect(purgeCases(expert, [declined.id])).rejects.toMatchObject({ code: 'not-permitted' });
    await expect(dueCases(expert, '2030-01-01')).rejects.toMatchObject({ code: 'not-permitted' });
    await expect(saveRetentionPolicy(expert, { closedYears: 1, anonymousClosedYears: 1, endedYears: 1, countFrom: 'date' })).rejects.toMatchObject({ code: 'not-permitted' });
    expect(await everything(ctx.db)).toBe(before);
    expect((await purgeCases(ctx, [declined.id])).purged).toEqual([declined.id]);
  });

  it('carries the deletion to another installation: the tombstone travels and the copy there goes', async () => {
    const a = await installation('a');
    const b = await installation('b');
    const created = await createConsultation(a.ctx, intakeOf('A'));
    const declined = await transitionConsultation(a.ctx, created.id, 'decline', { reason: 'duplicate', whereToTurn: 'Sama pyyntö' });
    await exchange(a, b);
    expect(await b.db.consultations.get(declined.id)).toBeDefined();
    const later = new Date('2029-01-01T10:00:00Z').getTime();
    a.setNow(later);
    b.setNow(later);
    expect((await purgeCases(a.ctx, [declined.id])).purged).toEqual([declined.id]);
    const { bytes } = await send(a, b);
    await receive(b, bytes);
    expect(await b.db.consultations.get(declined.id)).toBeUndefined();
    expect(await b.db.caseRows.get(declined.id)).toBeUndefined();
    expect(await b.db.tombstones.get(declined.id)).toMatchObject({ deleted: true });
    expect(await counterValue(b.db, COUNTER_TOTAL)).toBe(0);
  });
});

describe('retention policy', () => {
  it('is the default until saved; saving is validated and audited with codes', async () => {
    const ctx = context();
    expect(await readRetentionPolicy(ctx.db)).toEqual(DEFAULT_RETENTION_POLICY);
    const error = await saveRetentionPolicy(ctx, { closedYears: 2, anonymousClosedYears: 4, endedYears: 0, countFrom: 'date' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path).sort()).toEqual(['anonymousClosedYears', 'endedYears'].sort());
    expect(await ctx.db.meta.get(RETENTION_POLICY_KEY)).toBeUndefined();

    const saved = await saveRetentionPolicy(ctx, { closedYears: 6, anonymousClosedYears: 2, endedYears: 1, countFrom: 'year-end' });
    expect(saved).toEqual({ closedYears: 6, anonymousClosedYears: 2, endedYears: 1, countFrom: 'year-end' });
    expect(await readRetentionPolicy(ctx.db)).toEqual(saved);
    const events = (await ctx.db.audit.toArray()).filter((e) => e.action === 'retention.policy');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity: 'retention', entityId: RETENTION_POLICY_KEY, fields: ['closedYears', 'anonymousClosedYears', 'endedYears', 'countFrom'] });
    // Saving the same policy again writes nothing.
    await saveRetentionPolicy(ctx, saved);
    expect((await ctx.db.audit.toArray()).filter((e) => e.action === 'retention.policy')).toHaveLength(1);
  });

  it('decides what is due: counted to the year end; the list row alone rules out what cannot be due', async () => {
    const ctx = context();
    const declined = await declinedCase(ctx, 'A');
    await saveRetentionPolicy(ctx, { closedYears: 5, anonymousClosedYears: 3, endedYears: 1, countFrom: 'year-end' });
    // Declined 23.11.2026, one year counted from the end of 2026: kept to 31.12.2027.
    expect(await dueCases(ctx, '2027-12-31')).toEqual([]);
    expect((await dueCases(ctx, '2028-01-01')).map((c) => [c.id, c.retainUntil, c.dueDate])).toEqual([[declined.id, '2027-12-31', '2028-01-01']]);

    const row = (await ctx.db.caseRows.get(declined.id))!;
    const policy = await readRetentionPolicy(ctx.db);
    expect(mayBeDue(row, policy, '2027-12-31')).toBe(false);
    expect(mayBeDue(row, policy, '2028-01-01')).toBe(true);
    expect(mayBeDue({ ...row, status: 'consulted' }, policy, '2040-01-01')).toBe(false);
    // Received long ago but closed only now: a candidate by its row, not due by its record.
    expect(mayBeDue({ ...row, receivedDate: '2020-01-01' }, policy, '2027-12-31')).toBe(true);
  });
});
