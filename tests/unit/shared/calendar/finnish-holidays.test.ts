import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addCalendarDays,
  easterSunday,
  finnishHolidaysOn,
  finnishPublicHolidays,
  isFinnishNonWorkingDay,
  isFinnishWorkingDay,
} from '../../../../shared/calendar/finnish-holidays';

/** Easter by a second, independent computus (Oudin 1940, as given by Tøndering), as an oracle. */
function oudinEaster(y: number): string {
  const g = y % 19;
  const c = Math.floor(y / 100);
  const h = (c - Math.floor(c / 4) - Math.floor((8 * c + 13) / 25) + 19 * g + 15) % 30;
  const i = h - Math.floor(h / 28) * (1 - Math.floor(29 / (h + 1)) * Math.floor((21 - g) / 11));
  const j = (y + Math.floor(y / 4) + i + 2 - c + Math.floor(c / 4)) % 7;
  const l = i - j;
  const month = 3 + Math.floor((l + 40) / 44);
  const day = l + 28 - 31 * Math.floor(month / 4);
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function utcWeekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

function dateOf(year: number, en: string): string {
  const h = finnishPublicHolidays(year).find((x) => x.name.en === en);
  if (!h) throw new Error(`${en} missing in ${year}`);
  return h.date;
}

describe('easterSunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
    [1818, '1818-03-22'],
    [1943, '1943-04-25'],
    [2000, '2000-04-23'],
  ])('Easter %i is %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it('agrees with an independent computus for every year 1583–9999, and is a Sunday 22.3–25.4', { timeout: 180_000 }, () => {
    for (let y = 1583; y <= 9999; y++) {
      const e = easterSunday(y);
      expect(e).toBe(oudinEaster(y));
      expect(utcWeekday(e)).toBe(0);
      expect(e.slice(5) >= '03-22' && e.slice(5) <= '04-25').toBe(true);
    }
  });

  it('rejects years it cannot compute', () => {
    expect(() => easterSunday(1500)).toThrow(/year/i);
    expect(() => easterSunday(2026.5)).toThrow(/year/i);
    expect(() => easterSunday(Number.NaN)).toThrow(/year/i);
  });
});

describe('finnishPublicHolidays', () => {
  it('lists 2026 exactly, sorted, with fi/sv/en names', () => {
    expect(finnishPublicHolidays(2026).map((h) => [h.date, h.name.fi, h.name.sv, h.name.en])).toEqual([
      ['2026-01-01', 'Uudenvuodenpäivä', 'Nyårsdagen', "New Year's Day"],
      ['2026-01-06', 'Loppiainen', 'Trettondedag jul', 'Epiphany'],
      ['2026-04-03', 'Pitkäperjantai', 'Långfredagen', 'Good Friday'],
      ['2026-04-05', 'Pääsiäispäivä', 'Påskdagen', 'Easter Sunday'],
      ['2026-04-06', '2. pääsiäispäivä', 'Annandag påsk', 'Easter Monday'],
      ['2026-05-01', 'Vappu', 'Första maj', 'May Day'],
      ['2026-05-14', 'Helatorstai', 'Kristi himmelsfärdsdag', 'Ascension Day'],
      ['2026-05-24', 'Helluntaipäivä', 'Pingstdagen', 'Whitsunday (Pentecost)'],
      ['2026-06-19', 'Juhannusaatto', 'Midsommarafton', 'Midsummer Eve'],
      ['2026-06-20', 'Juhannuspäivä', 'Midsommardagen', 'Midsummer Day'],
      ['2026-10-31', 'Pyhäinpäivä', 'Alla helgons dag', "All Saints' Day"],
      ['2026-12-06', 'Itsenäisyyspäivä', 'Självständighetsdagen', 'Independence Day'],
      ['2026-12-24', 'Jouluaatto', 'Julafton', 'Christmas Eve'],
      ['2026-12-25', 'Joulupäivä', 'Juldagen', 'Christmas Day'],
      ['2026-12-26', 'Tapaninpäivä', 'Annandag jul', "St Stephen's Day"],
    ]);
  });

  it.each([
    // year, Good Friday, Easter Monday, Ascension, Pentecost, Midsummer Eve, Midsummer Day, All Saints
    [2024, '2024-03-29', '2024-04-01', '2024-05-09', '2024-05-19', '2024-06-21', '2024-06-22', '2024-11-02'],
    [2025, '2025-04-18', '2025-04-21', '2025-05-29', '2025-06-08', '2025-06-20', '2025-06-21', '2025-11-01'],
    [2026, '2026-04-03', '2026-04-06', '2026-05-14', '2026-05-24', '2026-06-19', '2026-06-20', '2026-10-31'],
    [2027, '2027-03-26', '2027-03-29', '2027-05-06', '2027-05-16', '2027-06-25', '2027-06-26', '2027-11-06'],
    [2038, '2038-04-23', '2038-04-26', '2038-06-03', '2038-06-13', '2038-06-25', '2038-06-26', '2038-11-06'],
  ])('moving holidays of %i', (year, goodFriday, easterMonday, ascension, pentecost, eve, day, allSaints) => {
    expect(dateOf(year, 'Good Friday')).toBe(goodFriday);
    expect(dateOf(year, 'Easter Monday')).toBe(easterMonday);
    expect(dateOf(year, 'Ascension Day')).toBe(ascension);
    expect(dateOf(year, 'Whitsunday (Pentecost)')).toBe(pentecost);
    expect(dateOf(year, 'Midsummer Eve')).toBe(eve);
    expect(dateOf(year, 'Midsummer Day')).toBe(day);
    expect(dateOf(year, "All Saints' Day")).toBe(allSaints);
  });

  it('has 15 sorted days with the right weekdays in every year 1583–9999', { timeout: 180_000 }, () => {
    for (let y = 1583; y <= 9999; y++) {
      const list = finnishPublicHolidays(y);
      expect(list).toHaveLength(15);
      for (let i = 1; i < list.length; i++) {
        const [a, b] = [list[i - 1]!, list[i]!];
        // Strictly increasing, except that Ascension Day may share May Day's date.
        const sharesMayDay = a.date === b.date && a.name.en === 'May Day' && b.name.en === 'Ascension Day';
        expect(a.date < b.date || sharesMayDay).toBe(true);
      }
      for (const h of list) expect(h.date.slice(0, 4)).toBe(String(y));
      const eve = dateOf(y, 'Midsummer Eve');
      expect(utcWeekday(eve)).toBe(5);
      expect(eve >= `${y}-06-19` && eve <= `${y}-06-25`).toBe(true);
      expect(utcWeekday(dateOf(y, 'Midsummer Day'))).toBe(6);
      const saints = dateOf(y, "All Saints' Day");
      expect(utcWeekday(saints)).toBe(6);
      expect(saints >= `${y}-10-31` && saints <= `${y}-11-06`).toBe(true);
      expect(utcWeekday(dateOf(y, 'Ascension Day'))).toBe(4);
      expect(utcWeekday(dateOf(y, 'Whitsunday (Pentecost)'))).toBe(0);
    }
  });

  it('returns fresh copies that callers cannot use to corrupt later answers', () => {
    const first = finnishPublicHolidays(2026) as Array<{ date: string; name: { fi: string } }>;
    first[0]!.name.fi = 'x';
    first[0]!.date = '1999-01-01';
    first.pop();
    const again = finnishPublicHolidays(2026);
    expect(again).toHaveLength(15);
    expect(again[0]).toEqual({ date: '2026-01-01', name: { fi: 'Uudenvuodenpäivä', sv: 'Nyårsdagen', en: "New Year's Day" } });
  });
});

describe('finnishHolidaysOn', () => {
  it('names the holidays on a date, or none', () => {
    expect(finnishHolidaysOn('2026-12-06').map((h) => h.name.sv)).toEqual(['Självständighetsdagen']);
    expect(finnishHolidaysOn('2026-12-07')).toEqual([]);
  });

  it('lists both when Ascension Day falls on May Day (2008, 2160)', () => {
    expect(finnishHolidaysOn('2008-05-01').map((h) => h.name.en)).toEqual(['May Day', 'Ascension Day']);
    expect(finnishHolidaysOn('2160-05-01').map((h) => h.name.en)).toEqual(['May Day', 'Ascension Day']);
    expect(isFinnishNonWorkingDay('2008-05-01')).toBe(true);
  });
});

describe('isFinnishNonWorkingDay', () => {
  it.each([
    ['2026-04-03', true, 'Good Friday'],
    ['2026-04-06', true, 'Easter Monday'],
    ['2026-04-07', false, 'Tuesday after Easter'],
    ['2026-05-14', true, 'Ascension Day (Thursday)'],
    ['2026-06-19', true, 'Midsummer Eve (Friday)'],
    ['2026-06-18', false, 'Thursday before Midsummer'],
    ['2026-12-24', true, 'Christmas Eve (Thursday)'],
    ['2026-12-31', false, "New Year's Eve is a working day"],
    ['2026-03-07', true, 'Saturday'],
    ['2026-03-08', true, 'Sunday'],
    ['2026-03-09', false, 'Monday'],
    ['2027-01-06', true, 'Epiphany (Wednesday)'],
    ['2026-12-08', false, 'Tuesday'],
  ])('%s → %s (%s)', (date, expected) => {
    expect(isFinnishNonWorkingDay(date)).toBe(expected);
    expect(isFinnishWorkingDay(date)).toBe(!expected);
  });

  it('rejects malformed or impossible dates with a clear error', () => {
    expect(() => isFinnishNonWorkingDay('2026-02-30')).toThrow(/no such day/);
    expect(() => isFinnishNonWorkingDay('2026-2-3')).toThrow(/YYYY-MM-DD/);
    expect(() => isFinnishNonWorkingDay('2026-04-03T00:00:00Z')).toThrow(/YYYY-MM-DD/);
    expect(() => isFinnishNonWorkingDay('')).toThrow(/YYYY-MM-DD/);
  });

  it('counts 5 weekdays minus weekday holidays in every week of 2000–2099', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36_500 }), (offset) => {
        const start = addCalendarDays('2000-01-03', offset - (offset % 7)); // a Monday
        const week = Array.from({ length: 7 }, (_, i) => addCalendarDays(start, i));
        const weekdayHolidays = week.slice(0, 5).filter((d) => finnishHolidaysOn(d).length > 0).length;
        expect(week.filter(isFinnishWorkingDay)).toHaveLength(5 - weekdayHolidays);
      }),
    );
  });
});

describe('addCalendarDays', () => {
  it('crosses month, leap-day and year ends', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2027-01-01', -1)).toBe('2026-12-31');
  });
});
