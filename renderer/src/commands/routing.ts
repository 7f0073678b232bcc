import type { ConsultationRecord } from '../../../shared/domain/consultation';
import { caseRowOf } from '../../../shared/domain/case-row';
import { ROUTABLE_STATUSES, routeInputSchema, routingNeedsReason, type RouteInput } from '../../../shared/domain/routing-decision';
import { helsinkiDate } from '../../../shared/calendar/target-date';
import { guardRequest } from '../../../shared/privacy/identifier-guard';
import { issueMessage } from '../../../shared/privacy/intake-guard';
import { MSG } from '../../../shared/domain/validation';
import type { CommandContext } from './context';
import { CommandError, ValidationError } from './errors';
import { takeStamps } from './installation';
import { bumpCounters, COUNTER_REV, statusCounter } from './counters';
import { auditEvent } from './audit';
import { isNetworkActiveOn } from './networks';

/**
 * Routes a case to an expert network (or re-routes it): the coordinator confirms the engine's
 * proposal, or chooses another network with a reason. The decision is appended to the case's
 * routing history, the case becomes "routed", and the audit log records which network, what was
 * proposed, and whether it was an override — all in one transaction.
 */
export async function routeConsultation(ctx: CommandContext, id: string, input: RouteInput, expectedRev?: number): Promise<ConsultationRecord> {
  const parsed = routeInputSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  const decision = parsed.data;
  const { db } = ctx;
  const now = ctx.now();
  const today = helsinkiDate(now);

  return db.transaction('rw', [db.consultations, db.caseRows, db.networks, db.audit, db.meta, db.counters], async () => {
    const before = await db.consultations.get(id);
    if (!before) throw new CommandError('notFound');
    if (expectedRev !== undefined && before.rev !== expectedRev) throw new CommandError('changedElsewhere');
    if (!ROUTABLE_STATUSES.has(before.status)) throw new CommandError('notRoutable');
    const network = await db.networks.get(decision.networkId);
    if (!network || !isNetworkActiveOn(network, today)) throw new ValidationError([{ path: 'networkId', message: 'routing.networkInactive' }]);
    if (routingNeedsReason(decision, before.routing) && decision.reason === '') {
      throw new ValidationError([{ path: 'reason', message: MSG.required }]);
    }
    const guard = guardRequest({ consentMode: before.consent.mode, fields: [{ path: 'reason', text: decision.reason }] }, now);
    if (guard.blocking.length > 0) throw new ValidationError(guard.blocking.map(issueMessage));

    const override = decision.networkId !== decision.proposedNetworkId;
    const reroute = before.routing.length > 0;
    const counters = await bumpCounters(db, {
      [COUNTER_REV]: 1,
      ...(before.status !== 'routed' ? { [statusCounter(before.status)]: -1, [statusCounter('routed')]: 1 } : {}),
    });
    const [stamp, auditStamp] = await takeStamps(db, now.getTime(), 2);
    const record: ConsultationRecord = {
      ...before,
      status: 'routed',
      routing: [
        ...before.routing,
        { networkId: network.id, proposedNetworkId: decision.proposedNetworkId, override, reason: decision.reason, at: now.toISOString(), by: ctx.actor },
      ],
      rev: counters[COUNTER_REV]!,
      stamps: { ...before.stamps, routing: stamp!, status: stamp! },
    };
    await db.consultations.put(record);
    await db.caseRows.put(caseRowOf(record));
    await db.audit.add(
      auditEvent(ctx, now, auditStamp!, {
        action: 'consultation.route',
        entityId: id,
        fields: ['routing', 'status'],
        // Codes only; the coordinator's reason stays on the case, not in the log.
        details: {
          network: network.id,
          proposed: decision.proposedNetworkId ?? 'none',
          override: override ? 'yes' : 'no',
          reroute: reroute ? 'yes' : 'no',
          decision: String(record.routing.length - 1),
        },
      }),
    );
    return record;
  });
}
