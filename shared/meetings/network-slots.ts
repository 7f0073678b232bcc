import type { Network } from '../domain/network';
import type { MeetingMode, Slot } from './schema';

/**
 * A network's recurring slots come from its meeting rhythm (the network form's "meeting rhythm":
 * weekday, start, end, cases per meeting), so the rhythm is kept in one place and routing's
 * availability and the booking calendar always agree.
 *
 * A slot's id is derived from the network and the rhythm row (`<networkId>/<weekday>/<HH:MM>`):
 * stable while that row exists, and a meeting materialised from it keeps naming it afterwards.
 */
export function networkSlotId(networkId: string, weekday: number, start: string): string {
  return `${networkId}/${weekday}/${start}`;
}

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The slots of a network's meeting rhythm, valid while the network is active. */
export function networkSlots(network: Network, mode: MeetingMode = 'video'): Slot[] {
  return network.meetingRhythm.map((row) => ({
    id: networkSlotId(network.id, row.weekday, row.start),
    networkId: network.id,
    weekday: row.weekday,
    startTime: row.start,
    durationMinutes: minutes(row.end) - minutes(row.start),
    capacity: row.capacity,
    mode,
    validFrom: network.activeFrom,
    validUntil: network.activeTo ?? '',
    active: true,
  }));
}
