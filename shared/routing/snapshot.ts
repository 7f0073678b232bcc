import type { Network } from '../domain/network';
import type { Reason, RoutingRequest, RoutingResult } from './types';

/** How many candidates a decision keeps from the proposal it was taken on. */
export const SNAPSHOT_CANDIDATES = 5;

/**
 * The engine's proposal as it stood when a routing decision was taken, kept on the decision:
 * later edits of the registry change neither the reasons nor the names shown for that decision.
 */
export interface ProposalSnapshot {
  kind: RoutingResult['kind'];
  /** The best candidates, best first, with their names and reasons at the time. */
  candidates: Array<{ networkId: string; name: Network['name']; rank: number; scope: 'home' | 'national'; reasons: Reason[] }>;
  /** The steps the engine took (home area, national fallback, ranking). */
  chain: Reason[];
  /** Requested themes no network covered. */
  uncoveredThemes: string[];
}

/** What the routing engine is asked for a stored case on `date` (the case view and the command ask the same). */
export function routingRequestOf(
  record: { region: string; subject: { themes: readonly string[]; ageBand: string }; requester: { language: string }; urgency: RoutingRequest['urgency'] },
  date: string,
): RoutingRequest {
  return {
    region: record.region,
    themes: record.subject.themes,
    ageBand: record.subject.ageBand,
    language: record.requester.language as RoutingRequest['language'],
    urgency: record.urgency,
    date,
  };
}

/** Freezes a routing result for a decision. */
export function snapshotProposal(result: RoutingResult, networks: readonly Network[]): ProposalSnapshot {
  const nameOf = (id: string) => networks.find((network) => network.id === id)?.name ?? { fi: id, sv: id, en: id };
  return {
    kind: result.kind,
    candidates:
      result.kind === 'candidates'
        ? result.candidates.slice(0, SNAPSHOT_CANDIDATES).map((c) => ({ networkId: c.networkId, name: nameOf(c.networkId), rank: c.rank, scope: c.scope, reasons: c.reasons }))
        : [],
    chain: result.chain,
    uncoveredThemes: result.kind === 'unknown-region' ? [] : result.uncoveredThemes,
  };
}

/** The networks a proposal ranks first, in order (at most SNAPSHOT_CANDIDATES). */
function ranking(proposal: ProposalSnapshot | RoutingResult): string[] {
  return proposal.kind === 'candidates' ? proposal.candidates.slice(0, SNAPSHOT_CANDIDATES).map((c) => c.networkId) : [];
}

/** Whether today's proposal would rank other networks first than the frozen one did. */
export function proposalChanged(then: ProposalSnapshot, now: RoutingResult): boolean {
  const a = ranking(then);
  const b = ranking(now);
  return then.kind !== now.kind || a.length !== b.length || a.some((id, index) => id !== b[index]);
}
