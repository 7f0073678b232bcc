import type { ConsultationStatus } from '../domain/codes';
import type { CloseOut } from './close-out';
import type { LifecycleEvent, TransitionRecord } from './plan';
import type { Recommendation } from './recommendation';

/** The meeting a case is booked into (a copy of its date and time, so lists need not read meetings). */
export interface Booking {
  meetingId: string;
  /** Finnish local date and time of the meeting. */
  date: string;
  time: string;
  /** How it is held (in person, remote, …: the meeting's mode); absent in bookings made before the desks. */
  mode?: string;
}

/** What the lifecycle keeps on a consultation record. */
export interface LifecycleFields {
  status: ConsultationStatus;
  /** Every transition, oldest first (timestamped, attributed). The measures are derived from it. */
  transitions: TransitionRecord[];
  /** The written recommendation (set by 'consult', `sentAt` by 'send-recommendation'). */
  recommendation: Recommendation | null;
  /** The close-out survey of the last 'close' (cleared by 'reopen'; the history keeps the old one). */
  closeOut: CloseOut | null;
  /** The meeting the case is booked into; null when not booked. */
  booking: Booking | null;
  /** When the follow-up of the recommendation was done (ISO instant); null while it is due. */
  followUpDoneAt: string | null;
}

export type LifecycleField = keyof LifecycleFields;

/** Lifecycle fields of a case that has just been received (a fresh object each call). */
export function initialLifecycle(): Omit<LifecycleFields, 'status'> {
  return { transitions: [], recommendation: null, closeOut: null, booking: null, followUpDoneAt: null };
}

/**
 * Applies a planned transition to a case's lifecycle fields (pure). Returns the new fields and the
 * names of those that changed, for per-field clock stamps and the audit event.
 * - consult: stores the recommendation (unsent) and makes its follow-up due;
 * - send-recommendation: stamps `sentAt` with the transition's time;
 * - schedule: books the case into the meeting; decline/cancel: drops the booking;
 * - close: stores the close-out; reopen: clears it (the history keeps the earlier one).
 */
export function applyTransition(current: LifecycleFields, event: LifecycleEvent, at: string, by: string): { next: LifecycleFields; changed: LifecycleField[] } {
  const next: LifecycleFields = {
    ...current,
    status: event.to,
    transitions: [...current.transitions, { ...event, at, by } as TransitionRecord],
  };
  switch (event.action) {
    case 'consult':
      next.recommendation = { ...event.data.recommendation };
      next.followUpDoneAt = null;
      break;
    case 'send-recommendation':
      if (current.recommendation) next.recommendation = { ...current.recommendation, sentAt: at };
      break;
    case 'schedule':
      next.booking = { meetingId: event.data.meetingId, date: event.data.date, time: event.data.time, ...(event.data.mode ? { mode: event.data.mode } : {}) };
      break;
    case 'decline':
    case 'cancel':
      next.booking = null;
      break;
    case 'close':
      next.closeOut = { ...event.data.closeOut };
      break;
    case 'reopen':
      next.closeOut = null;
      break;
    default:
      break;
  }
  const changed = (Object.keys(next) as LifecycleField[]).filter((field) => next[field] !== current[field]);
  return { next, changed };
}

/** The follow-up date that is still due ('' when there is none or it was done). */
export function dueFollowUp(fields: Pick<LifecycleFields, 'recommendation' | 'followUpDoneAt' | 'status'>): string {
  if (fields.followUpDoneAt !== null || !fields.recommendation) return '';
  if (fields.status === 'cancelled' || fields.status === 'declined') return '';
  return fields.recommendation.followUpDate;
}
