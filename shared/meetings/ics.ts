import { isRealDate } from '../domain/validation';
import { FINNISH_TIME_ZONE, helsinkiInstant, helsinkiParts } from '../calendar/helsinki-time';
import { CRLF, escapeText, foldLine, quoteParam } from './ics-text';
import type { Meeting } from './schema';

export { escapeText, foldLine, icsBytes, MAX_LINE_OCTETS, quoteParam } from './ics-text';

/**
 * A meeting as an iCalendar file (RFC 5545): one VCALENDAR with METHOD:PUBLISH, a VTIMEZONE for
 * Europe/Helsinki and one VEVENT, with CRLF line endings and lines folded at 75 octets of UTF-8.
 *
 * **No client data.** A calendar file leaves the app (mail, shared calendars) unencrypted, so it must
 * never say anything about the child, the family or even that someone is a client. `meetingToIcs`
 * writes exactly what it is given and nothing else: the time fields of the meeting (date, time,
 * duration, cancelled — it never reads case ids, notes or location from the meeting object), and
 * the title, description, location and organiser name the caller composes from non-client facts only:
 * the network's name, the meeting mode and the participant roles. Never pass a case code, a requester,
 * a theme of the case or any free text of a case.
 */

/** VTIMEZONE for Europe/Helsinki: EET (+02:00) and EEST (+03:00), the EU rule (last Sunday of March / October, 01:00 UTC). */
export const HELSINKI_VTIMEZONE: readonly string[] = [
  'BEGIN:VTIMEZONE',
  `TZID:${FINNISH_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'DTSTART:19700329T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'DTSTART:19701025T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** The address written with an organiser name: iCalendar needs a URI, and `.invalid` can never receive mail (RFC 2606). */
export const ORGANIZER_PLACEHOLDER_ADDRESS = 'mailto:no-reply@otk.invalid';

export interface MeetingIcsInput {
  /** Only these fields are read. */
  readonly meeting: Pick<Meeting, 'date' | 'time' | 'durationMinutes'> & { readonly cancelled?: boolean };
  /** Globally unique, stable across updates of the same meeting (e.g. `<meeting id>@otk-consultation-desk`). */
  readonly uid: string;
  /** SUMMARY — e.g. "Konsultaatio: <network name> (video)". No client data. */
  readonly title: string;
  /** DESCRIPTION — e.g. participant roles. No client data. Omitted when ''. */
  readonly description: string;
  /** DTSTAMP: when the file is made. */
  readonly now: Date;
  /** ORGANIZER's CN (a coordinator's or the OT-keskus's name, never a client's). */
  readonly organizerName?: string;
  /** LOCATION — a room or "Teams"; never client data. Omitted when absent or ''. */
  readonly location?: string;
  /** PRODID, e.g. '-//OT-keskus//Konsultaatiot 0.1//FI'. */
  readonly productId: string;
  /** SEQUENCE: raise it when re-sending a changed meeting with the same uid. Default 0. */
  readonly sequence?: number;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** `YYYYMMDDTHHMMSS` of a local date and time. */
function localStamp(date: string, time: string): string {
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

/** `YYYYMMDDTHHMMSSZ` of an instant. */
export function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

function assertInput(input: MeetingIcsInput): void {
  const { meeting, uid, title, now, productId, sequence = 0 } = input;
  if (!isRealDate(meeting.date)) throw new Error(`meetingToIcs: invalid date ${JSON.stringify(meeting.date)}.`);
  if (!TIME.test(meeting.time)) throw new Error(`meetingToIcs: invalid time ${JSON.stringify(meeting.time)}.`);
  if (!Number.isInteger(meeting.durationMinutes) || meeting.durationMinutes <= 0) {
    throw new Error(`meetingToIcs: invalid duration ${String(meeting.durationMinutes)}.`);
  }
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new Error('meetingToIcs: invalid now.');
  if (uid.trim() === '') throw new Error('meetingToIcs: uid is required.');
  if (title.trim() === '') throw new Error('meetingToIcs: title is required.');
  if (productId.trim() === '') throw new Error('meetingToIcs: productId is required.');
  if (!Number.isInteger(sequence) || sequence < 0) throw new Error(`meetingToIcs: invalid sequence ${String(sequence)}.`);
}

const HOUR_MS = 3_600_000;

/**
 * The instant a calendar reads from a Helsinki local date-time with TZID (RFC 5545 §3.3.5): a
 * repeated autumn time is its first occurrence; a time in the spring gap takes the offset before
 * the gap (as `helsinkiInstant` does).
 */
function calendarReading(date: string, time: string): number {
  const instant = helsinkiInstant(date, time).getTime();
  const earlier = helsinkiParts(new Date(instant - HOUR_MS));
  return earlier.date === date && earlier.time === time ? instant - HOUR_MS : instant;
}

/** `;TZID=Europe/Helsinki:<local>` for an instant, or null when a calendar would read that local time as another instant. */
function helsinkiValue(instant: number): string | null {
  const { date, time } = helsinkiParts(new Date(instant));
  return calendarReading(date, time) === instant ? `;TZID=${FINNISH_TIME_ZONE}:${localStamp(date, time)}` : null;
}

/**
 * DTSTART and DTEND in Helsinki local time with TZID. A start in the spring gap is written as the
 * clock time it becomes (03:30 → 04:30). In the repeated autumn hour, where a calendar would read the
 * local time as the other occurrence, the start is written in UTC and/or the end as DURATION, so the
 * event always lands on the instants `meetingInstant` / `meetingEnd` give.
 */
function timeLines(meeting: MeetingIcsInput['meeting']): string[] {
  const start = helsinkiInstant(meeting.date, meeting.time).getTime();
  const end = start + meeting.durationMinutes * 60_000;
  const startValue = helsinkiValue(start);
  const endValue = helsinkiValue(end);
  const duration = `DURATION:PT${meeting.durationMinutes}M`;
  if (startValue === null) return [`DTSTART:${utcStamp(new Date(start))}`, duration];
  return [`DTSTART${startValue}`, endValue === null ? duration : `DTEND${endValue}`];
}

/** The meeting as an RFC 5545 calendar (a string with CRLF line endings; see `icsBytes`). Throws on invalid input. */
export function meetingToIcs(input: MeetingIcsInput): string {
  assertInput(input);
  const { meeting, uid, title, description, now, organizerName, location, productId, sequence = 0 } = input;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(productId)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...HELSINKI_VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${escapeText(uid)}`,
    `DTSTAMP:${utcStamp(now)}`,
    ...timeLines(meeting),
    `SUMMARY:${escapeText(title)}`,
    ...(description !== '' ? [`DESCRIPTION:${escapeText(description)}`] : []),
    ...(location !== undefined && location !== '' ? [`LOCATION:${escapeText(location)}`] : []),
    ...(organizerName !== undefined && organizerName.trim() !== ''
      ? [`ORGANIZER;CN=${quoteParam(organizerName)}:${ORGANIZER_PLACEHOLDER_ADDRESS}`]
      : []),
    `STATUS:${meeting.cancelled === true ? 'CANCELLED' : 'CONFIRMED'}`,
    `SEQUENCE:${sequence}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
