/**
 * Per-case measures for the activity summaries, derived from the transition history.
 *
 * Days are Finnish calendar days (Europe/Helsinki), not 24-hour blocks: a request received at
 * 23:30 and accepted at 00:30 the next night took 1 day; one accepted the same evening took 0.
 * Daylight-saving changes therefore never shift a count.
 *
 * Which event counts (always the first one, so a reopened case keeps its original measures):
 * - acceptance: the first 'accept', or the first 'route' if that came earlier (routing a request
 *   straight from 'received' or 'more-information-requested' accepts it implicitly);
 * - routing: the first 'route';
 * - consultation: the first 'consult'. The day it was held is the meeting date of the last
 *   'schedule' before it, but never later than the day the consultation was recorded (a meeting
 *   moved without rescheduling in the app); without a meeting date, the day it was recorded;
 * - recommendation sent: the first 'send-recommendation'.
 * An event recorded before the receipt (clocks of two installations disagreeing) counts as day 0.
 * `targetMet`: the consultation was held on or before the target date; null until it is held
 * (and for cases declined or cancelled before it).
 */
import { helsinkiParts } from '../calendar/helsinki-time';
import { isoToDayNumber, type IsoDate } from '../calendar/finnish-holidays';
import type { LifecycleAction } from './transitions';

export interface MeasureEvent {
  action: LifecycleAction;
  /** ISO 8601 instant with 'Z' or an offset. */
  at: string;
  /** The action's data; only a 'schedule' event's `date` is read. */
  data?: unknown;
}

export interface CaseMeasures {
  daysToAcceptance: number | null;
  daysToRouting: number | null;
  daysToConsultation: number | null;
  daysToRecommendationSent: number | null;
  /** The Finnish calendar day the consultation was held (see the rules above). */
  consultationDate: IsoDate | null;
  targetMet: boolean | null;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Milliseconds of an ISO instant; throws a clear Error on anything that is not one (no host-time-zone guessing). */
function instantMs(value: string, what: string): number {
  const ms = typeof value === 'string' && INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new Error(`Invalid ${what} ${JSON.stringify(value)}: expected an ISO 8601 instant with 'Z' or an offset.`);
  return ms;
}

/** The Finnish calendar date of an instant. */
function helsinkiDay(ms: number): IsoDate {
  return helsinkiParts(new Date(ms)).date;
}

function meetingDateOf(event: MeasureEvent): IsoDate | null {
  const data = event.data;
  if (typeof data !== 'object' || data === null) return null;
  const date = (data as { date?: unknown }).date;
  if (typeof date !== 'string' || !DATE.test(date)) return null;
  try {
    isoToDayNumber(date);
    return date;
  } catch {
    return null;
  }
}

/** Derives the measures of one case (pure; see the rules above). Throws on a malformed instant or target date. */
export function caseMeasures(input: { receivedAt: string; targetDate: IsoDate; history: readonly MeasureEvent[] }): CaseMeasures {
  const receivedDay = isoToDayNumber(helsinkiDay(instantMs(input.receivedAt, 'receivedAt')));
  const target = isoToDayNumber(input.targetDate);
  const events = input.history
    .map((event, index) => ({ event, index, ms: instantMs(event.at, `time of '${event.action}'`) }))
    .sort((a, b) => a.ms - b.ms || a.index - b.index);
  const first = (...actions: LifecycleAction[]) => events.find((e) => actions.includes(e.event.action));
  const daysTo = (day: IsoDate) => Math.max(0, isoToDayNumber(day) - receivedDay);
  const daysToEvent = (e: { ms: number } | undefined) => (e ? daysTo(helsinkiDay(e.ms)) : null);

  const consult = first('consult');
  let consultationDate: IsoDate | null = null;
  if (consult) {
    const recorded = helsinkiDay(consult.ms);
    const schedule = events
      .slice(0, events.indexOf(consult))
      .filter((e) => e.event.action === 'schedule')
      .at(-1);
    const meeting = schedule ? meetingDateOf(schedule.event) : null;
    consultationDate = meeting !== null && meeting < recorded ? meeting : recorded;
  }
  return {
    daysToAcceptance: daysToEvent(first('accept', 'route')),
    daysToRouting: daysToEvent(first('route')),
    daysToConsultation: consultationDate === null ? null : daysTo(consultationDate),
    daysToRecommendationSent: daysToEvent(first('send-recommendation')),
    consultationDate,
    targetMet: consultationDate === null ? null : isoToDayNumber(consultationDate) <= target,
  };
}
