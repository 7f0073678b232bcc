import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeMessage } from '../../../../shared/domain/messages';
import { uuidv7 } from '../../../../shared/ids';
import { bookingLabel, materialiseMeeting, planBooking, slotOccurrence, unbook } from '../../../../shared/meetings/booking';
import { MEETING_MSG } from '../../../../shared/meetings/messages';
import { noHolidays } from '../../../../shared/meetings/occurrences';
import { meetingSchema } from '../../../../shared/meetings/schema';
import { CASE_1, CASE_2, CASE_3, MEETING_2, SLOT_1, meeting, slot } from './fixtures';

const TODAY = '2026-03-09';

describe('planBooking — an existing meeting', () => {
  it('adds the case and returns a new meeting, leaving the input untouched', () => {
    const before = meeting();
    const plan = planBooking(before, CASE_1, { today: TODAY });
    expect(plan).toEqual({ ok: true, created: false, meeting: { ...before, caseIds: [CASE_1] } });
    expect(before.caseIds).toEqual([]);
  });

  it('can book a meeting held today', () => {
    expect(planBooking(meeting({ date: TODAY }), CASE_1, { today: TODAY }).ok).toBe(true);
  });

  it('refuses a full meeting with meetings.full carrying the capacity', () => {
    const plan = planBooking(meeting({ caseIds: [CASE_1, CASE_2] }), CASE_3, { today: TODAY });
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.code).toBe('full');
    expect(decodeMessage(plan.message)).toEqual({ key: MEETING_MSG.full, params: { capacity: '2' } });
  });

  it('refuses a case already booked (also when the meeting is full)', () => {
    expect(planBooking(meeting({ caseIds: [CASE_1] }), CASE_1, { today: TODAY })).toEqual({
      ok: false,
      code: 'already-booked',
      message: MEETING_MSG.alreadyBooked,
    });
    expect(planBooking(meeting({ caseIds: [CASE_1, CASE_2] }), CASE_1, { today: TODAY })).toMatchObject({ code: 'already-booked' });
  });

  it('refuses a cancelled meeting before anything else', () => {
    expect(planBooking(meeting({ cancelled: true, date: '2026-01-01', caseIds: [CASE_1, CASE_2] }), CASE_1, { today: TODAY })).toEqual({
      ok: false,
      code: 'cancelled',
      message: MEETING_MSG.cancelled,
    });
  });

  it('refuses a meeting dated before today', () => {
    expect(planBooking(meeting({ date: '2026-03-08' }), CASE_1, { today: TODAY })).toEqual({ ok: false, code: 'past', message: MEETING_MSG.past });
  });

  it('treats an absent cancelled flag as not cancelled', () => {
    const { cancelled: _c, ...rest } = meeting();
    expect(planBooking(rest, CASE_1, { today: TODAY }).ok).toBe(true);
  });
});

describe('planBooking — a slot occurrence', () => {
  it('materialises the meeting from the slot with the id the caller supplies', () => {
    const plan = planBooking(slotOccurrence(slot(), '2026-03-10'), CASE_1, { today: TODAY, newMeetingId: MEETING_2 });
    expect(plan).toEqual({
      ok: true,
      created: true,
      meeting: {
        id: MEETING_2,
        networkId: slot().networkId,
        slotId: SLOT_1,
        date: '2026-03-10',
        time: '13:00',
        durationMinutes: 90,
        mode: 'video',
        capacity: 2,
        participants: [],
        location: '',
        notes: '',
        caseIds: [CASE_1],
        cancelled: false,
      },
    });
    if (plan.ok) expect(meetingSchema.parse(plan.meeting)).toEqual(plan.meeting);
  });

  it('refuses a date on which the slot does not occur, naming why', () => {
    const context = { today: TODAY, newMeetingId: MEETING_2 };
    expect(planBooking(slotOccurrence(slot(), '2026-03-11'), CASE_1, context)).toEqual({
      ok: false,
      code: 'not-an-occurrence',
      message: MEETING_MSG.slotNotOnThatDay,
    });
    expect(planBooking(slotOccurrence(slot({ validUntil: '2026-03-09' }), '2026-03-10'), CASE_1, context)).toMatchObject({
      message: MEETING_MSG.slotNotValidOnDate,
    });
    expect(planBooking(slotOccurrence(slot({ active: false }), '2026-03-10'), CASE_1, context)).toMatchObject({ message: MEETING_MSG.slotInactive });
    expect(planBooking(slotOccurrence(slot(), '2026-01-06'), CASE_1, { ...context, today: '2026-01-01' })).toMatchObject({
      message: MEETING_MSG.holiday,
    });
    expect(planBooking(slotOccurrence(slot(), '2026-01-06'), CASE_1, { ...context, today: '2026-01-01', isHoliday: noHolidays }).ok).toBe(true);
  });

  it('refuses a past occurrence', () => {
    expect(planBooking(slotOccurrence(slot(), '2026-03-03'), CASE_1, { today: TODAY, newMeetingId: MEETING_2 })).toMatchObject({ code: 'past' });
  });

  it('throws without an id for the new meeting (a programming error)', () => {
    expect(() => planBooking(slotOccurrence(slot(), '2026-03-10'), CASE_1, { today: TODAY })).toThrow(/newMeetingId/);
  });

  it('materialiseMeeting gives an empty meeting of the slot', () => {
    expect(materialiseMeeting(slotOccurrence(slot({ mode: 'on-site', capacity: 5 }), '2026-03-10'), MEETING_2)).toMatchObject({
      mode: 'on-site',
      capacity: 5,
      caseIds: [],
    });
  });
});

describe('unbook and bookingLabel', () => {
  it('removes the case and returns a new meeting', () => {
    const before = meeting({ caseIds: [CASE_1, CASE_2] });
    expect(unbook(before, CASE_1)).toEqual({ ...before, caseIds: [CASE_2] });
    expect(before.caseIds).toEqual([CASE_1, CASE_2]);
  });

  it('returns the same object when the case was not booked', () => {
    const before = meeting({ caseIds: [CASE_1] });
    expect(unbook(before, CASE_2)).toBe(before);
  });

  it('releases a case from a cancelled or past meeting too', () => {
    expect(unbook(meeting({ cancelled: true, caseIds: [CASE_1] }), CASE_1).caseIds).toEqual([]);
  });

  it('labels booked against capacity', () => {
    expect(bookingLabel(meeting())).toEqual({ booked: 0, capacity: 2, free: 2, full: false });
    expect(bookingLabel(meeting({ caseIds: [CASE_1] }))).toEqual({ booked: 1, capacity: 2, free: 1, full: false });
    expect(bookingLabel(meeting({ caseIds: [CASE_1, CASE_2] }))).toEqual({ booked: 2, capacity: 2, free: 0, full: true });
  });

  it('property: booking until refused fills exactly to capacity, every plan stays valid, and unbooking all empties it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 30 }), (capacity, attempts) => {
        let current = meeting({ capacity });
        const booked: string[] = [];
        for (let i = 0; i < attempts; i++) {
          const caseId = uuidv7(Date.UTC(2026, 0, 1) + i);
          const plan = planBooking(current, caseId, { today: TODAY });
          if (booked.length < capacity) {
            expect(plan.ok).toBe(true);
            if (!plan.ok) return;
            expect(meetingSchema.safeParse(plan.meeting).success).toBe(true);
            current = plan.meeting;
            booked.push(caseId);
          } else {
            expect(plan).toMatchObject({ ok: false, code: 'full' });
          }
        }
        expect(bookingLabel(current)).toMatchObject({ booked: Math.min(capacity, attempts), capacity });
        for (const caseId of booked) current = unbook(current, caseId);
        expect(current.caseIds).toEqual([]);
      }),
    );
  });
});
