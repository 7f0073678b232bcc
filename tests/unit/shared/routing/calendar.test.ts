import { describe, expect, it } from 'vitest';
import { networkSchema } from '../../../../shared/domain/network';
import { activityOn, nextMeetingSlot, outOfOfficeOn } from '../../../../shared/routing/availability';
import { addDays, isCalendarDate, isoWeekday } from '../../../../shared/routing/calendar';

const network = (overrides: Record<string, unknown> = {}) =>
  networkSchema.parse({
    id: '00000000-0000-7000-8000-000000000001',
    name: { fi: 'Testiverkosto', sv: 'Testnätverk', en: 'Test network' },
    area: 'ita',
    themes: ['nepsy'],
    ageBands: ['7-12'],
    languages: ['fi'],
    contact: { person: 'Testi Yhteyshenkilö', channel: 'testi@example.invalid' },
    meetingRhythm: [
      { weekday: 5, start: '12:00', end: '13:00', capacity: 1 },
      { weekday: 2, start: '13:00', end: '14:00', capacity: 2 },
      { weekday: 2, start: '08:00', end: '09:00', capacity: 3 },
    ],
    activeFrom: '2024-01-01',
    ...overrides,
  });

describe('calendar arithmetic on ISO dates', () => {
  it.each([
    ['2025-03-03', 0, '2025-03-03'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-03-30', 1, '2025-03-31'],
    ['2025-01-01', -1, '2024-12-31'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2025-03-03', 1],
    ['2025-03-09', 7],
    ['2024-02-29', 4],
    ['2025-12-24', 3],
  ])('%s is ISO weekday %i', (date, weekday) => {
    expect(isoWeekday(date)).toBe(weekday);
  });

  it('knows which strings are calendar dates', () => {
    expect(['2024-02-29', '2025-12-31'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2023-02-29', '2025-13-01', '2025-04-31', '3.3.2025', '', '2025-3-3'].map(isCalendarDate)).toEqual([false, false, false, false, false, false]);
  });
});

describe('availability', () => {
  it('treats activeFrom and activeTo as included days', () => {
    const n = network({ activeFrom: '2025-01-01', activeTo: '2025-01-31' });
    expect(['2024-12-31', '2025-01-01', '2025-01-31', '2025-02-01'].map((d) => activityOn(n, d))).toEqual(['not-yet-active', 'active', 'active', 'ended']);
  });

  it('finds the earliest-starting of overlapping absences', () => {
    const n = network({ outOfOffice: [{ from: '2025-03-01', to: '2025-03-10' }, { from: '2025-02-20', to: '2025-03-05' }] });
    expect(outOfOfficeOn(n, '2025-03-03')).toEqual({ from: '2025-02-20', to: '2025-03-05' });
    expect(outOfOfficeOn(n, '2025-03-11')).toBeUndefined();
  });

  it('takes the earliest slot of the first meeting day on or after the date', () => {
    expect(nextMeetingSlot(network(), '2025-03-03', 60)).toEqual({ date: '2025-03-04', weekday: 2, start: '08:00', end: '09:00', capacity: 3 });
    expect(nextMeetingSlot(network(), '2025-03-04', 60)?.date).toBe('2025-03-04');
    expect(nextMeetingSlot(network(), '2025-03-05', 60)?.date).toBe('2025-03-07');
  });

  it('skips absences and the days after deactivation, within the horizon', () => {
    const away = network({ outOfOffice: [{ from: '2025-03-04', to: '2025-03-10' }] });
    expect(nextMeetingSlot(away, '2025-03-03', 60)?.date).toBe('2025-03-11');
    expect(nextMeetingSlot(away, '2025-03-03', 6)).toBeNull();
    expect(nextMeetingSlot(network({ activeTo: '2025-03-03' }), '2025-03-03', 60)).toBeNull();
    expect(nextMeetingSlot(network({ meetingRhythm: [] }), '2025-03-03', 60)).toBeNull();
  });
});
