import type { IsoDate } from '../calendar/finnish-holidays';
import { isFinnishHoliday, isoWeek, slotOccurrences, weekOf, type HolidayRule } from './occurrences';
import type { Meeting, MeetingMode, Slot } from './schema';

/**
 * The calendar-like week view, built as plain data: seven day columns (Monday … Sunday) holding the
 * week's meetings and the still-unbooked occurrences of recurring slots ("free" entries a case can
 * be booked into), each column sorted by start time.
 *
 * A slot occurrence that already has a meeting (same slotId and date) is shown only as that meeting,
 * whether booked, empty or cancelled — a cancelled occasion must not reappear as free. Free entries
 * are offered only from `today` on and only for active slots, skipping holidays (see ./occurrences).
 */

export interface WeekEntry {
  readonly kind: 'meeting' | 'free-slot';
  readonly date: IsoDate;
  /** Finnish local start time 'HH:MM'. */
  readonly time: string;
  readonly durationMinutes: number;
  readonly networkId: string;
  readonly mode: MeetingMode;
  /** Cases booked (0 for a free slot). */
  readonly booked: number;
  readonly capacity: number;
  readonly cancelled: boolean;
  /** Only for kind 'meeting'. */
  readonly meetingId?: string;
  /** The slot: for a free slot always, for a meeting when it is a slot occurrence. */
  readonly slotId?: string;
}

export interface WeekDay {
  readonly date: IsoDate;
  /** ISO weekday 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** True when the holiday rule closes the day (slots skip it; meetings on it are still shown). */
  readonly holiday: boolean;
  readonly entries: readonly WeekEntry[];
}

export interface WeekView {
  /** ISO week-based year and week number. */
  readonly year: number;
  readonly week: number;
  /** Monday … Sunday. */
  readonly days: readonly WeekDay[];
}

export interface WeekViewInput {
  /** Any day of the week to show. */
  readonly date: IsoDate;
  /** Meetings; those outside the week are ignored. */
  readonly meetings: readonly Meeting[];
  /** Recurring slots whose unbooked occurrences are shown as free. */
  readonly slots?: readonly Slot[];
  /** Free slots are offered from this day on (a past occurrence cannot be booked). Omit to offer all. */
  readonly today?: IsoDate;
  /** Leave cancelled meetings out (their slot occurrences still do not show as free). Default: shown. */
  readonly hideCancelled?: boolean;
  readonly isHoliday?: HolidayRule;
}

const compareEntries = (a: WeekEntry, b: WeekEntry): number =>
  cmp(a.time, b.time) ||
  a.durationMinutes - b.durationMinutes ||
  cmp(a.networkId, b.networkId) ||
  cmp(a.kind, b.kind) ||
  cmp(a.meetingId ?? '', b.meetingId ?? '') ||
  cmp(a.slotId ?? '', b.slotId ?? '');

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds the week containing `input.date`. Pure: the same input always gives the same view. */
export function buildWeekView(input: WeekViewInput): WeekView {
  const { meetings, slots = [], today, hideCancelled = false, isHoliday = isFinnishHoliday } = input;
  const dates = weekOf(input.date);
  const first = dates[0]!;
  const last = dates[6]!;
  const byDate = new Map<IsoDate, WeekEntry[]>(dates.map((date) => [date, []]));
  const taken = new Set<string>();

  for (const meeting of meetings) {
    if (meeting.slotId !== '') taken.add(`${meeting.slotId}|${meeting.date}`);
    const column = byDate.get(meeting.date);
    if (!column || (hideCancelled && meeting.cancelled === true)) continue;
    column.push({
      kind: 'meeting',
      date: meeting.date,
      time: meeting.time,
      durationMinutes: meeting.durationMinutes,
      networkId: meeting.networkId,
      mode: meeting.mode,
      booked: meeting.caseIds.length,
      capacity: meeting.capacity,
      cancelled: meeting.cancelled === true,
      meetingId: meeting.id,
      ...(meeting.slotId !== '' ? { slotId: meeting.slotId } : {}),
    });
  }

  const from = today !== undefined && today > first ? today : first;
  for (const slot of slots) {
    if (from > last) break;
    for (const date of slotOccurrences(slot, from, last, isHoliday)) {
      if (taken.has(`${slot.id}|${date}`)) continue;
      byDate.get(date)!.push({
        kind: 'free-slot',
        date,
        time: slot.startTime,
        durationMinutes: slot.durationMinutes,
        networkId: slot.networkId,
        mode: slot.mode,
        booked: 0,
        capacity: slot.capacity,
        cancelled: false,
        slotId: slot.id,
      });
    }
  }

  const { year, week } = isoWeek(first);
  return {
    year,
    week,
    days: dates.map((date, index) => ({
      date,
      weekday: index + 1,
      holiday: isHoliday(date),
      entries: byDate.get(date)!.sort(compareEntries),
    })),
  };
}
