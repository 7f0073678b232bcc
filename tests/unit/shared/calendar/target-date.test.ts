import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, differenceInCalendarDays, format } from 'date-fns';
import { isFinnishWorkingDay } from '../../../../shared/calendar/finnish-holidays';
import {
  DEFAULT_TARGET_RULES,
  daysUntil,
  dueState,
  helsinkiDate,
  targetDate,
  validateTargetRules,
  type TargetRules,
} from '../../../../shared/calendar/target-date';

const rules = (urgentWorkingDays: number, normalCalendarDays = 7): TargetRules => ({ normalCalendarDays, urgentWorkingDays });

/** Dates built with date-fns (local time, day-by-day) as an oracle independent of the module's arithmetic. */
const iso = (d: Date): string => format(d, 'yyyy-MM-dd');
const local = (s: string): Date => new Date(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10)));

describe('DEFAULT_TARGET_RULES', () => {
  it('is 7 calendar days for normal and 2 working days for urgent, and frozen', () => {
    expect(DEFAULT_TARGET_RULES).toEqual({ normalCalendarDays: 7, urgentWorkingDays: 2 });
    expect(Object.isFrozen(DEFAULT_TARGET_RULES)).toBe(true);
  });
});

describe('targetDate — normal', () => {
  it.each([
    ['2026-03-09', '2026-03-16', 'within a month'],
    ['2026-01-28', '2026-02-04', 'across a month end'],
    ['2026-02-25', '2026-03-04', 'across February in a common year'],
    ['2028-02-25', '2028-03-03', 'across February in a leap year'],
    ['2026-12-28', '2027-01-04', 'across the year end'],
    ['2026-12-20', '2026-12-27', 'onto a Sunday — not moved'],
    ['2026-03-27', '2026-04-03', 'onto Good Friday — not moved'],
  ])('%s + 7 days = %s (%s)', (received, expected) => {
    expect(targetDate(received, 'normal')).toBe(expected);
  });

  it('uses the configured number of calendar days', () => {
    expect(targetDate('2026-01-31', 'normal', rules(2, 1))).toBe('2026-02-01');
    expect(targetDate('2026-11-15', 'normal', rules(2, 60))).toBe('2027-01-14');
  });
});

describe('targetDate — urgent', () => {
  it.each([
    ['2026-03-09', 2, '2026-03-11', 'Monday → Wednesday in a plain week'],
    ['2026-03-12', 2, '2026-03-16', 'Thursday → Monday over the weekend'],
    ['2026-04-02', 2, '2026-04-08', 'Easter: skips Good Friday, the weekend and Easter Monday'],
    ['2026-04-02', 1, '2026-04-07', 'Easter: first working day after Maundy Thursday'],
    ['2026-04-04', 2, '2026-04-08', 'received on Easter Saturday counts from Tuesday'],
    ['2026-05-13', 2, '2026-05-18', 'Ascension Day and the weekend'],
    ['2026-06-18', 2, '2026-06-23', 'Midsummer: skips the Eve, Midsummer Day and Sunday'],
    ['2026-06-19', 1, '2026-06-22', 'received on Midsummer Eve'],
    ['2026-12-23', 2, '2026-12-29', 'Christmas: skips the Eve, Christmas Day, St Stephen and Sunday'],
    ['2026-12-24', 1, '2026-12-28', 'received on Christmas Eve'],
    ['2025-12-31', 2, '2026-01-05', 'year end: skips New Year and the weekend'],
    ['2025-12-31', 3, '2026-01-07', 'year end: then skips Epiphany'],
    ['2026-12-04', 1, '2026-12-07', 'Independence Day on a Sunday changes nothing'],
  ])('%s with %i working days → %s (%s)', (received, n, expected) => {
    expect(targetDate(received, 'urgent', rules(n))).toBe(expected);
  });

  it('uses the default of 2 working days', () => {
    expect(targetDate('2026-04-02', 'urgent')).toBe('2026-04-08');
  });

  it('treats receipt on a Saturday or Sunday like receipt on the Friday before', () => {
    for (const n of [1, 2, 5]) {
      const fromFriday = targetDate('2026-03-06', 'urgent', rules(n));
      expect(targetDate('2026-03-07', 'urgent', rules(n))).toBe(fromFriday);
      expect(targetDate('2026-03-08', 'urgent', rules(n))).toBe(fromFriday);
    }
    expect(targetDate('2026-03-07', 'urgent')).toBe('2026-03-10');
  });

  it('property: the target is a working day strictly after receipt with exactly N working days in (received, target]', () => {
    const first = new Date(2000, 0, 1);
    const span = differenceInCalendarDays(new Date(2099, 11, 31), first);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: span }), fc.integer({ min: 1, max: 10 }), (offset, n) => {
        const received = iso(addDays(first, offset));
        const target = targetDate(received, 'urgent', rules(n));
        expect(isFinnishWorkingDay(target)).toBe(true);
        expect(target > received).toBe(true);
        let working = 0;
        for (let d = addDays(local(received), 1); iso(d) <= target; d = addDays(d, 1)) {
          if (isFinnishWorkingDay(iso(d))) working++;
        }
        expect(working).toBe(n);
        // Ten working days never take more than three weeks, even over Christmas or Easter.
        expect(differenceInCalendarDays(local(target), local(received))).toBeLessThanOrEqual(21);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: normal targets agree with date-fns calendar arithmetic', () => {
    const first = new Date(2000, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36_500 }), fc.integer({ min: 1, max: 60 }), (offset, n) => {
        const received = addDays(first, offset);
        expect(targetDate(iso(received), 'normal', rules(2, n))).toBe(iso(addDays(received, n)));
      }),
    );
  });
});

describe('target rule validation', () => {
  it.each([
    [{ normalCalendarDays: 0, urgentWorkingDays: 2 }, /normalCalendarDays: 0/],
    [{ normalCalendarDays: 7, urgentWorkingDays: -1 }, /urgentWorkingDays: -1/],
    [{ normalCalendarDays: 7.5, urgentWorkingDays: 2 }, /normalCalendarDays: 7.5/],
    [{ normalCalendarDays: 61, urgentWorkingDays: 2 }, /normalCalendarDays: 61/],
    [{ normalCalendarDays: 7, urgentWorkingDays: Number.NaN }, /urgentWorkingDays: NaN/],
    [{ normalCalendarDays: 7, urgentWorkingDays: Number.POSITIVE_INFINITY }, /urgentWorkingDays: Infinity/],
    [{ normalCalendarDays: '7', urgentWorkingDays: 2 } as unknown as TargetRules, /normalCalendarDays: 7/],
  ])('rejects %o', (bad, message) => {
    expect(() => validateTargetRules(bad)).toThrow(message);
    expect(() => targetDate('2026-03-09', 'normal', bad)).toThrow(/whole number from 1 to 60/);
    expect(() => targetDate('2026-03-09', 'urgent', bad)).toThrow(/whole number from 1 to 60/);
  });

  it('accepts the bounds 1 and 60', () => {
    expect(() => validateTargetRules({ normalCalendarDays: 1, urgentWorkingDays: 60 })).not.toThrow();
    expect(() => validateTargetRules({ normalCalendarDays: 60, urgentWorkingDays: 1 })).not.toThrow();
  });

  it('rejects a missing rules object, an unknown urgency and a malformed date', () => {
    expect(() => targetDate('2026-03-09', 'normal', null as unknown as TargetRules)).toThrow(/Invalid target rules/);
    expect(() => targetDate('2026-03-09', 'soon' as 'urgent')).toThrow(/Invalid urgency "soon"/);
    expect(() => targetDate('9.3.2026', 'normal')).toThrow(/YYYY-MM-DD/);
    expect(() => targetDate('2026-02-29', 'urgent')).toThrow(/no such day/);
  });
});

describe('daysUntil', () => {
  it('is signed calendar days from today to the target', () => {
    expect(daysUntil('2026-04-10', '2026-04-08')).toBe(2);
    expect(daysUntil('2026-04-10', '2026-04-10')).toBe(0);
    expect(daysUntil('2026-04-10', '2026-04-11')).toBe(-1);
    expect(daysUntil('2027-01-01', '2026-12-31')).toBe(1);
    // Across the spring daylight-saving change in Finland (29 March 2026): still whole days.
    expect(daysUntil('2026-03-30', '2026-03-28')).toBe(2);
  });
});

describe('dueState', () => {
  it.each([
    ['2026-04-12', 'overdue'],
    ['2026-04-11', 'overdue'],
    ['2026-04-10', 'due-soon'],
    ['2026-04-09', 'due-soon'],
    ['2026-04-08', 'due-soon'],
    ['2026-04-07', 'on-track'],
    ['2026-03-01', 'on-track'],
  ])('target 2026-04-10, today %s → %s (default 2 days)', (today, expected) => {
    expect(dueState('2026-04-10', today)).toBe(expected);
  });

  it('honours a custom due-soon window, including 0', () => {
    expect(dueState('2026-04-10', '2026-04-10', 0)).toBe('due-soon');
    expect(dueState('2026-04-10', '2026-04-09', 0)).toBe('on-track');
    expect(dueState('2026-04-10', '2026-04-05', 5)).toBe('due-soon');
    expect(dueState('2026-04-10', '2026-04-04', 5)).toBe('on-track');
  });

  it('rejects an invalid due-soon window', () => {
    expect(() => dueState('2026-04-10', '2026-04-10', -1)).toThrow(/dueSoonDays/);
    expect(() => dueState('2026-04-10', '2026-04-10', 1.5)).toThrow(/dueSoonDays/);
  });
});

describe('helsinkiDate', () => {
  it.each([
    ['2026-03-28T21:59:59Z', '2026-03-28', 'winter time UTC+2, just before midnight'],
    ['2026-03-28T22:00:00Z', '2026-03-29', 'winter time UTC+2, midnight'],
    ['2026-06-30T20:59:59Z', '2026-06-30', 'summer time UTC+3, just before midnight'],
    ['2026-06-30T21:00:00Z', '2026-07-01', 'summer time UTC+3, midnight'],
    ['2026-12-31T22:30:00Z', '2027-01-01', 'New Year in Helsinki while still 2026 in UTC'],
  ])('%s → %s (%s)', (instant, expected) => {
    expect(helsinkiDate(new Date(instant))).toBe(expected);
  });

  it('rejects an invalid Date', () => {
    expect(() => helsinkiDate(new Date(Number.NaN))).toThrow(/valid Date/);
  });
});
