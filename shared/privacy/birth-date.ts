import { daysInMonth } from './henkilotunnus';
import { WORD_CHAR, type Span } from './text-span';
import { helsinkiDate } from '../calendar/target-date';

/**
 * Exact dates that may be someone's date of birth.
 *
 * Forms: d.m.yyyy and dd.mm.yyyy (Finnish and Swedish usage), d.m.yy / dd.mm.yy, and ISO yyyy-mm-dd.
 * A two-digit year is read as the latest year that does not put the date after `today`
 * (on 2026-06-01, 1.2.20 is 2020 and 1.2.99 is 1999).
 *
 * A date counts when it exists in the calendar, is not after `today`, and
 *   - lies within the last 30 years (on or after the same day 30 years before `today`):
 *     OT-keskus clients are children and young people, and an exact recent date in a case text
 *     is the likeliest way to pin one down; or
 *   - has a birth cue just before it ("syntynyt", "synt.", "s.", "syntymäaika", "född", "f.",
 *     "födelsedatum", "born", "b.", "date of birth", "DOB") or just after it ("3.4.2012 syntynyt
 *     poika", "född", "born"): then any date in the last 120 years counts (a parent's, too).
 *
 * Not dates of birth: times (13.30), day and month without a year (3.4.), years alone (2025),
 * dates in the future, impossible dates (31.4.2020, 29.2.2023), numbers glued to letters or
 * digits, dotted version numbers (1.2.2020.5).
 *
 * `today` is read in the runtime's local time zone (Finland's, in the app).
 */

const DOTTED = new RegExp(
  `(?<!${WORD_CHAR}|\\p{N}[-/.,])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?!${WORD_CHAR}|[.,]\\d)`,
  'gu',
);
const ISO = new RegExp(`(?<!${WORD_CHAR}|\\p{N}[-.])(\\d{4})-(\\d{2})-(\\d{2})(?!${WORD_CHAR}|[-.,]\\d)`, 'gu');

const CUE_BEFORE =
  /(?:^|[^\p{L}\p{N}])(?:synty\p{L}*|synt\.|s\.|föd\p{L}*|f\.|born|b\.|(?:date\s+of\s+)?birth\p{L}*|dob|d\.o\.b\.?)[\s:=,(–-]*(?:(?:den|on|vuonna|päivänä)\s+)?$/iu;
const CUE_AFTER = /^[\s,)]*(?:syntyn\p{L}*|syntyi|född\p{L}*|born)(?![\p{L}\p{N}])/iu;
const CUE_WINDOW = 40;

const PLAIN_YEARS = 30;
const CUED_YEARS = 120;

/** A calendar date as one sortable number yyyymmdd. */
function dayNumber(year: number, month: number, day: number): number {
  return year * 10_000 + month * 100 + day;
}

export function findBirthDates(text: string, today: Date): Span[] {
  if (Number.isNaN(today.getTime())) throw new TypeError('findBirthDates: today is not a valid date');
  const [year, month, day] = helsinkiDate(today).split('-').map(Number) as [number, number, number];
  const now = dayNumber(year, month, day);
  const candidates: Array<Span & { year: string; month: string; day: string }> = [];
  for (const m of text.matchAll(DOTTED)) candidates.push({ start: m.index, end: m.index + m[0].length, day: m[1]!, month: m[2]!, year: m[3]! });
  for (const m of text.matchAll(ISO)) candidates.push({ start: m.index, end: m.index + m[0].length, year: m[1]!, month: m[2]!, day: m[3]! });

  const found: Span[] = [];
  for (const c of candidates) {
    const month = Number(c.month);
    const day = Number(c.day);
    let year = Number(c.year);
    if (c.year.length === 2) {
      year += 2000;
      if (dayNumber(year, month, day) > now) year -= 100;
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) continue;
    const date = dayNumber(year, month, day);
    if (date > now) continue;
    const cued = CUE_BEFORE.test(text.slice(Math.max(0, c.start - CUE_WINDOW), c.start)) || CUE_AFTER.test(text.slice(c.end, c.end + CUE_WINDOW));
    const years = cued ? CUED_YEARS : PLAIN_YEARS;
    if (date >= now - years * 10_000) found.push({ start: c.start, end: c.end });
  }
  return found.sort((a, b) => a.start - b.start);
}
