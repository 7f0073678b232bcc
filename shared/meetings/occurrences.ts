import { addCalendarDays, dayNumberToIso, finnishHolidaysOn, isoToDayNumber, type IsoDate } from '../calendar/finnish-holidays';
import { helsinkiInstant, helsinkiParts } from '../calendar/helsinki-time';
import { MEETING_MSG } from './messages';
import type { Slot } from './schema';

/**
 * Where recurring slots fall on the Finnish calendar, ISO weeks, and the instants of meetings.
 *
 * Dates are ISO calendar dates 'YYYY-MM-DD' of the Finnish calendar; weekday and week arithmetic runs
 * on whole day numbers (see ../calendar/finnish-holidays), so neither the host's time zone nor
 * daylight saving can shift a day. Clock times are Finnish wall-clock times 'HH:MM'; they become UTC
 * instants only through `meetingInstant`, which follows Europe/Helsinki across the DST changes (last
 * Sunday of March and of October): a Tuesday 13:00 meeting is 10:00Z in summer (EEST, +03:00) and 11:00Z in winter (EET, +02:00).
 */

/** Says whether a day is closed for recurring meetings. */
export type HolidayRule = (date: IsoDate) => boolean;

/**
 * The default `HolidayRule`: Finnish public holidays plus Midsummer Eve and Christmas Eve (the days
 * `finnishHolidaysOn` lists). Weekends are not holidays here: a slot on a Saturday is a deliberate choice.
 */
export const isFinnishHoliday: HolidayRule = (date) => finnishHolidaysOn(date).length > 0;

/** No day is closed: every weekly occurrence is kept. */
export const noHolidays: HolidayRule = () => false;

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 (day 0) was a Thursday (ISO 4).
  return ((((isoToDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday … Sunday ISO dates of the ISO week that contains `date`. */
export function weekOf(date: IsoDate): IsoDate[] {
  const monday = isoToDayNumber(date) - (isoWeekday(date) - 1);
  return Array.from({ length: 7 }, (_, i) => dayNumberToIso(monday + i));
}

/**
 * ISO 8601 week and week-based year of a date (weeks start on Monday; week 1 holds the year's first
 * Thursday). 2026-12-31 is in week 53 of 2026; 2027-01-01 too.
 */
export function isoWeek(date: IsoDate): { year: number; week: number } {
  const thursday = isoToDayNumber(date) + (4 - isoWeekday(date));
  const year = Number(dayNumberToIso(thursday).slice(0, 4));
  const firstDay = isoToDayNumber(`${String(year).padStart(4, '0')}-01-01`);
  return { year, week: Math.floor((thursday - firstDay) / 7) + 1 };
}

/** ISO 8601 week number (1–53) of a date; pair with `isoWeek(date).year` near the new year. */
export function isoWeekNumber(date: IsoDate): number {
  return isoWeek(date).week;
}

/**
 * Why a slot does not occur on `date` (a `meetings.*` message key), or null when it does.
 * Checks, in order: switched off, wrong weekday, outside validFrom … validUntil, holiday.
 */
export function slotOccurrenceIssue(
  slot: Pick<Slot, 'weekday' | 'validFrom' | 'validUntil' | 'active'>,
  date: IsoDate,
  isHoliday: HolidayRule = isFinnishHoliday,
): string | null {
  if (!slot.active) return MEETING_MSG.slotInactive;
  if (isoWeekday(date) !== slot.weekday) return MEETING_MSG.slotNotOnThatDay;
  if (date < slot.validFrom || (slot.validUntil !== '' && date > slot.validUntil)) return MEETING_MSG.slotNotValidOnDate;
  if (isHoliday(date)) return MEETING_MSG.holiday;
  return null;
}

/** True when the slot has an occurrence on `date` (see `slotOccurrenceIssue`). */
export function slotOccursOn(
  slot: Pick<Slot, 'weekday' | 'validFrom' | 'validUntil' | 'active'>,
  date: IsoDate,
  isHoliday: HolidayRule = isFinnishHoliday,
): boolean {
  return slotOccurrenceIssue(slot, date, isHoliday) === null;
}

/**
 * The dates (ascending) on which a recurring slot occurs from `fromDate` to `toDate`, both included:
 * every date on the slot's weekday within validFrom … validUntil (validUntil '' = open-ended).
 *
 * **Finnish public holidays are skipped** — by default those of ../calendar/finnish-holidays,
 * including Midsummer Eve and Christmas Eve, so a Friday slot has no occurrence on Good Friday and a
 * Thursday slot none on Ascension Day. Pass `noHolidays` to keep them, or any `HolidayRule` (for
 * example one that also closes a network's out-of-office days). An inactive slot has no occurrences;
 * a reversed range gives none.
 */
export function slotOccurrences(
  slot: Pick<Slot, 'weekday' | 'validFrom' | 'validUntil' | 'active'>,
  fromDate: IsoDate,
  toDate: IsoDate,
  isHoliday: HolidayRule = isFinnishHoliday,
): IsoDate[] {
  if (!slot.active) return [];
  const from = Math.max(isoToDayNumber(fromDate), isoToDayNumber(slot.validFrom));
  const to = slot.validUntil === '' ? isoToDayNumber(toDate) : Math.min(isoToDayNumber(toDate), isoToDayNumber(slot.validUntil));
  const dates: IsoDate[] = [];
  if (from > to) return dates;
  const fromWeekday = isoWeekday(dayNumberToIso(from));
  for (let day = from + ((slot.weekday - fromWeekday + 7) % 7); day <= to; day += 7) {
    const date = dayNumberToIso(day);
    if (!isHoliday(date)) dates.push(date);
  }
  return dates;
}

/**
 * The UTC instant (ISO 8601, `…Z`) of a Finnish local date and time, read as `helsinkiInstant` reads
 * it everywhere in the app. Two hours a year are special: a time inside the spring-forward gap
 * (03:00–03:59 on the last Sunday of March) is read with the winter offset, i.e. it lands an hour later
 * on the clock; a time in the repeated autumn hour (03:00–03:59 on the last Sunday of October) means
 * its second, winter-time occurrence. (./ics writes such an instant in a form calendars read the same way.)
 */
export function meetingInstant(date: IsoDate, time: string): string {
  return helsinkiInstant(date, time).toISOString();
}

/** The UTC instant (ISO 8601) a meeting ends: its start plus `durationMinutes` of real time. */
export function meetingEnd(date: IsoDate, time: string, durationMinutes: number): string {
  return new Date(helsinkiInstant(date, time).getTime() + durationMinutes * 60_000).toISOString();
}

/** The Finnish local date and time a meeting ends (a long evening meeting can end the next day). */
export function meetingEndLocal(date: IsoDate, time: string, durationMinutes: number): { date: IsoDate; time: string } {
  return helsinkiParts(new Date(meetingEnd(date, time, durationMinutes)));
}

/** `date` moved by whole weeks (negative moves back): the previous / next week of a week view. */
export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  return addCalendarDays(date, weeks * 7);
}
