import { z } from 'zod';
import { encodeMessage } from '../domain/messages';
import { NETWORK_MSG } from '../domain/network';
import { choice, isoDate, isRealDate, localTime, MSG, optionalIsoDate, optionalText } from '../domain/validation';
import { MEETING_MSG } from './messages';

/**
 * Consultation meetings and the recurring slots they come from.
 *
 * A network's **slot** is a standing weekly appointment ("Tuesdays 13:00, 90 minutes, two cases, on
 * video"). A **meeting** is one concrete occasion on a Finnish calendar day: an occurrence of a slot,
 * or an ad hoc meeting (`slotId` ''). Cases are booked into a meeting up to its capacity.
 *
 * Confidentiality: a meeting records *who takes part by role and count* (`{ role: 'expert', count: 3 }`),
 * never names, and its booked cases only by id. `location` and `notes` are practical, short texts
 * ("Teams link in the invitation", "room 2.14") and must never hold client data: they may leave the
 * machine in a calendar file's location (see ./ics) and are not guarded like the case's free texts.
 */

/** How a meeting is held. */
export const MEETING_MODES = ['video', 'phone', 'on-site'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

/** Who takes part, recorded by role with a count — never by name. */
export const PARTICIPANT_ROLES = ['requester', 'expert', 'coordinator'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** Bounds of the numeric fields. */
export const MEETING_LIMITS = {
  minDurationMinutes: 15,
  maxDurationMinutes: 720,
  minCapacity: 1,
  maxCapacity: 99,
  maxParticipantsPerRole: 50,
  locationLength: 200,
  notesLength: 500,
} as const;

const object = <S extends z.ZodRawShape>(shape: S) => z.object(shape, { error: MSG.invalid });

/** A whole number in [min, max]. */
const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: MSG.required })
    .int(NETWORK_MSG.outOfRange)
    .min(min, NETWORK_MSG.outOfRange)
    .max(max, NETWORK_MSG.outOfRange);

const id = () => z.uuid({ error: MSG.invalid });
/**
 * A slot's id: a UUID, or an id derived from the network's meeting rhythm
 * (`<networkId>/<weekday>/<HH:MM>`, see ./network-slots) — any short token without spaces.
 */
const SLOT_ID = /^[^\s]{1,200}$/;
const weekday = () => z.number({ error: MSG.choose }).int(MSG.choose).min(1, MSG.choose).max(7, MSG.choose);
const durationMinutes = () => wholeNumber(MEETING_LIMITS.minDurationMinutes, MEETING_LIMITS.maxDurationMinutes);
const capacity = () => wholeNumber(MEETING_LIMITS.minCapacity, MEETING_LIMITS.maxCapacity);

const slotShape = {
  networkId: id(),
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: weekday(),
  /** Finnish local start time `HH:MM`. */
  startTime: localTime(),
  durationMinutes: durationMinutes(),
  /** Cases per occurrence. */
  capacity: capacity(),
  mode: choice(MEETING_MODES),
  /** First day the slot runs. */
  validFrom: isoDate(),
  /** Last day the slot runs (inclusive); '' while open-ended. */
  validUntil: optionalIsoDate(),
  /** Switched off slots produce no occurrences; they are kept so that old meetings still name their slot. */
  active: z.boolean({ error: MSG.invalid }).default(true),
};

type SlotDates = { validFrom: unknown; validUntil: unknown };
const validOrder = (slot: SlotDates) =>
  typeof slot.validFrom !== 'string' ||
  typeof slot.validUntil !== 'string' ||
  slot.validUntil === '' ||
  !isRealDate(slot.validFrom) ||
  !isRealDate(slot.validUntil) ||
  slot.validUntil >= slot.validFrom;
const dateOrder = { error: MEETING_MSG.validUntilBeforeFrom, path: ['validUntil'] };
/** Runs even when other fields are invalid, so the form names every problem at once. */
const whenObject = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null;

/** A network's recurring weekly slot. */
export const slotSchema = object({ id: z.string({ error: MSG.invalid }).regex(SLOT_ID, MSG.invalid), ...slotShape }).refine(validOrder, { ...dateOrder, when: whenObject });
/** The slot form's data: a slot without its id (the command assigns a UUID v7). */
export const slotInputSchema = object(slotShape).refine(validOrder, { ...dateOrder, when: whenObject });

export type Slot = z.output<typeof slotSchema>;
export type SlotInput = z.input<typeof slotInputSchema>;

/** One role taking part, with how many people in it. */
export const participantSchema = object({
  role: choice(PARTICIPANT_ROLES),
  count: wholeNumber(1, MEETING_LIMITS.maxParticipantsPerRole),
});
export type Participant = z.output<typeof participantSchema>;

const meetingShape = {
  networkId: id(),
  /** The slot this meeting is an occurrence of; '' for an ad hoc meeting. */
  slotId: z
    .string({ error: MSG.invalid })
    .refine((value) => value === '' || SLOT_ID.test(value), MSG.invalid)
    .default(''),
  /** Finnish local calendar day. */
  date: isoDate(),
  /** Finnish local start time `HH:MM`. */
  time: localTime(),
  durationMinutes: durationMinutes(),
  mode: choice(MEETING_MODES),
  capacity: capacity(),
  /** One row per role, each role at most once. */
  participants: z
    .array(participantSchema, { error: MSG.invalid })
    .max(PARTICIPANT_ROLES.length, MEETING_MSG.roleTwice)
    .refine((rows) => new Set(rows.map((row) => row.role)).size === rows.length, MEETING_MSG.roleTwice)
    .default([]),
  /** Practical place or link description. Never client data (it can end up in a calendar file). */
  location: optionalText(MEETING_LIMITS.locationLength),
  /** Practical note for the coordinators. Never client data. */
  notes: optionalText(MEETING_LIMITS.notesLength),
  /** Ids of the cases booked into this meeting, at most `capacity`, each once. */
  caseIds: z
    .array(id(), { error: MSG.invalid })
    .refine((list) => new Set(list).size === list.length, MEETING_MSG.caseTwice)
    .default([]),
  /** A cancelled meeting stays on record (its cases keep the history); nothing more can be booked. */
  cancelled: z.boolean({ error: MSG.invalid }).optional(),
};

type Booked = { caseIds?: unknown; capacity?: unknown };
const withinCapacity = (meeting: Booked) =>
  !Array.isArray(meeting.caseIds) || typeof meeting.capacity !== 'number' || meeting.caseIds.length <= meeting.capacity;
const capacityRule = {
  path: ['caseIds'],
  when: whenObject,
  error: (issue: { input?: unknown }) =>
    encodeMessage(MEETING_MSG.full, { capacity: String((issue.input as Booked | undefined)?.capacity ?? '') }),
};

/** A concrete meeting: an occurrence of a slot, or ad hoc. */
export const meetingSchema = object({ id: id(), ...meetingShape }).refine(withinCapacity, capacityRule);
/** The meeting form's data: a meeting without its id. */
export const meetingInputSchema = object(meetingShape).refine(withinCapacity, capacityRule);

export type Meeting = z.output<typeof meetingSchema>;
export type MeetingInput = z.input<typeof meetingInputSchema>;
