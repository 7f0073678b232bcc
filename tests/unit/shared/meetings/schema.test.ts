import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../../../../shared/domain/messages';
import { MSG } from '../../../../shared/domain/validation';
import { MEETING_MSG } from '../../../../shared/meetings/messages';
import {
  MEETING_MODES,
  PARTICIPANT_ROLES,
  meetingInputSchema,
  meetingSchema,
  slotInputSchema,
  slotSchema,
} from '../../../../shared/meetings/schema';
import { CASE_1, CASE_2, CASE_3, meeting, slot } from './fixtures';

/** The messages of a failed parse, by dotted path. */
function issues(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  expect(result.success).toBe(false);
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
}

describe('code lists', () => {
  it('has the three modes and the three participant roles', () => {
    expect(MEETING_MODES).toEqual(['video', 'phone', 'on-site']);
    expect(PARTICIPANT_ROLES).toEqual(['requester', 'expert', 'coordinator']);
  });

  it('every message key is in the meetings namespace', () => {
    for (const key of Object.values(MEETING_MSG)) expect(key).toMatch(/^meetings\.[a-zA-Z]+$/);
  });
});

describe('slotSchema', () => {
  it('accepts a valid slot and defaults active to true and validUntil to open-ended', () => {
    expect(slotSchema.parse(slot())).toEqual(slot());
    const { active: _a, validUntil: _v, ...rest } = slot();
    expect(slotSchema.parse(rest)).toEqual(slot());
  });

  it('accepts a validUntil on or after validFrom', () => {
    expect(slotSchema.safeParse(slot({ validUntil: '2026-01-01' })).success).toBe(true);
    expect(slotSchema.safeParse(slot({ validUntil: '2026-12-31' })).success).toBe(true);
  });

  it('refuses a validUntil before validFrom with meetings.validUntilBeforeFrom on validUntil', () => {
    expect(issues(slotSchema.safeParse(slot({ validUntil: '2025-12-31' })))).toEqual({
      validUntil: MEETING_MSG.validUntilBeforeFrom,
    });
  });

  it('names the date order together with other field problems', () => {
    const found = issues(slotSchema.safeParse(slot({ validUntil: '2025-12-31', capacity: 0 })));
    expect(found).toEqual({ validUntil: MEETING_MSG.validUntilBeforeFrom, capacity: 'validation.outOfRange' });
  });

  it.each([
    ['weekday', 0, MSG.choose],
    ['weekday', 8, MSG.choose],
    ['weekday', 1.5, MSG.choose],
    ['startTime', '24:00', MSG.time],
    ['startTime', '9:00', MSG.time],
    ['durationMinutes', 14, 'validation.outOfRange'],
    ['durationMinutes', 721, 'validation.outOfRange'],
    ['capacity', 0, 'validation.outOfRange'],
    ['capacity', 100, 'validation.outOfRange'],
    ['mode', 'teams', MSG.choose],
    ['validFrom', '2026-02-30', MSG.date],
    ['validUntil', '2026-13-01', MSG.date],
    ['networkId', 'not-a-uuid', MSG.invalid],
    ['id', '', MSG.invalid],
  ])('refuses %s = %j with %s', (field, value, message) => {
    expect(issues(slotSchema.safeParse({ ...slot(), [field]: value }))).toEqual({ [field]: message });
  });

  it('accepts a UUID or a meeting-rhythm id as the slot id', () => {
    expect(slotSchema.safeParse(slot({ id: `${slot().networkId}/2/13:00` })).success).toBe(true);
    expect(issues(slotSchema.safeParse(slot({ id: 'a b' })))).toEqual({ id: MSG.invalid });
  });

  it('accepts the bounds', () => {
    for (const patch of [{ weekday: 1 }, { weekday: 7 }, { durationMinutes: 15 }, { durationMinutes: 720 }, { capacity: 1 }, { capacity: 99 }]) {
      expect(slotSchema.safeParse(slot(patch)).success).toBe(true);
    }
  });

  it('the input schema is the slot without its id and keeps the date-order rule', () => {
    const { id: _id, ...input } = slot();
    expect(slotInputSchema.parse(input)).toEqual(input);
    expect(issues(slotInputSchema.safeParse({ ...input, validUntil: '2025-01-01' }))).toEqual({
      validUntil: MEETING_MSG.validUntilBeforeFrom,
    });
  });
});

describe('meetingSchema', () => {
  it('accepts a valid meeting and fills the defaults', () => {
    expect(meetingSchema.parse(meeting())).toEqual(meeting());
    const parsed = meetingSchema.parse({
      id: meeting().id,
      networkId: meeting().networkId,
      date: '2026-03-10',
      time: '13:00',
      durationMinutes: 60,
      mode: 'phone',
      capacity: 1,
    });
    expect(parsed).toEqual({
      id: meeting().id,
      networkId: meeting().networkId,
      slotId: '',
      date: '2026-03-10',
      time: '13:00',
      durationMinutes: 60,
      mode: 'phone',
      capacity: 1,
      participants: [],
      location: '',
      notes: '',
      caseIds: [],
    });
    expect(parsed.cancelled).toBeUndefined();
  });

  it('records participants by role and count', () => {
    const participants = [
      { role: 'requester', count: 1 },
      { role: 'expert', count: 3 },
      { role: 'coordinator', count: 1 },
    ] as const;
    expect(meetingSchema.parse(meeting({ participants: [...participants] })).participants).toEqual(participants);
  });

  it('refuses a role listed twice, an unknown role and a zero count', () => {
    const twice = [
      { role: 'expert', count: 1 },
      { role: 'expert', count: 2 },
    ] as const;
    expect(issues(meetingSchema.safeParse(meeting({ participants: [...twice] })))).toEqual({ participants: MEETING_MSG.roleTwice });
    expect(issues(meetingSchema.safeParse({ ...meeting(), participants: [{ role: 'client', count: 1 }] }))).toEqual({
      'participants.0.role': MSG.choose,
    });
    expect(issues(meetingSchema.safeParse({ ...meeting(), participants: [{ role: 'expert', count: 0 }] }))).toEqual({
      'participants.0.count': 'validation.outOfRange',
    });
  });

  it('drops a name given with a participant: roles and counts only', () => {
    const result = meetingSchema.parse({ ...meeting(), participants: [{ role: 'expert', count: 2, name: 'Maija' }] });
    expect(result.participants).toEqual([{ role: 'expert', count: 2 }]);
  });

  it('accepts as many cases as the capacity', () => {
    expect(meetingSchema.safeParse(meeting({ capacity: 2, caseIds: [CASE_1, CASE_2] })).success).toBe(true);
  });

  it('refuses more cases than the capacity with meetings.full carrying the capacity', () => {
    const found = issues(meetingSchema.safeParse(meeting({ capacity: 2, caseIds: [CASE_1, CASE_2, CASE_3] })));
    expect(Object.keys(found)).toEqual(['caseIds']);
    expect(decodeMessage(found.caseIds!)).toEqual({ key: MEETING_MSG.full, params: { capacity: '2' } });
  });

  it('checks the capacity even when another field is invalid', () => {
    const found = issues(meetingSchema.safeParse({ ...meeting({ capacity: 1, caseIds: [CASE_1, CASE_2] }), time: 'x' }));
    expect(found.time).toBe(MSG.time);
    expect(decodeMessage(found.caseIds!).key).toBe(MEETING_MSG.full);
  });

  it('refuses a case booked twice', () => {
    expect(issues(meetingSchema.safeParse(meeting({ caseIds: [CASE_1, CASE_1] })))).toEqual({ caseIds: MEETING_MSG.caseTwice });
  });

  it('slotId is a slot id (a UUID or a meeting-rhythm id) or empty (ad hoc)', () => {
    expect(meetingSchema.safeParse(meeting({ slotId: '' })).success).toBe(true);
    expect(meetingSchema.safeParse(meeting({ slotId: `${meeting().networkId}/2/13:00` })).success).toBe(true);
    expect(issues(meetingSchema.safeParse(meeting({ slotId: 'slot 1' })))).toEqual({ slotId: MSG.invalid });
    expect(issues(meetingSchema.safeParse(meeting({ slotId: 'x'.repeat(201) })))).toEqual({ slotId: MSG.invalid });
  });

  it('trims and bounds location and notes', () => {
    const parsed = meetingSchema.parse(meeting({ location: '  Teams  ', notes: ' huone 2.14 ' }));
    expect(parsed.location).toBe('Teams');
    expect(parsed.notes).toBe('huone 2.14');
    expect(issues(meetingSchema.safeParse(meeting({ location: 'x'.repeat(201) })))).toEqual({ location: MSG.tooLong });
    expect(issues(meetingSchema.safeParse(meeting({ notes: 'x'.repeat(501) })))).toEqual({ notes: MSG.tooLong });
  });

  it('the input schema is the meeting without its id', () => {
    const { id: _id, ...input } = meeting();
    expect(meetingInputSchema.parse(input)).toEqual(input);
    const found = issues(meetingInputSchema.safeParse({ ...input, capacity: 1, caseIds: [CASE_1, CASE_2] }));
    expect(decodeMessage(found.caseIds!)).toEqual({ key: MEETING_MSG.full, params: { capacity: '1' } });
  });

  it('refuses a non-object', () => {
    expect(issues(meetingSchema.safeParse(null))).toEqual({ '': MSG.invalid });
  });
});
