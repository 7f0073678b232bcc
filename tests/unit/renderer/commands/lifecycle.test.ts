import { afterEach, describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createDatabase } from '../../../../renderer/src/db/open';
import { createConsultation } from '../../../../renderer/src/commands/consultations';
import { routeConsultation } from '../../../../renderer/src/commands/routing';
import { transitionConsultation } from '../../../../renderer/src/commands/lifecycle';
import { bookConsultation, saveMeeting } from '../../../../renderer/src/commands/meetings';
import { markFollowUpDone, reviseRecommendation } from '../../../../renderer/src/commands/recommendation';
import { CommandError, ValidationError } from '../../../../renderer/src/access/errors';
import { statusCounter } from '../../../../renderer/src/db/counters';
import { counterValue, timelineOf } from '../../../../renderer/src/queries/consultations';
import { caseMeasures } from '../../../../shared/lifecycle/measures';
import { networkSlotId } from '../../../../shared/meetings/network-slots';
import type { OtkDatabase } from '../../../../renderer/src/db/schema';
import type { RecommendationDraftInput } from '../../../../shared/lifecycle/recommendation';
import { NOW, validIntake } from '../../../fixtures/intake';
import { TEST_COORDINATOR } from '../support/profiles';

let db: OtkDatabase;
afterEach(() => db?.close());

let clock = NOW.getTime();
function context() {
  db = createDatabase({ name: `otk-lifecycle-${Math.random()}`, clock: () => NOW, dexie: { indexedDB: new IDBFactory(), IDBKeyRange } });
  clock = NOW.getTime();
  return { db, actor: 'test-coordinator', profile: TEST_COORDINATOR, now: () => new Date(clock) };
}
const advanceHours = (hours: number) => (clock += hours * 3_600_000);

const NEPSY = '00000000-0000-7000-8000-000000000042';
const MULTI = '00000000-0000-7000-8000-000000000041';
const WEDNESDAY = '2026-11-25';

const recommendation = (overrides: Partial<RecommendationDraftInput> = {}): RecommendationDraftInput => ({
  language: 'fi',
  questionSummary: 'Koulunkäynnin tuki, kun aiemmat tukitoimet eivät auttaneet.',
  recommendations: ['Koulun ja perheen yhteinen palaveri', 'Neuropsykologinen arvio'],
  nextSteps: [{ step: 'Kutsu palaveri koolle', by: 'koulukuraattori' }],
  followUpDate: '2027-01-15',
  ...overrides,
});

async function routedCase(ctx: ReturnType<typeof context>) {
  const created = await createConsultation(ctx, validIntake());
  await transitionConsultation(ctx, created.id, 'accept');
  return routeConsultation(ctx, created.id, { networkId: NEPSY, proposedNetworkId: NEPSY });
}

/** The shipped Länsi neuropsychiatric team meets on Wednesdays 9–11, two cases per meeting. */
const slot = { id: networkSlotId(NEPSY, 3, '09:00') };

describe('transitionConsultation', () => {
  it('takes a case from received to closed, each step audited, counted and kept in its history', async () => {
    const ctx = context();
    const routed = await routedCase(ctx);
    advanceHours(1);
    const { record: scheduled, meeting } = await bookConsultation(ctx, routed.id, { slotId: slot.id, date: WEDNESDAY });
    expect(scheduled.status).toBe('scheduled');
    expect(scheduled.booking).toEqual({ meetingId: meeting.id, date: WEDNESDAY, time: '09:00', mode: meeting.mode });
    expect(meeting.caseIds).toEqual([routed.id]);
    advanceHours(50);
    const consulted = await transitionConsultation(ctx, routed.id, 'consult', { recommendation: recommendation() });
    expect(consulted.recommendation?.sentAt).toBeUndefined();
    advanceHours(2);
    const sent = await transitionConsultation(ctx, routed.id, 'send-recommendation');
    expect(sent.recommendation?.sentAt).toBe(new Date(clock).toISOString());
    const closed = await transitionConsultation(ctx, routed.id, 'close', { closeOut: { outcome: 'guidance-sufficient', wouldOtherwiseHaveSought: 'avoided' } });

    expect(closed.status).toBe('closed');
    expect(closed.transitions.map((t) => [t.action, t.from, t.to])).toEqual([
      ['accept', 'received', 'accepted'],
      ['route', 'accepted', 'routed'],
      ['schedule', 'routed', 'scheduled'],
      ['consult', 'scheduled', 'consulted'],
      ['send-recommendation', 'consulted', 'consulted'],
      ['close', 'consulted', 'closed'],
    ]);
    expect(closed.transitions.every((t) => t.by === 'test-coordinator')).toBe(true);
    expect(await counterValue(db, statusCounter('closed'))).toBe(1);
    for (const status of ['received', 'accepted', 'routed', 'scheduled', 'consulted'] as const) expect(await counterValue(db, statusCounter(status))).toBe(0);
    expect(await db.caseRows.get(routed.id)).toMatchObject({ status: 'closed', networkId: NEPSY, meetingDate: WEDNESDAY, recommendation: 'sent', followUpDate: '2027-01-15' });

    const audit = await timelineOf(db, routed.id);
    const transitions = audit.filter((e) => e.action === 'consultation.transition' || e.action === 'consultation.route');
    expect(transitions.map((e) => e.details?.action)).toEqual(['accept', 'route', 'schedule', 'consult', 'send-recommendation', 'close']);
    // Codes only in the log: the recommendation's text stays on the case.
    expect(JSON.stringify(audit)).not.toContain('Neuropsykologinen');
    expect(transitions.at(-1)?.details).toMatchObject({ outcome: 'guidance-sufficient', wouldOtherwiseHaveSought: 'avoided' });

    const measures = caseMeasures({ receivedAt: closed.receivedAt, targetDate: closed.targetDate, history: closed.transitions });
    expect(measures).toMatchObject({ daysToAcceptance: 3, daysToRouting: 3, consultationDate: WEDNESDAY, daysToConsultation: 5, targetMet: true });
  });

  it('refuses an impossible action and says what is allowed now, writing nothing', async () => {
    const ctx = context();
    const created = await createConsultation(ctx, validIntake());
    const error = await transitionConsultation(ctx, created.id, 'close', { closeOut: { outcome: 'guidance-sufficient', wouldOtherwiseHaveSought: 'avoided' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).code).toBe('notAllowed');
    expect((error as CommandError).detail).toBe('lifecycle.notAllowed?action=close&status=received&allowed=accept%2Cdecline%2Crequest-information%2Ccancel');
    expect((await db.consultations.get(created.id))?.rev).toBe(created.rev);
    expect((await timelineOf(db, created.id)).map((e) => e.action)).toEqual(['consultation.create']);
  });

  it('needs a coded reason and where to turn to decline, and names each missing field', async () => {
    const ctx = context();
    const created = await createConsultation(ctx, validIntake());
    await expect(transitionConsultation(ctx, created.id, 'decline', { reason: 'other' })).rejects.toMatchObject({
      issues: expect.arrayContaining([
        { path: 'whereToTurn', message: 'validation.required' },
        { path: 'reasonNote', message: 'validation.required' },
      ]),
    });
    const declined = await transitionConsultation(ctx, created.id, 'decline', { reason: 'belongs-elsewhere', whereToTurn: 'Alueen perheneuvola' });
    expect(declined.status).toBe('declined');
    await expect(transitionConsultation(ctx, created.id, 'reopen', { reason: 'x' })).rejects.toMatchObject({ code: 'notAllowed', detail: expect.stringContaining('lifecycle.noActions') });
  });

  it('refuses a henkilötunnus in the free text of an anonymous case', async () => {
    const ctx = context();
    const created = await createConsultation(ctx, validIntake());
    await expect(transitionConsultation(ctx, created.id, 'request-information', { asked: 'Lähetä tiedot, hetu 131052-308T' })).rejects.toBeInstanceOf(ValidationError);
    expect((await db.consultations.get(created.id))?.status).toBe('received');
  });

  it('refuses a stale revision', async () => {
    const ctx = context();
    const created = await createConsultation(ctx, validIntake());
    await transitionConsultation(ctx, created.id, 'accept');
    await expect(transitionConsultation(ctx, created.id, 'cancel', { reason: 'Peruttu' }, created.rev)).rejects.toMatchObject({ code: 'changedElsewhere' });
  });

  it('reopens a closed case back to its recommendation, and the close-out must be given again', async () => {
    const ctx = context();
    const routed = await routedCase(ctx);
    await bookConsultation(ctx, routed.id, { slotId: slot.id, date: WEDNESDAY });
    advanceHours(50); // the Wednesday meeting has been held
    await transitionConsultation(ctx, routed.id, 'consult', { recommendation: recommendation() });
    await transitionConsultation(ctx, routed.id, 'close', { closeOut: { outcome: 'further-consultation', wouldOtherwiseHaveSought: 'still-needed' } });
    const reopened = await transitionConsultation(ctx, routed.id, 'reopen', { reason: 'Uusi kysymys' });
    expect(reopened).toMatchObject({ status: 'consulted', closeOut: null });
    expect(reopened.transitions.at(-2)?.action).toBe('close');
  });
});

describe('meetings and booking', () => {
  it('shows the places taken, refuses a full meeting, and frees a place when a case is cancelled', async () => {
    const ctx = context();
    const a = await routedCase(ctx);
    const b = await routedCase(ctx);
    const c = await routedCase(ctx);
    const first = await bookConsultation(ctx, a.id, { slotId: slot.id, date: WEDNESDAY });
    const second = await bookConsultation(ctx, b.id, { slotId: slot.id, date: WEDNESDAY });
    expect(second.meeting.id).toBe(first.meeting.id);
    expect(second.meeting.caseIds).toEqual([a.id, b.id]);
    await expect(bookConsultation(ctx, c.id, { meetingId: first.meeting.id })).rejects.toMatchObject({ code: 'meetingFull', detail: 'meetings.full?capacity=2' });
    expect((await db.consultations.get(c.id))?.status).toBe('routed');

    await transitionConsultation(ctx, a.id, 'cancel', { reason: 'Perhe muutti' });
    expect((await db.meetings.get(first.meeting.id))?.caseIds).toEqual([b.id]);
    const third = await bookConsultation(ctx, c.id, { meetingId: first.meeting.id });
    expect(third.meeting.caseIds).toEqual([b.id, c.id]);
  });

  it('refuses a date the slot does not run on, a past meeting, and a meeting of another network', async () => {
    const ctx = context();
    const routed = await routedCase(ctx);
    await expect(bookConsultation(ctx, routed.id, { slotId: slot.id, date: '2026-11-26' })).rejects.toMatchObject({ code: 'notAllowed', detail: expect.stringContaining('meetings.') });
    await expect(bookConsultation(ctx, routed.id, { slotId: slot.id, date: '2026-11-18' })).rejects.toMatchObject({ code: 'meetingPast' });
    const other = await saveMeeting(ctx, { networkId: MULTI, date: '2026-11-26', time: '10:00', durationMinutes: 60, mode: 'phone', capacity: 3, participants: [], location: '', notes: '' });
    await expect(bookConsultation(ctx, routed.id, { meetingId: other.id })).rejects.toMatchObject({ issues: [{ path: 'meetingId', message: 'meetings.otherNetwork' }] });
  });

  it('moving a meeting reschedules its cases; a meeting with cases cannot be cancelled', async () => {
    const ctx = context();
    const routed = await routedCase(ctx);
    const adhoc = await saveMeeting(ctx, { networkId: NEPSY, date: '2026-11-26', time: '10:00', durationMinutes: 60, mode: 'on-site', capacity: 3, participants: [{ role: 'expert', count: 2 }], location: 'Neuvotteluhuone 2', notes: '' });
    await bookConsultation(ctx, routed.id, { meetingId: adhoc.id });
    const { rev: _rev, updatedAt: _u, stamps: _s, seen: _seen, id, caseIds: _c, ...input } = (await db.meetings.get(adhoc.id))!;
    await saveMeeting(ctx, { ...input, date: '2026-11-27', time: '12:30' }, id);
    const moved = await db.consultations.get(routed.id);
    expect(moved?.booking).toMatchObject({ meetingId: id, date: '2026-11-27', time: '12:30' });
    expect(moved?.transitions.filter((t) => t.action === 'schedule')).toHaveLength(2);
    expect((await db.caseRows.get(routed.id))?.meetingDate).toBe('2026-11-27');
    await expect(saveMeeting(ctx, { ...input, cancelled: true }, id)).rejects.toMatchObject({ issues: [{ path: 'cancelled', message: 'meetings.cancelWithCases' }] });
  });
});

describe('facts frozen when they happen', () => {
  it('records the consultation only after its meeting has begun, writing nothing before', async () => {
    const ctx = context();
    const routed = await routedCase(ctx);
    const { record: scheduled } = await bookConsultation(ctx, routed.id, { slotId: slot.id, date: WEDNESDAY });
    const early = await transitionConsultation(ctx, routed.id, 'consult', { recommendation: recommendation() }).catch((e: unknown) => e);
    expect(early).toMatchObject({ code: 'notAllowed', detail: 'lifecycle.meetingAhead?date=2026-11-25&time=09%3A00' });
    expect((await db.consultations.get(routed.id))?.rev).toBe(scheduled.rev);
    advanceHours(45); // Wednesday 9:00 in Helsinki
    const consulted = await transitionConsultation(ctx, routed.id, 'consult', { recommendation: recommendation() });
    expect(consulted.status).toBe('consulted');
    expect(consulted.transitions.at(-1)!.at >= '2026-11-25T07:00:00.000Z').toBe(true);
  });

  it('sends a recommendation once: a second send is refused and the sent time stays', async () => {
    const ctx = context();
    const routed = await routedCase(ctx);
    await bookConsultation(ctx, routed.id, { slotId: slot.id, date: WEDNESDAY });
    advanceHours(50);
    await transitionConsultation(ctx, routed.id, 'consult', { recommendation: recommendation() });
    const sent = await transitionConsultation(ctx, routed.id, 'send-recommendation');
    advanceHours(24);
    await expect(transitionConsultation(ctx, routed.id, 'send-recommendation')).rejects.toMatchObject({ code: 'notAllowed', detail: 'lifecycle.alreadySent' });
    const after = (await db.consultations.get(routed.id))!;
    expect(after.recommendation?.sentAt).toBe(sent.recommendation?.sentAt);
    expect(after.rev).toBe(sent.rev);
  });

  it('routes only an accepted case', async () => {
    const ctx = context();
    const created = await createConsultation(ctx, validIntake());
    await expect(routeConsultation(ctx, created.id, { networkId: NEPSY, proposedNetworkId: NEPSY })).rejects.toMatchObject({ code: 'notRoutable' });
    expect((await db.consultations.get(created.id))?.status).toBe('received');
  });
});

describe('recommendation and follow-up', () => {
  async function consultedCase(ctx: ReturnType<typeof context>) {
    const routed = await routedCase(ctx);
    await bookConsultation(ctx, routed.id, { slotId: slot.id, date: WEDNESDAY });
    advanceHours(50); // the Wednesday meeting has been held
    return transitionConsultation(ctx, routed.id, 'consult', { recommendation: recommendation() });
  }

  it('can be corrected until it is sent, not after', async () => {
    const ctx = context();
    const consulted = await consultedCase(ctx);
    const revised = await reviseRecommendation(ctx, consulted.id, recommendation({ recommendations: ['Yksi suositus'] }));
    expect(revised.recommendation?.recommendations).toEqual(['Yksi suositus']);
    expect((await db.caseRows.get(consulted.id))?.recommendation).toBe('unsent');
    await transitionConsultation(ctx, consulted.id, 'send-recommendation');
    await expect(reviseRecommendation(ctx, consulted.id, recommendation())).rejects.toMatchObject({ code: 'recommendationSent' });
  });

  it('a done follow-up leaves the reminder list', async () => {
    const ctx = context();
    const consulted = await consultedCase(ctx);
    expect((await db.caseRows.get(consulted.id))?.followUpDate).toBe('2027-01-15');
    await markFollowUpDone(ctx, consulted.id);
    expect((await db.caseRows.get(consulted.id))?.followUpDate).toBe('');
    await expect(markFollowUpDone(ctx, consulted.id)).rejects.toMatchObject({ code: 'noFollowUp' });
    expect((await timelineOf(db, consulted.id)).at(-1)?.action).toBe('consultation.follow-up-done');
  });
});
