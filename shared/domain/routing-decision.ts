import { z } from 'zod';
import type { ConsultationStatus } from './codes';
import { MSG } from './validation';
import type { ProposalSnapshot } from '../routing/snapshot';

/**
 * One routing of a case to an expert network: what the engine proposed, what the coordinator
 * chose, and why when the two differ or when an earlier routing is replaced. Kept as a history on
 * the case: re-routing appends, never rewrites.
 */
export interface RoutingDecision {
  networkId: string;
  /** The engine's first candidate at the time, or null when it proposed none. */
  proposedNetworkId: string | null;
  /** True when the coordinator chose another network than proposed. */
  override: boolean;
  /** Required for an override or a re-routing; '' otherwise. */
  reason: string;
  at: string;
  by: string;
  /**
   * The proposal with its reasons as it stood at the decision (absent in decisions recorded before
   * it was kept): what the case view shows as "why", whatever the registry says later.
   */
  proposal?: ProposalSnapshot;
}

/**
 * Statuses from which a case may be routed (or re-routed): only once the coordinator has accepted it
 * as an OT-level request — routing never skips that judgement, which the summaries count.
 */
export const ROUTABLE_STATUSES: ReadonlySet<ConsultationStatus> = new Set(['accepted', 'routed']);

export const routeInputSchema = z.object({
  networkId: z.string({ error: MSG.choose }).min(1, MSG.choose),
  proposedNetworkId: z.string().nullable(),
  reason: z.string().trim().max(1000, MSG.tooLong).default(''),
});
export type RouteInput = z.input<typeof routeInputSchema>;

/** A reason is needed when the choice differs from the proposal, or when the case was routed before. */
export function routingNeedsReason(input: { networkId: string; proposedNetworkId: string | null }, history: readonly RoutingDecision[]): boolean {
  return input.networkId !== input.proposedNetworkId || history.length > 0;
}
