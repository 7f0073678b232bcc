import type { ConsultationRecord, StampedField } from '../../../shared/domain/consultation';
import { caseRowOf } from '../../../shared/domain/case-row';
import { applyTransition, type LifecycleFields } from '../../../shared/lifecycle/record';
import { planTransition, type LifecycleEvent } from '../../../shared/lifecycle/plan';
import { lifecycleStateOf } from '../../../shared/lifecycle/state';
import type { LifecycleAction } from '../../../shared/lifecycle/transitions';
import { lifecycleCommand, type CaseCommand } from '../../../shared/protection/roles';
import { transitionAuditDetails } from '../../../shared/lifecycle/audit-details';
import { guardRequest } from '../../../shared/privacy/identifier-guard';
import { issueMessage } from '../../../shared/privacy/intake-guard';
import type { CommandContext } from '../access/context';
import { CommandError, ValidationError } from '../access/errors';
import { takeStamps } from './stamps';
import { bumpCounters } from './counters';
import { COUNTER_REV, statusCounter } from '../db/counters';
import { addAudit, auditEvent } from './audit';
import { unbookFromMeeting } from './meeting-records';
import { requireCase } from '../access/guards';
import { withFrozenCriteria } from './ot-criteria';
import { consultMethods, requireKnownMethods } from './method-check';

/** Actions with a command of their own, because they need more than the case (a network, a meeting). */
const OWN_COMMAND: ReadonlySet<LifecycleAction> = new Set(['route', 'schedule']);

/** The tables every transition writes (the booking commands add meetings). */
export const transitionTables = (ctx: CommandContext) => {
  const { db } = ctx;
  return [db.consultations, db.caseRows, db.audit, db.meta, db.counters, db.meetings];
};

/** Free text the action carries, by dotted path, for the identifier guard. */
function freeTextOf(event: LifecycleEvent): { path: string; text: string }[] {
  switch (event.action) {
    case 'accept':
      return [{ path: 'criteria.otherNote', text: event.data.criteria?.otherNote ?? '' }];
    case 'decline':
      return [
        { path: 'whereToTurn', text: event.data.whereToTurn },
        { path: 'reasonNote', text: event.data.reasonNote },
        { path: 'criteria.otherNote', text: event.data.criteria?.otherNote ?? '' },
      ];
    case 'request-information':
      return [{ path: 'asked', text: event.data.asked }];
    case 'cancel':
    case 'reopen':
      return [{ path: 'reason', text: event.data.reason }];
    case 'consult': {
      const r = event.data.recommendation;
      return [
        { path: 'recommendation.questionSummary', text: r.questionSummary },
        ...r.recommendations.map((text, i) => ({ path: `recommendation.recommendations.${i}`, text })),
        ...r.nextSteps.flatMap((s, i) => [
          { path: `recommendation.nextSteps.${i}.step`, text: s.step },
          { path: `recommendation.nextSteps.${i}.by`, text: s.by },
        ]),
      ];
    }
    case 'close':
      return [{ path: 'closeOut.note', text: event.data.closeOut.note }];
    default:
      return [];
  }
}

/** Refuses a henkilötunnus in the free text of an anonymous case, as intake does. */
export function guardFreeText(record: ConsultationRecord, fields: { path: string; text: string }[], now: Date): void {
  const guard = guardRequest({ consentMode: record.consent.mode, fields }, now);
  if (guard.blocking.length > 0) throw new ValidationError(guard.blocking.map(issueMessage));
}

/** Plans `action` on the case, refusing an impossible action with what is allowed now and bad data field by field. */
export function planOrThrow(record: ConsultationRecord, action: LifecycleAction, data: unknown, now: Date): LifecycleEvent {
  const plan = planTransition(lifecycleStateOf(record, now), action, data);
  if (!plan.ok) {
    if (plan.code === 'invalid-data') throw new ValidationError(plan.issues);
    throw new CommandError('notAllowed', plan.message);
  }
  guardFreeText(record, freeTextOf(plan.event), now);
  return plan.event;
}

/**
 * Reads the case for a write, refusing a missing case, a profile that may not run `command` on it
 * (roles: `ProtectionError('not-permitted')`), or a case changed since the form was opened.
 */
export async function caseForWrite(ctx: CommandContext, command: CaseCommand, id: string, expectedRev?: number): Promise<ConsultationRecord> {
  const before = await ctx.db.consultations.get(id);
  if (!before) throw new CommandError('notFound');
  requireCase(ctx, command, before);
  if (expectedRev !== undefined && before.rev !== expectedRev) throw new CommandError('changedElsewhere');
  return before;
}

/**
 * Writes a planned transition: status, history and the fields it sets, with fresh clock stamps,
 * the list row, the status counters and an audit event. Call inside the command's transaction.
 * `extra` carries further fields the calling command changes (e.g. routing) with their names.
 */
export async function writeTransition(
  ctx: CommandContext,
  before: ConsultationRecord,
  event: LifecycleEvent,
  now: Date,
  extra: { fields?: Partial<ConsultationRecord>; changed?: StampedField[]; audit?: Record<string, string> } = {},
): Promise<ConsultationRecord> {
  const { db } = ctx;
  const current: LifecycleFields = {
    status: before.status,
    transitions: before.transitions,
    recommendation: before.recommendation,
    closeOut: before.closeOut,
    booking: before.booking,
    followUpDoneAt: before.followUpDoneAt,
  };
  const { next, changed } = applyTransition(current, event, now.toISOString(), ctx.actor);
  // A case leaving its meeting (declined, cancelled, rebooked elsewhere) frees its place there.
  if (before.booking && before.booking.meetingId !== next.booking?.meetingId) await unbookFromMeeting(ctx, before.booking.meetingId, before.id, now);
  const counters = await bumpCounters(db, {
    [COUNTER_REV]: 1,
    ...(before.status !== next.status ? { [statusCounter(before.status)]: -1, [statusCounter(next.status)]: 1 } : {}),
  });
  const fields = [...new Set<StampedField>([...changed, ...(extra.changed ?? [])])];
  const [stamp, auditStamp] = await takeStamps(db, now.getTime(), 2);
  const record: ConsultationRecord = {
    ...before,
    ...extra.fields,
    ...next,
    rev: counters[COUNTER_REV]!,
    stamps: { ...before.stamps, ...Object.fromEntries(fields.map((field) => [field, stamp!])) },
  };
  await db.consultations.put(record);
  await db.caseRows.put(caseRowOf(record));
  await addAudit(db, 
    auditEvent(ctx, now, auditStamp!, {
      action: event.action === 'route' ? 'consultation.route' : 'consultation.transition',
      entityId: before.id,
      fields,
      details: { ...transitionAuditDetails(event), transition: String(next.transitions.length - 1), ...extra.audit },
    }),
  );
  return record;
}

/**
 * Takes a lifecycle action on a case (accept, decline, request information, information received,
 * consult, send the recommendation, close, cancel, reopen): validated against the state machine,
 * written with its history, counters, list row and audit event in one transaction. Routing and
 * booking have their own commands (routeConsultation, bookConsultation).
 */
export async function transitionConsultation(ctx: CommandContext, id: string, action: LifecycleAction, data?: unknown, expectedRev?: number): Promise<ConsultationRecord> {
  if (OWN_COMMAND.has(action)) throw new Error(`'${action}' has its own command`);
  await requireKnownMethods(ctx.db, consultMethods(action, data));
  const now = ctx.now();
  return ctx.db.transaction('rw', transitionTables(ctx), async () => {
    const before = await caseForWrite(ctx, lifecycleCommand(action), id, expectedRev);
    const event = planOrThrow(before, action, await withFrozenCriteria(ctx.db, action, data), now);
    return writeTransition(ctx, before, event, now);
  });
}
