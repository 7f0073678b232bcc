/**
 * Finnish public holidays and working days, on plain calendar dates.
 *
 * Every date in and out of this module is an ISO calendar date string 'YYYY-MM-DD' with no time
 * and no time zone. Arithmetic runs on whole day numbers (days since 1970-01-01 in the proleptic
 * Gregorian calendar), so the host's time zone and daylight saving never shift a date. Callers
 * turn an instant into a Finnish calendar date first (see `helsinkiDate` in ./target-date).
 *
 * The current rules (Kirkkolaki / Laki eräistä juhlapäivistä) are applied to every year: Epiphany
 * and Ascension Day on their fixed days, Midsummer and All Saints' Day on their moving Saturdays.
 * Dates are accepted for Gregorian years 1583–9999.
 */

/** A calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface HolidayName {
  readonly fi: string;
  readonly sv: string;
  readonly en: string;
}

export interface FinnishHoliday {
  readonly date: IsoDate;
  readonly name: HolidayName;
}

export const MIN_YEAR = 1583;
export const MAX_YEAR = 9999;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number (days since 1970-01-01) of a valid ISO date; throws a clear Error otherwise. */
export function isoToDayNumber(date: IsoDate): number {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!match) throw new Error(`Invalid calendar date ${JSON.stringify(date)}: expected 'YYYY-MM-DD'.`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new Error(`Invalid calendar date '${date}': year must be between ${MIN_YEAR} and ${MAX_YEAR}.`);
  }
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new Error(`Invalid calendar date '${date}': no such day.`);
  }
  return ms / MS_PER_DAY;
}

/** ISO date of a day number (days since 1970-01-01). */
export function dayNumberToIso(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new Error(`Invalid day number ${dayNumber}: expected an integer.`);
  const d = new Date(dayNumber * MS_PER_DAY);
  const year = d.getUTCFullYear();
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
    throw new Error(`Date out of range: year must be between ${MIN_YEAR} and ${MAX_YEAR}.`);
  }
  return `${String(year).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new Error(`Invalid day count ${days}: expected an integer.`);
  return dayNumberToIso(isoToDayNumber(date) + days);
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday. */
function weekdayOf(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber + 4) % 7) + 7) % 7;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new Error(`Invalid year ${String(year)}: expected an integer between ${MIN_YEAR} and ${MAX_YEAR}.`);
  }
}

function ymd(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The first day with the given weekday (0 = Sunday … 6 = Saturday) on or after `dayNumber`. */
function onOrAfter(dayNumber: number, weekday: number): number {
  return dayNumber + ((weekday - weekdayOf(dayNumber) + 7) % 7);
}

/** Western (Gregorian) Easter Sunday, by the anonymous Gregorian (Meeus/Jones/Butcher) algorithm. */
export function easterSunday(year: number): IsoDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumberToIso(ymd(year, month, day));
}

const NAMES = {
  newYear: { fi: 'Uudenvuodenpäivä', sv: 'Nyårsdagen', en: "New Year's Day" },
  epiphany: { fi: 'Loppiainen', sv: 'Trettondedag jul', en: 'Epiphany' },
  goodFriday: { fi: 'Pitkäperjantai', sv: 'Långfredagen', en: 'Good Friday' },
  easterSunday: { fi: 'Pääsiäispäivä', sv: 'Påskdagen', en: 'Easter Sunday' },
  easterMonday: { fi: '2. pääsiäispäivä', sv: 'Annandag påsk', en: 'Easter Monday' },
  mayDay: { fi: 'Vappu', sv: 'Första maj', en: 'May Day' },
  ascension: { fi: 'Helatorstai', sv: 'Kristi himmelsfärdsdag', en: 'Ascension Day' },
  pentecost: { fi: 'Helluntaipäivä', sv: 'Pingstdagen', en: 'Whitsunday (Pentecost)' },
  midsummerEve: { fi: 'Juhannusaatto', sv: 'Midsommarafton', en: 'Midsummer Eve' },
  midsummerDay: { fi: 'Juhannuspäivä', sv: 'Midsommardagen', en: 'Midsummer Day' },
  allSaints: { fi: 'Pyhäinpäivä', sv: 'Alla helgons dag', en: "All Saints' Day" },
  independence: { fi: 'Itsenäisyyspäivä', sv: 'Självständighetsdagen', en: 'Independence Day' },
  christmasEve: { fi: 'Jouluaatto', sv: 'Julafton', en: 'Christmas Eve' },
  christmasDay: { fi: 'Joulupäivä', sv: 'Juldagen', en: 'Christmas Day' },
  stStephen: { fi: 'Tapaninpäivä', sv: 'Annandag jul', en: "St Stephen's Day" },
} as const satisfies Record<string, HolidayName>;

const cache = new Map<number, readonly FinnishHoliday[]>();

function holidaysOf(year: number): readonly FinnishHoliday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const easter = isoToDayNumber(easterSunday(year));
  const midsummerEve = onOrAfter(ymd(year, 6, 19), 5);
  const entries: Array<[number, HolidayName]> = [
    [ymd(year, 1, 1), NAMES.newYear],
    [ymd(year, 1, 6), NAMES.epiphany],
    [easter - 2, NAMES.goodFriday],
    [easter, NAMES.easterSunday],
    [easter + 1, NAMES.easterMonday],
    [ymd(year, 5, 1), NAMES.mayDay],
    [easter + 39, NAMES.ascension],
    [easter + 49, NAMES.pentecost],
    [midsummerEve, NAMES.midsummerEve],
    [midsummerEve + 1, NAMES.midsummerDay],
    [onOrAfter(ymd(year, 10, 31), 6), NAMES.allSaints],
    [ymd(year, 12, 6), NAMES.independence],
    [ymd(year, 12, 24), NAMES.christmasEve],
    [ymd(year, 12, 25), NAMES.christmasDay],
    [ymd(year, 12, 26), NAMES.stStephen],
  ];
  // Ascension Day falls on May Day when Easter is on 23 March (1913, 2008, next in 2160);
  // both holidays are then listed on that date, May Day first (the sort is stable). No other
  // pair can meet: Ascension is 30 April–3 June, Pentecost 10 May–13 June.
  entries.sort((x, y) => x[0] - y[0]);
  const list = Object.freeze(entries.map(([day, name]) => Object.freeze({ date: dayNumberToIso(day), name })));
  cache.set(year, list);
  return list;
}

/**
 * Finnish public holidays of `year`, sorted by date, with Finnish, Swedish and English names.
 * Always 15 entries; in a year when Ascension Day falls on May Day, two share that date.
 * Midsummer Eve and Christmas Eve are included: they are not statutory holidays, but they are
 * de-facto days off and shown in Finnish calendars alongside the holidays.
 */
export function finnishPublicHolidays(year: number): FinnishHoliday[] {
  return holidaysOf(year).map((h) => ({ date: h.date, name: { ...h.name } }));
}

/** The holidays (including the two eves) falling on `date`: usually none or one, two when Ascension Day is on May Day. */
export function finnishHolidaysOn(date: IsoDate): FinnishHoliday[] {
  isoToDayNumber(date);
  return holidaysOf(Number(date.slice(0, 4)))
    .filter((h) => h.date === date)
    .map((h) => ({ date: h.date, name: { ...h.name } }));
}

/**
 * True on a Saturday, a Sunday, a public holiday, Midsummer Eve or Christmas Eve — the days a
 * Finnish office is closed.
 */
export function isFinnishNonWorkingDay(date: IsoDate): boolean {
  const dayNumber = isoToDayNumber(date);
  const weekday = weekdayOf(dayNumber);
  if (weekday === 0 || weekday === 6) return true;
  return holidaysOf(Number(date.slice(0, 4))).some((h) => h.date === date);
}

/** The opposite of `isFinnishNonWorkingDay`. */
export function isFinnishWorkingDay(date: IsoDate): boolean {
  return !isFinnishNonWorkingDay(date);
}
