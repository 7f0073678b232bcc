import type { ConsultationRecord } from '../../../shared/domain/consultation';
import { ROUTABLE_STATUSES, routeInputSchema, routingNeedsReason, type RouteInput } from '../../../shared/domain/routing-decision';
import { helsinkiDate } from '../../../shared/calendar/target-date';
import { MSG } from '../../../shared/domain/validation';
import type { CommandContext } from '../access/context';
import { CommandError, ValidationError } from '../access/errors';
import { caseForWrite, guardFreeText, planOrThrow, transitionTables, writeTransition } from './lifecycle';
import { isNetworkActiveOn } from './networks';
import { routeRequest, routingRequestOf, snapshotProposal } from '../../../shared/routing';

/**
 * Routes a case to an expert network (or re-routes it): the coordinator confirms the engine's
 * proposal, or chooses another network with a reason. The decision is appended to the case's
 * routing history with the proposal and its reasons as they stand now (worked out here, not taken
 * from the screen), the case becomes "routed", and the audit log records which network, what was
 * proposed, and whether it was an override — all in one transaction.
 */
export async function routeConsultation(ctx: CommandContext, id: string, input: RouteInput, expectedRev?: number): Promise<ConsultationRecord> {
  const parsed = routeInputSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  const { db } = ctx;
  const now = ctx.now();
  const today = helsinkiDate(now);

  return db.transaction('rw', [...transitionTables(ctx), db.networks], async () => {
    const before = await caseForWrite(ctx, 'lifecycle.route', id, expectedRev);
    if (!ROUTABLE_STATUSES.has(before.status)) throw new CommandError('notRoutable');
    const network = await db.networks.get(parsed.data.networkId);
    if (!network || !isNetworkActiveOn(network, today)) throw new ValidationError([{ path: 'networkId', message: 'routing.networkInactive' }]);
    // The proposal is worked out here, from the registry as it is in this transaction, and kept
    // with the decision: the case shows these reasons later, whatever the registry says then.
    const registry = await db.networks.toArray();
    const proposal = snapshotProposal(routeRequest(routingRequestOf(before, today), registry), registry);
    const decision = { ...parsed.data, proposedNetworkId: proposal.candidates[0]?.networkId ?? null };
    if (routingNeedsReason(decision, before.routing) && decision.reason === '') {
      throw new ValidationError([{ path: 'reason', message: MSG.required }]);
    }
    guardFreeText(before, [{ path: 'reason', text: decision.reason }], now);

    const override = decision.networkId !== decision.proposedNetworkId;
    const reroute = before.routing.length > 0;
    const event = planOrThrow(before, 'route', decision, now);
    const routing = [
      ...before.routing,
      { networkId: network.id, proposedNetworkId: decision.proposedNetworkId, override, reason: decision.reason, at: now.toISOString(), by: ctx.actor, proposal },
    ];
    // Codes only; the coordinator's reason stays on the case, not in the log.
    return writeTransition(ctx, before, event, now, {
      fields: { routing },
      changed: ['routing'],
      audit: {
        proposed: decision.proposedNetworkId ?? 'none',
        override: override ? 'yes' : 'no',
        reroute: reroute ? 'yes' : 'no',
        decision: String(routing.length - 1),
      },
    });
  });
}
