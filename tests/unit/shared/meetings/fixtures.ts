/** Test fixtures for shared/meetings: fixed UUIDs and builders of valid slots and meetings. */
import type { Meeting, Slot } from '../../../../shared/meetings/schema';

export const NETWORK_A = '0190a000-0000-7000-8000-00000000000a';
export const NETWORK_B = '0190a000-0000-7000-8000-00000000000b';
export const SLOT_1 = '0190b000-0000-7000-8000-000000000001';
export const SLOT_2 = '0190b000-0000-7000-8000-000000000002';
export const MEETING_1 = '0190c000-0000-7000-8000-000000000001';
export const MEETING_2 = '0190c000-0000-7000-8000-000000000002';
export const CASE_1 = '0190d000-0000-7000-8000-000000000001';
export const CASE_2 = '0190d000-0000-7000-8000-000000000002';
export const CASE_3 = '0190d000-0000-7000-8000-000000000003';

/** A Tuesday 13:00 slot, 90 minutes, two cases, on video, from 2026-01-01, open-ended. */
export function slot(overrides: Partial<Slot> = {}): Slot {
  return {
    id: SLOT_1,
    networkId: NETWORK_A,
    weekday: 2,
    startTime: '13:00',
    durationMinutes: 90,
    capacity: 2,
    mode: 'video',
    validFrom: '2026-01-01',
    validUntil: '',
    active: true,
    ...overrides,
  };
}

/** An empty occurrence of `slot()` on Tuesday 2026-03-10. */
export function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: MEETING_1,
    networkId: NETWORK_A,
    slotId: SLOT_1,
    date: '2026-03-10',
    time: '13:00',
    durationMinutes: 90,
    mode: 'video',
    capacity: 2,
    participants: [],
    location: '',
    notes: '',
    caseIds: [],
    cancelled: false,
    ...overrides,
  };
}
