import { z } from 'zod';
import { routeInputSchema } from '../domain/routing-decision';
import { choice, isoDate, localTime, MSG, optionalText, requiredText } from '../domain/validation';
import { closeOutSchema } from './close-out';
import { MEETING_MODES } from '../meetings/schema';
import { recommendationDraftSchema } from './recommendation';
import { criteriaRecordSchema } from '../knowledge/ot-criteria';

/** Why a request is declined (a closed list; 'other' needs a short explanation). */
export const DECLINE_REASONS = ['not-ot-level', 'belongs-elsewhere', 'insufficient-information', 'duplicate', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

const object = <S extends z.ZodRawShape>(shape: S) => z.object(shape, { error: MSG.invalid });
/** A free-text reason that is audited as "given", never copied into the log. */
const reason = () => requiredText(1000);
/** Runs even when other fields are invalid, so the form names every missing field at once. */
const whenObject = (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null;

const declineFields = {
  reason: choice(DECLINE_REASONS),
  /** Where the requester should turn instead: required, it goes back to the requester. */
  whereToTurn: requiredText(1000),
  /** Required when the reason is 'other'. */
  reasonNote: optionalText(500),
};
const otherReasonHasNote = (data: { reason?: unknown; reasonNote?: unknown }) => data.reason !== 'other' || (typeof data.reasonNote === 'string' && data.reasonNote.trim() !== '');
const otherReasonParams = () => ({ path: ['reasonNote'], message: MSG.required, when: whenObject });

export const declineDataSchema = object({
  ...declineFields,
  /** The OT-level criteria checklist (issue 21), with its list version; absent when not recorded. */
  criteria: criteriaRecordSchema.optional(),
}).refine(otherReasonHasNote, otherReasonParams());

/** The data each action requires, by action. Actions with nothing to record take an empty object. */
export const TRANSITION_DATA = {
  /** The OT-level criteria the request meets (issue 21); absent when not recorded. */
  accept: object({ criteria: criteriaRecordSchema.optional() }),
  decline: declineDataSchema,
  'request-information': object({ asked: requiredText(2000) }),
  'information-received': object({}),
  /** The routing command adds the rules that need the case (network active, reason when overriding or re-routing). */
  route: routeInputSchema,
  schedule: object({
    /** Reference to the booked meeting (slot or calendar entry). */
    meetingId: requiredText(200),
    /** Finnish local date and time of the meeting. */
    date: isoDate(),
    time: localTime(),
    /** How the meeting is held (the meeting's mode), for the requester's view; absent in older records. */
    mode: choice(MEETING_MODES).optional(),
  }),
  consult: object({ recommendation: recommendationDraftSchema }),
  'send-recommendation': object({}),
  close: object({ closeOut: closeOutSchema }),
  cancel: object({ reason: reason() }),
  reopen: object({ reason: reason() }),
} as const;
