import type { ConsultationStatus } from '../domain/codes';
import { helsinkiInstant } from '../calendar/helsinki-time';
import type { LifecycleState } from './plan';
import type { Booking } from './record';

/**
 * A stored case's lifecycle state at `now`: whether it has a recommendation and has sent it, and
 * whether its booked meeting is still ahead (Finnish wall-clock time).
 */
export function lifecycleStateOf(
  record: { status: ConsultationStatus; recommendation: { sentAt?: string } | null; booking: Booking | null },
  now: Date,
): LifecycleState {
  const booking = record.booking;
  const ahead = booking !== null && helsinkiInstant(booking.date, booking.time).getTime() > now.getTime();
  return {
    status: record.status,
    hasRecommendation: record.recommendation !== null,
    recommendationSent: record.recommendation?.sentAt !== undefined,
    meetingAhead: ahead ? { date: booking.date, time: booking.time } : null,
  };
}
