import { z } from 'zod';
import { CONSULTATION_STATUSES, INTAKE_FIELDS, type StampedField } from '../../domain/consultation';
import { isoDate, localTime, MSG, requiredText } from '../../domain/validation';
import { closeOutSchema } from '../../lifecycle/close-out';
import { recommendationSchema } from '../../lifecycle/recommendation';
import { LIFECYCLE_ACTIONS } from '../../lifecycle/transitions';

/**
 * What each stamped field of a consultation that arrives in a bundle must look like: the same zod
 * schemas the intake form, the lifecycle forms and the commands use (shared/domain,
 * shared/lifecycle), so a file meets the rules a user's typing meets. Histories the app writes
 * itself (routing decisions, transitions) have no form: their entries are checked for the
 * vocabulary the app reads from them. Bundles are authenticated; this catches a sender's bug or an
 * incompatible app, and keeps a wrong type from ever reaching a screen.
 */

/** A record's id (UUID v7 or a network's code). */
const id = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, MSG.invalid);
const instant = z.iso.datetime({ offset: true, error: MSG.invalid });
const status = z.enum(CONSULTATION_STATUSES, { error: MSG.invalid });

/** One routing of the case (shared/domain/routing-decision): re-routing appends, so every entry is kept. */
const routingDecision = z.looseObject({
  networkId: id,
  proposedNetworkId: id.nullable(),
  override: z.boolean({ error: MSG.invalid }),
  reason: z.string({ error: MSG.invalid }).max(1000, MSG.tooLong),
  at: instant,
  by: z.string({ error: MSG.invalid }),
});

/** One step of the history (shared/lifecycle/plan): its action, statuses, time, actor and the action's data. */
const transition = z.looseObject({
  action: z.enum(LIFECYCLE_ACTIONS, { error: MSG.invalid }),
  from: status,
  to: status,
  at: instant,
  by: z.string({ error: MSG.invalid }),
  data: z.record(z.string(), z.unknown(), { error: MSG.invalid }),
});

/** The meeting the case is booked into (shared/lifecycle/record Booking). */
const booking = z.looseObject({ meetingId: requiredText(200), date: isoDate(), time: localTime(), mode: z.string().optional() });

export const CONSULTATION_FIELD_SCHEMAS = {
  received: INTAKE_FIELDS.received,
  requester: INTAKE_FIELDS.requester,
  subject: INTAKE_FIELDS.subject,
  question: INTAKE_FIELDS.question,
  hopedOutcome: INTAKE_FIELDS.hopedOutcome,
  hopedOutcomeNote: INTAKE_FIELDS.hopedOutcomeNote,
  urgency: INTAKE_FIELDS.urgency,
  consent: INTAKE_FIELDS.consent,
  status,
  routing: z.array(routingDecision, { error: MSG.invalid }),
  transitions: z.array(transition, { error: MSG.invalid }),
  recommendation: recommendationSchema.nullable(),
  closeOut: closeOutSchema.nullable(),
  booking: booking.nullable(),
  followUpDoneAt: instant.nullable(),
} as const satisfies Record<StampedField, z.ZodType>;

/**
 * Checks one stamped field's value. Returns nothing when it fits, or where in the field the first
 * problem is (e.g. `requester.email`) and what it is (an i18n key of shared/domain/validation).
 */
export function checkConsultationField(field: StampedField, value: unknown): { path: string; problem: string } | null {
  const result = CONSULTATION_FIELD_SCHEMAS[field].safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0]!;
  return { path: [field, ...issue.path.map(String)].join('.'), problem: issue.message };
}
