import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { differenceInCalendarDays } from 'date-fns';
import { tz } from '@date-fns/tz';
import { helsinkiInstant } from '../../../../shared/calendar/helsinki-time';
import { targetDate } from '../../../../shared/calendar/target-date';
import { caseMeasures, type MeasureEvent } from '../../../../shared/lifecycle/measures';
import type { LifecycleAction } from '../../../../shared/lifecycle/transitions';

/** The instant of a Finnish wall-clock time, ISO. */
const fi = (date: string, time: string) => helsinkiInstant(date, time).toISOString();
const ev = (action: LifecycleAction, at: string, data?: unknown): MeasureEvent => ({ action, at, ...(data === undefined ? {} : { data }) });

const NONE = { daysToAcceptance: null, daysToRouting: null, daysToConsultation: null, daysToRecommendationSent: null, consultationDate: null, targetMet: null };

describe('caseMeasures', () => {
  const receivedAt = fi('2026-03-09', '10:00');

  it('counts calendar days to each step of a complete case', () => {
    const history = [
      ev('accept', fi('2026-03-09', '15:00')),
      ev('route', fi('2026-03-10', '09:00')),
      ev('schedule', fi('2026-03-10', '09:30'), { meetingId: 'm-1', date: '2026-03-13', time: '13:00' }),
      ev('consult', fi('2026-03-13', '16:00')),
      ev('send-recommendation', fi('2026-03-16', '08:00')),
      ev('close', fi('2026-03-20', '12:00')),
    ];
    expect(caseMeasures({ receivedAt, targetDate: '2026-03-16', history })).toEqual({
      daysToAcceptance: 0,
      daysToRouting: 1,
      daysToConsultation: 4,
      daysToRecommendationSent: 7,
      consultationDate: '2026-03-13',
      targetMet: true,
    });
  });

  it('gives nulls for steps not reached', () => {
    expect(caseMeasures({ receivedAt, targetDate: '2026-03-16', history: [] })).toEqual(NONE);
    expect(caseMeasures({ receivedAt, targetDate: '2026-03-16', history: [ev('decline', fi('2026-03-09', '11:00'))] })).toEqual(NONE);
    const cancelled = caseMeasures({ receivedAt, targetDate: '2026-03-16', history: [ev('accept', fi('2026-03-10', '11:00')), ev('cancel', fi('2026-03-11', '11:00'))] });
    expect(cancelled).toEqual({ ...NONE, daysToAcceptance: 1 });
  });

  it('counts a routing straight from received as the acceptance', () => {
    const history = [ev('request-information', fi('2026-03-09', '11:00')), ev('route', fi('2026-03-12', '11:00'))];
    expect(caseMeasures({ receivedAt, targetDate: '2026-03-16', history })).toMatchObject({ daysToAcceptance: 3, daysToRouting: 3 });
  });

  it('keeps the first occurrence of each step when a case is re-routed or reopened', () => {
    const history = [
      ev('route', fi('2026-03-10', '09:00')),
      ev('route', fi('2026-03-11', '09:00')),
      ev('schedule', fi('2026-03-11', '10:00'), { meetingId: 'm-1', date: '2026-03-12', time: '13:00' }),
      ev('consult', fi('2026-03-12', '15:00')),
      ev('send-recommendation', fi('2026-03-13', '08:00')),
      ev('close', fi('2026-03-14', '08:00')),
      ev('reopen', fi('2026-04-01', '08:00')),
      ev('send-recommendation', fi('2026-04-02', '08:00')),
    ];
    expect(caseMeasures({ receivedAt, targetDate: '2026-03-16', history })).toMatchObject({
      daysToRouting: 1,
      daysToConsultation: 3,
      daysToRecommendationSent: 4,
    });
  });

  it('reads the history in time order, keeping the given order for equal times', () => {
    const history = [ev('route', fi('2026-03-12', '09:00')), ev('accept', fi('2026-03-10', '09:00'))];
    expect(caseMeasures({ receivedAt, targetDate: '2026-03-16', history })).toMatchObject({ daysToAcceptance: 1, daysToRouting: 3 });
  });

  it('counts an event recorded before the receipt (clock skew) as day 0', () => {
    expect(caseMeasures({ receivedAt, targetDate: '2026-03-16', history: [ev('accept', fi('2026-03-08', '23:00'))] })).toMatchObject({ daysToAcceptance: 0 });
  });

  it('refuses malformed instants and target dates instead of guessing a time zone', () => {
    for (const bad of ['2026-03-09T10:00', '2026-03-09 10:00Z', '2026-03-09', 'eilen', '']) {
      expect(() => caseMeasures({ receivedAt: bad, targetDate: '2026-03-16', history: [] })).toThrow(/receivedAt/);
      expect(() => caseMeasures({ receivedAt, targetDate: '2026-03-16', history: [ev('accept', bad)] })).toThrow(/accept/);
    }
    expect(() => caseMeasures({ receivedAt, targetDate: '2026-02-30', history: [] })).toThrow(/no such day/);
    expect(caseMeasures({ receivedAt: '2026-03-09T10:00:00+02:00', targetDate: '2026-03-16', history: [ev('accept', '2026-03-10T01:00:00.123+03:00')] })).toMatchObject({
      daysToAcceptance: 1,
    });
  });
});

describe('caseMeasures — calendar days in Europe/Helsinki, not 24-hour blocks', () => {
  it('23:30 → 00:30 the next night is 1 day; the same evening is 0', () => {
    const receivedAt = fi('2026-01-14', '23:30'); // 21:30Z
    expect(caseMeasures({ receivedAt, targetDate: '2026-01-21', history: [ev('accept', fi('2026-01-15', '00:30'))] })).toMatchObject({ daysToAcceptance: 1 });
    expect(caseMeasures({ receivedAt, targetDate: '2026-01-21', history: [ev('accept', fi('2026-01-14', '23:59'))] })).toMatchObject({ daysToAcceptance: 0 });
  });

  it('uses the Finnish date, not the UTC date', () => {
    // Both instants fall on 14 January in UTC, on different days in Finland.
    const measures = caseMeasures({ receivedAt: '2026-01-14T21:30:00Z', targetDate: '2026-01-21', history: [ev('accept', '2026-01-14T22:30:00Z')] });
    expect(measures.daysToAcceptance).toBe(1);
    // 00:10 → 23:50 on one Finnish day spans two UTC dates: still 0.
    expect(caseMeasures({ receivedAt: fi('2026-01-15', '00:10'), targetDate: '2026-01-21', history: [ev('accept', fi('2026-01-15', '23:50'))] }).daysToAcceptance).toBe(0);
  });

  it('spring forward (Sun 29 March 2026, 03:00 → 04:00): a 23-hour day is a whole day', () => {
    const receivedAt = fi('2026-03-28', '23:30'); // Saturday, UTC+2
    const history = [
      ev('accept', fi('2026-03-29', '00:30')),
      ev('route', '2026-03-29T00:59:00Z'), // 02:59 EET
      ev('schedule', '2026-03-29T01:00:00Z', { meetingId: 'm-1', date: '2026-03-30', time: '00:15' }), // 04:00 EEST
      ev('consult', fi('2026-03-30', '00:15')), // UTC+3: 23 h 45 min after the receipt
    ];
    expect(fi('2026-03-30', '00:15')).toBe('2026-03-29T21:15:00.000Z');
    expect(caseMeasures({ receivedAt, targetDate: '2026-03-30', history })).toEqual({
      daysToAcceptance: 1,
      daysToRouting: 1,
      daysToConsultation: 2,
      daysToRecommendationSent: null,
      consultationDate: '2026-03-30',
      targetMet: true,
    });
  });

  it('fall back (Sun 25 October 2026, 04:00 → 03:00): a 25-hour day is one day, the repeated hour is on it', () => {
    const receivedAt = fi('2026-10-25', '00:00'); // 21:00Z on the 24th, UTC+3
    const history = [
      ev('accept', '2026-10-25T00:30:00Z'), // 03:30 EEST
      ev('route', '2026-10-25T01:30:00Z'), // 03:30 EET, the repeated hour
      ev('schedule', fi('2026-10-25', '12:00'), { meetingId: 'm-2', date: '2026-10-25', time: '03:30' }),
      ev('consult', '2026-10-25T21:59:00Z'), // 23:59 EET: 24 h 59 min after the receipt
      ev('send-recommendation', '2026-10-25T22:00:00Z'), // 00:00 on the 26th
    ];
    expect(caseMeasures({ receivedAt, targetDate: '2026-10-25', history })).toEqual({
      daysToAcceptance: 0,
      daysToRouting: 0,
      daysToConsultation: 0,
      daysToRecommendationSent: 1,
      consultationDate: '2026-10-25',
      targetMet: true,
    });
  });

  it('agrees with date-fns differenceInCalendarDays in Europe/Helsinki for any two instants', () => {
    const HELSINKI = tz('Europe/Helsinki');
    const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) });
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 * 86_400_000 }), (start, gap) => {
        const receivedAt = new Date(start).toISOString();
        const at = new Date(start + gap).toISOString();
        const { daysToAcceptance } = caseMeasures({ receivedAt, targetDate: '2026-01-01', history: [ev('accept', at)] });
        expect(daysToAcceptance).toBe(differenceInCalendarDays(new Date(at), new Date(receivedAt), { in: HELSINKI }));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('caseMeasures — the day of the consultation and the target', () => {
  const receivedAt = fi('2026-04-02', '09:00'); // Maundy Thursday
  const urgentTarget = targetDate('2026-04-02', 'urgent'); // Good Friday and Easter Monday skipped

  const held = (meetingDate: string | undefined, recordedOn: string) => {
    const history = [
      ev('route', fi('2026-04-02', '10:00')),
      ...(meetingDate === undefined ? [] : [ev('schedule', fi('2026-04-02', '11:00'), { meetingId: 'm-3', date: meetingDate, time: '09:00' })]),
      ev('consult', fi(recordedOn, '16:00')),
    ];
    return caseMeasures({ receivedAt, targetDate: urgentTarget, history });
  };

  it('takes the Finnish holidays into the urgent target (2 working days after Maundy Thursday is Wednesday)', () => {
    expect(urgentTarget).toBe('2026-04-08');
    expect(held('2026-04-08', '2026-04-08')).toMatchObject({ consultationDate: '2026-04-08', daysToConsultation: 6, targetMet: true });
    expect(held('2026-04-09', '2026-04-09')).toMatchObject({ consultationDate: '2026-04-09', daysToConsultation: 7, targetMet: false });
  });

  it('counts the meeting date, not the day the recommendation was recorded', () => {
    expect(held('2026-04-07', '2026-04-10')).toMatchObject({ consultationDate: '2026-04-07', daysToConsultation: 5, targetMet: true });
  });

  it('never counts a meeting date later than the day the consultation was recorded', () => {
    expect(held('2026-04-20', '2026-04-08')).toMatchObject({ consultationDate: '2026-04-08', targetMet: true });
  });

  it('uses the day recorded when there is no meeting date', () => {
    expect(held(undefined, '2026-04-09')).toMatchObject({ consultationDate: '2026-04-09', targetMet: false });
    const history = [ev('schedule', fi('2026-04-02', '11:00'), { meetingId: 'm-3', date: '2026-02-30' }), ev('consult', fi('2026-04-09', '16:00'))];
    expect(caseMeasures({ receivedAt, targetDate: urgentTarget, history }).consultationDate).toBe('2026-04-09');
    const noData = [ev('schedule', fi('2026-04-02', '11:00')), ev('consult', fi('2026-04-09', '16:00'))];
    expect(caseMeasures({ receivedAt, targetDate: urgentTarget, history: noData }).consultationDate).toBe('2026-04-09');
  });

  it('uses the last schedule before the consultation, ignoring ones after it', () => {
    const history = [
      ev('schedule', fi('2026-04-02', '11:00'), { meetingId: 'm-3', date: '2026-04-07', time: '09:00' }),
      ev('schedule', fi('2026-04-06', '11:00'), { meetingId: 'm-4', date: '2026-04-08', time: '09:00' }),
      ev('consult', fi('2026-04-10', '16:00')),
      ev('schedule', fi('2026-04-20', '11:00'), { meetingId: 'm-5', date: '2026-04-21', time: '09:00' }),
    ];
    expect(caseMeasures({ receivedAt, targetDate: urgentTarget, history }).consultationDate).toBe('2026-04-08');
  });

  it('meets a normal 7-day target on the target day itself, across Easter', () => {
    const normal = targetDate('2026-04-02', 'normal');
    expect(normal).toBe('2026-04-09');
    const history = [ev('consult', fi('2026-04-09', '23:59'))];
    expect(caseMeasures({ receivedAt, targetDate: normal, history })).toMatchObject({ targetMet: true, daysToConsultation: 7 });
  });
});
