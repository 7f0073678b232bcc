import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { addCalendarDays, finnishHolidaysOn } from '../../../../shared/calendar/finnish-holidays';
import { MEETING_MSG } from '../../../../shared/meetings/messages';
import {
  addWeeks,
  isFinnishHoliday,
  isoWeek,
  isoWeekNumber,
  isoWeekday,
  meetingEnd,
  meetingEndLocal,
  meetingInstant,
  noHolidays,
  slotOccurrenceIssue,
  slotOccurrences,
  slotOccursOn,
  weekOf,
} from '../../../../shared/meetings/occurrences';
import { slot } from './fixtures';

/** A date as a local-midnight Date, for date-fns oracles (independent of the module's day numbers). */
const local = (s: string): Date => new Date(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));
const utcWeekday = (iso: string): number => new Date(`${iso}T00:00:00Z`).getUTCDay() || 7;

const isoDateArb = fc
  .integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2090, 11, 31) / 86_400_000 })
  .map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

describe('isoWeekday and weekOf', () => {
  it.each([
    ['2026-03-09', 1],
    ['2026-03-10', 2],
    ['2026-03-15', 7],
    ['2024-02-29', 4],
    ['2000-01-01', 6],
  ])('%s is ISO weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it('weekOf gives Monday … Sunday of the ISO week, across month and year ends', () => {
    expect(weekOf('2026-03-11')).toEqual(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15']);
    expect(weekOf('2026-03-09')).toEqual(weekOf('2026-03-15'));
    expect(weekOf('2027-01-01')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
    expect(weekOf('2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01', '2028-03-02', '2028-03-03', '2028-03-04', '2028-03-05']);
  });

  it('weekOf the DST-change weeks still has seven consecutive days', () => {
    expect(weekOf('2026-03-29')).toEqual(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29']);
    expect(weekOf('2026-10-25')[0]).toBe('2026-10-19');
  });

  it('property: weekOf contains the date, starts on Monday, and agrees with the UTC weekday', () => {
    fc.assert(
      fc.property(isoDateArb, (date) => {
        const week = weekOf(date);
        expect(week).toHaveLength(7);
        expect(week).toContain(date);
        expect(utcWeekday(week[0]!)).toBe(1);
        expect(isoWeekday(date)).toBe(utcWeekday(date));
        week.forEach((d, i) => expect(d).toBe(addCalendarDays(week[0]!, i)));
      }),
    );
  });
});

describe('isoWeek', () => {
  it.each([
    ['2026-01-01', 2026, 1],
    ['2026-03-10', 2026, 11],
    ['2026-12-31', 2026, 53],
    ['2027-01-01', 2026, 53],
    ['2027-01-03', 2026, 53],
    ['2027-01-04', 2027, 1],
    ['2024-12-30', 2025, 1],
    ['2021-01-03', 2020, 53],
  ])('%s is week %i-W%i', (date, year, week) => {
    expect(isoWeek(date)).toEqual({ year, week });
    expect(isoWeekNumber(date)).toBe(week);
  });

  it('property: agrees with date-fns getISOWeek / getISOWeekYear', () => {
    fc.assert(
      fc.property(isoDateArb, (date) => {
        expect(isoWeek(date)).toEqual({ year: getISOWeekYear(local(date)), week: getISOWeek(local(date)) });
      }),
    );
  });

  it('addWeeks moves by whole weeks', () => {
    expect(addWeeks('2026-03-10', 1)).toBe('2026-03-17');
    expect(addWeeks('2026-01-06', -2)).toBe('2025-12-23');
  });
});

describe('slotOccurrences', () => {
  it('lists the slot weekday between the two dates, both included', () => {
    expect(slotOccurrences(slot(), '2026-03-03', '2026-03-24')).toEqual(['2026-03-03', '2026-03-10', '2026-03-17', '2026-03-24']);
    expect(slotOccurrences(slot(), '2026-03-04', '2026-03-23')).toEqual(['2026-03-10', '2026-03-17']);
    expect(slotOccurrences(slot({ weekday: 7 }), '2026-03-09', '2026-03-15')).toEqual(['2026-03-15']);
    expect(slotOccurrences(slot({ weekday: 1 }), '2026-03-09', '2026-03-09')).toEqual(['2026-03-09']);
  });

  it('stays within validFrom … validUntil', () => {
    const s = slot({ validFrom: '2026-03-10', validUntil: '2026-03-24' });
    expect(slotOccurrences(s, '2026-02-01', '2026-04-30')).toEqual(['2026-03-10', '2026-03-17', '2026-03-24']);
    expect(slotOccurrences(slot({ validFrom: '2026-03-11', validUntil: '2026-03-16' }), '2026-03-01', '2026-03-31')).toEqual([]);
  });

  it('skips Finnish public holidays and the two eves by default', () => {
    // Epiphany 2026 is a Tuesday.
    expect(slotOccurrences(slot(), '2026-01-01', '2026-01-20')).toEqual(['2026-01-13', '2026-01-20']);
    // Good Friday 2026-04-03, May Day 2026-05-01, Midsummer Eve 2026-06-19, Christmas Day 2026-12-25.
    const friday = slot({ weekday: 5 });
    expect(slotOccurrences(friday, '2026-03-30', '2026-04-10')).toEqual(['2026-04-10']);
    expect(slotOccurrences(friday, '2026-05-01', '2026-05-01')).toEqual([]);
    expect(slotOccurrences(friday, '2026-06-15', '2026-06-26')).toEqual(['2026-06-26']);
    expect(slotOccurrences(friday, '2026-12-21', '2026-12-31')).toEqual([]);
    // Ascension Day 2026-05-14 and Christmas Eve 2026-12-24 are Thursdays.
    expect(slotOccurrences(slot({ weekday: 4 }), '2026-05-10', '2026-05-31')).toEqual(['2026-05-21', '2026-05-28']);
    expect(slotOccurrences(slot({ weekday: 4 }), '2026-12-20', '2026-12-31')).toEqual(['2026-12-31']);
    // Easter Monday 2026-04-06.
    expect(slotOccurrences(slot({ weekday: 1 }), '2026-04-01', '2026-04-13')).toEqual(['2026-04-13']);
  });

  it('keeps holidays with noHolidays, and takes any holiday rule', () => {
    expect(slotOccurrences(slot(), '2026-01-01', '2026-01-13', noHolidays)).toEqual(['2026-01-06', '2026-01-13']);
    const closed = (date: string) => date === '2026-03-17' || isFinnishHoliday(date);
    expect(slotOccurrences(slot(), '2026-03-10', '2026-03-24', closed)).toEqual(['2026-03-10', '2026-03-24']);
  });

  it('gives nothing for an inactive slot or a reversed range', () => {
    expect(slotOccurrences(slot({ active: false }), '2026-03-01', '2026-03-31')).toEqual([]);
    expect(slotOccurrences(slot(), '2026-03-31', '2026-03-01')).toEqual([]);
  });

  it('runs across DST changes and the year end without drift', () => {
    expect(slotOccurrences(slot({ weekday: 7 }), '2026-03-22', '2026-04-05', noHolidays)).toEqual(['2026-03-22', '2026-03-29', '2026-04-05']);
    expect(slotOccurrences(slot({ weekday: 7 }), '2026-10-18', '2026-11-01', noHolidays)).toEqual(['2026-10-18', '2026-10-25', '2026-11-01']);
    expect(slotOccurrences(slot(), '2026-12-22', '2027-01-12')).toEqual(['2026-12-22', '2026-12-29', '2027-01-05', '2027-01-12']);
  });

  it('property: equals a day-by-day scan with slotOccursOn', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        isoDateArb,
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: -60, max: 60 }),
        fc.option(fc.integer({ min: 0, max: 150 }), { nil: undefined }),
        (weekday, from, span, validOffset, validSpan) => {
          const to = addCalendarDays(from, span);
          const validFrom = addCalendarDays(from, validOffset);
          const s = slot({ weekday, validFrom, validUntil: validSpan === undefined ? '' : addCalendarDays(validFrom, validSpan) });
          const scan: string[] = [];
          for (let d = from; d <= to; d = addCalendarDays(d, 1)) if (slotOccursOn(s, d)) scan.push(d);
          const dates = slotOccurrences(s, from, to);
          expect(dates).toEqual(scan);
          for (const d of dates) {
            expect(utcWeekday(d)).toBe(weekday);
            expect(finnishHolidaysOn(d)).toEqual([]);
          }
        },
      ),
    );
  });
});

describe('slotOccurrenceIssue', () => {
  it('names why a slot does not occur on a date', () => {
    expect(slotOccurrenceIssue(slot(), '2026-03-10')).toBeNull();
    expect(slotOccurrenceIssue(slot({ active: false }), '2026-03-10')).toBe(MEETING_MSG.slotInactive);
    expect(slotOccurrenceIssue(slot(), '2026-03-11')).toBe(MEETING_MSG.slotNotOnThatDay);
    expect(slotOccurrenceIssue(slot(), '2025-12-30')).toBe(MEETING_MSG.slotNotValidOnDate);
    expect(slotOccurrenceIssue(slot({ validUntil: '2026-03-09' }), '2026-03-10')).toBe(MEETING_MSG.slotNotValidOnDate);
    expect(slotOccurrenceIssue(slot(), '2026-01-06')).toBe(MEETING_MSG.holiday);
    expect(slotOccurrenceIssue(slot(), '2026-01-06', noHolidays)).toBeNull();
    expect(slotOccursOn(slot(), '2026-01-06')).toBe(false);
  });
});

describe('meetingInstant and meetingEnd across DST (Europe/Helsinki)', () => {
  // 2026: summer time from Sunday 29 March 03:00 EET, back on Sunday 25 October 04:00 EEST.
  it.each([
    ['2026-03-10', '2026-03-10T11:00:00.000Z', 'winter'],
    ['2026-03-24', '2026-03-24T11:00:00.000Z', 'winter, in the week of the spring change'],
    ['2026-03-31', '2026-03-31T10:00:00.000Z', 'summer, the Tuesday after the spring change'],
    ['2026-07-07', '2026-07-07T10:00:00.000Z', 'summer'],
    ['2026-10-20', '2026-10-20T10:00:00.000Z', 'summer, in the week of the autumn change'],
    ['2026-10-27', '2026-10-27T11:00:00.000Z', 'winter, the Tuesday after the autumn change'],
  ])('a Tuesday 13:00 slot on %s is %s (%s)', (date, expected) => {
    expect(meetingInstant(date, '13:00')).toBe(expected);
  });

  it('a Tuesday 14:00 slot is 11:00Z in summer and 12:00Z in winter', () => {
    expect(meetingInstant('2026-03-24', '14:00')).toBe('2026-03-24T12:00:00.000Z');
    expect(meetingInstant('2026-03-31', '14:00')).toBe('2026-03-31T11:00:00.000Z');
    expect(meetingInstant('2026-10-20', '14:00')).toBe('2026-10-20T11:00:00.000Z');
    expect(meetingInstant('2026-10-27', '14:00')).toBe('2026-10-27T12:00:00.000Z');
  });

  it('every Tuesday 13:00 occurrence of 2026 is 10:00Z or 11:00Z by the season', () => {
    for (const date of slotOccurrences(slot(), '2026-01-01', '2026-12-31', noHolidays)) {
      const summer = date > '2026-03-29' && date < '2026-10-25';
      expect(meetingInstant(date, '13:00')).toBe(`${date}T${summer ? '10' : '11'}:00:00.000Z`);
    }
  });

  it('the end is the start plus real minutes, also over a change', () => {
    expect(meetingEnd('2026-03-10', '13:00', 90)).toBe('2026-03-10T12:30:00.000Z');
    expect(meetingEndLocal('2026-03-10', '13:00', 90)).toEqual({ date: '2026-03-10', time: '14:30' });
    // Spring: 02:30 EET + 60 minutes = 04:30 EEST.
    expect(meetingEndLocal('2026-03-29', '02:30', 60)).toEqual({ date: '2026-03-29', time: '04:30' });
    // Autumn: 02:30 EEST + 60 minutes = 03:30 EEST, + 120 minutes = 03:30 EET (the repeated hour).
    expect(meetingEnd('2026-10-25', '02:30', 60)).toBe('2026-10-25T00:30:00.000Z');
    expect(meetingEnd('2026-10-25', '02:30', 120)).toBe('2026-10-25T01:30:00.000Z');
    expect(meetingEndLocal('2026-10-25', '02:30', 60)).toEqual({ date: '2026-10-25', time: '03:30' });
    expect(meetingEndLocal('2026-10-25', '02:30', 120)).toEqual({ date: '2026-10-25', time: '03:30' });
    // An evening meeting can end the next day.
    expect(meetingEndLocal('2026-03-10', '22:00', 180)).toEqual({ date: '2026-03-11', time: '01:00' });
  });

  it('a time in the spring gap is read with the winter offset; a repeated autumn time as its second occurrence', () => {
    expect(meetingInstant('2026-03-29', '03:30')).toBe('2026-03-29T01:30:00.000Z');
    expect(meetingInstant('2026-10-25', '03:30')).toBe('2026-10-25T01:30:00.000Z');
  });
});
