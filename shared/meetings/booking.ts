import type { IsoDate } from '../calendar/finnish-holidays';
import { encodeMessage } from '../domain/messages';
import { MEETING_MSG } from './messages';
import { isFinnishHoliday, slotOccurrenceIssue, type HolidayRule } from './occurrences';
import type { Meeting, Slot } from './schema';

/**
 * Booking a case into a meeting, as pure decisions: the caller (a command) writes the result.
 *
 * The target is either an existing meeting or a slot occurrence (a slot on a date) that has no
 * meeting yet; booking into an occurrence materialises the meeting from the slot with an id the
 * caller supplies. Inputs are never mutated: a plan carries a new meeting object.
 */

/** A recurring slot on one date, with no meeting recorded yet. */
export interface SlotOccurrence {
  readonly kind: 'slot-occurrence';
  readonly slot: Slot;
  readonly date: IsoDate;
}

/** Why a booking is refused. 'not-an-occurrence': the slot does not run on that date. */
export type BookingRefusalCode = 'full' | 'already-booked' | 'cancelled' | 'past' | 'not-an-occurrence';

export type BookingPlan =
  | { readonly ok: true; readonly meeting: Meeting; /** True when the meeting was materialised from a slot occurrence. */ readonly created: boolean }
  | { readonly ok: false; readonly code: BookingRefusalCode; /** i18n key (`meetings.*`), with parameters encoded. */ readonly message: string };

export interface BookingContext {
  /** Today's Finnish calendar date: meetings before it cannot be booked. */
  readonly today: IsoDate;
  /** Id for the meeting materialised from a slot occurrence (a UUID v7); required for occurrences. */
  readonly newMeetingId?: string;
  readonly isHoliday?: HolidayRule;
}

/** A slot occurrence target. */
export function slotOccurrence(slot: Slot, date: IsoDate): SlotOccurrence {
  return { kind: 'slot-occurrence', slot, date };
}

function isOccurrence(target: Meeting | SlotOccurrence): target is SlotOccurrence {
  return 'kind' in target && target.kind === 'slot-occurrence';
}

function refuse(code: BookingRefusalCode, message: string): BookingPlan {
  return { ok: false, code, message };
}

/** The meeting a slot occurrence becomes when its first case is booked (no cases yet). */
export function materialiseMeeting(occurrence: SlotOccurrence, id: string): Meeting {
  const { slot, date } = occurrence;
  return {
    id,
    networkId: slot.networkId,
    slotId: slot.id,
    date,
    time: slot.startTime,
    durationMinutes: slot.durationMinutes,
    mode: slot.mode,
    capacity: slot.capacity,
    participants: [],
    location: '',
    notes: '',
    caseIds: [],
    cancelled: false,
  };
}

/**
 * Plans booking `caseId` into a meeting or slot occurrence. Refusals, in this order: 'not-an-occurrence'
 * (the slot is off, on another weekday, outside its validity or the day is a holiday), 'cancelled',
 * 'past' (date before `context.today`; a meeting later today can still be booked), 'already-booked',
 * 'full'. Throws only on a programming error: an occurrence without `newMeetingId`.
 */
export function planBooking(target: Meeting | SlotOccurrence, caseId: string, context: BookingContext): BookingPlan {
  let meeting: Meeting;
  let created = false;
  if (isOccurrence(target)) {
    const issue = slotOccurrenceIssue(target.slot, target.date, context.isHoliday ?? isFinnishHoliday);
    if (issue !== null) return refuse('not-an-occurrence', issue);
    if (context.newMeetingId === undefined || context.newMeetingId === '') {
      throw new Error('planBooking: a slot occurrence needs context.newMeetingId for the meeting it creates.');
    }
    meeting = materialiseMeeting(target, context.newMeetingId);
    created = true;
  } else {
    meeting = target;
  }
  if (meeting.cancelled === true) return refuse('cancelled', MEETING_MSG.cancelled);
  if (meeting.date < context.today) return refuse('past', MEETING_MSG.past);
  if (meeting.caseIds.includes(caseId)) return refuse('already-booked', MEETING_MSG.alreadyBooked);
  if (meeting.caseIds.length >= meeting.capacity) {
    return refuse('full', encodeMessage(MEETING_MSG.full, { capacity: meeting.capacity }));
  }
  return { ok: true, created, meeting: { ...meeting, caseIds: [...meeting.caseIds, caseId] } };
}

/**
 * The meeting without `caseId` (also from a cancelled or past meeting: releasing a case is always
 * allowed). Returns the same object when the case was not booked, so `unbook(m, id) === m` tells a no-op.
 */
export function unbook(meeting: Meeting, caseId: string): Meeting {
  if (!meeting.caseIds.includes(caseId)) return meeting;
  return { ...meeting, caseIds: meeting.caseIds.filter((id) => id !== caseId) };
}

/** Booked cases against capacity, for labels such as "1/2 booked". */
export function bookingLabel(meeting: Pick<Meeting, 'caseIds' | 'capacity'>): {
  booked: number;
  capacity: number;
  free: number;
  full: boolean;
} {
  const booked = meeting.caseIds.length;
  return { booked, capacity: meeting.capacity, free: Math.max(0, meeting.capacity - booked), full: booked >= meeting.capacity };
}
