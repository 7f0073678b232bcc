import type { Network, OutOfOfficePeriod } from '../domain/network';
import { addDays, isoWeekday } from './calendar';
import { compareText } from './compare';
import type { NextSlot } from './types';

/** Whether the network is active on `date`; `activeFrom` and `activeTo` are both included. */
export function activityOn(network: Network, date: string): 'active' | 'not-yet-active' | 'ended' {
  if (date < network.activeFrom) return 'not-yet-active';
  if (network.activeTo !== null && date > network.activeTo) return 'ended';
  return 'active';
}

/** The out-of-office period covering `date` (the earliest-starting one if several overlap). */
export function outOfOfficeOn(network: Network, date: string): OutOfOfficePeriod | undefined {
  return [...network.outOfOffice]
    .filter((period) => period.from <= date && date <= period.to)
    .sort((a, b) => (a.from === b.from ? compareText(a.to, b.to) : compareText(a.from, b.from)))[0];
}

/**
 * The first weekly meeting slot on or after `date`, within `horizonDays`, on a day the network is
 * active and not out of office. Bookings are not known here: `capacity` is what the slot offers.
 */
export function nextMeetingSlot(network: Network, date: string, horizonDays: number): NextSlot | null {
  if (network.meetingRhythm.length === 0) return null;
  const slots = [...network.meetingRhythm].sort((a, b) => compareText(a.start, b.start) || compareText(a.end, b.end));
  for (let offset = 0; offset <= horizonDays; offset++) {
    const day = addDays(date, offset);
    if (activityOn(network, day) !== 'active' || outOfOfficeOn(network, day)) continue;
    const weekday = isoWeekday(day);
    const slot = slots.find((s) => s.weekday === weekday);
    if (slot) return { date: day, weekday, start: slot.start, end: slot.end, capacity: slot.capacity };
  }
  return null;
}
