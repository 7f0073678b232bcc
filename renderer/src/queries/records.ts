/**
 * The stored rows the screens show, as types: what the reads return. Screens take them from here,
 * never from the database layer itself.
 */
export type { MeetingRecord, NetworkRecord, RequesterRecord } from '../db/schema';
export type { ProfileRow } from '../db/rows/profile';
export type { RequestDraftRow } from '../db/rows/desk';
export type { MethodRecord } from '../db/method-record';
