import type { ConsultationStatus } from '../domain/consultation';
import type { DeclineReason } from '../lifecycle/transition-data';

/**
 * Where a request stands, as its requester sees it (issue 11): "my requests" on the requester's
 * desk. Before the centre's reply arrives the desk only knows whether it sent the request; after
 * it, the case's status (from the reply) says the rest.
 */
export const REQUEST_STAGES = [
  'draft',
  'not-sent',
  'sent',
  'received',
  'information-requested',
  'accepted',
  'declined',
  'meeting-booked',
  'consulted',
  'recommendation-received',
  'closed',
  'cancelled',
] as const;
export type RequestStage = (typeof REQUEST_STAGES)[number];

export interface StageInput {
  status: ConsultationStatus;
  /** The centre has answered about this case (its receipt came back in a reply bundle). */
  answered: boolean;
  /** This desk has written the request into a bundle for the centre. */
  sent: boolean;
  /** When the recommendation was sent to the requester, if it was. */
  recommendationSentAt: string | null;
}

const BY_STATUS: Record<ConsultationStatus, RequestStage> = {
  received: 'received',
  'more-information-requested': 'information-requested',
  accepted: 'accepted',
  routed: 'accepted',
  declined: 'declined',
  scheduled: 'meeting-booked',
  consulted: 'consulted',
  closed: 'closed',
  cancelled: 'cancelled',
};

export function requestStage(input: StageInput): RequestStage {
  if (!input.answered) return input.sent ? 'sent' : 'not-sent';
  if (input.status === 'consulted' && input.recommendationSentAt !== null) return 'recommendation-received';
  return BY_STATUS[input.status];
}

/** What the centre said when it declined: the coded reason, its note and where to turn instead. */
export interface DeclineNotice {
  reason: DeclineReason;
  reasonNote: string;
  whereToTurn: string;
}

/** The last decline in a (requester's view of the) history, if any. */
export function declineNotice(transitions: ReadonlyArray<{ action: string; data?: unknown }>): DeclineNotice | null {
  const last = [...transitions].reverse().find((t) => t.action === 'decline');
  if (!last) return null;
  const data = (last.data ?? {}) as Partial<DeclineNotice>;
  return { reason: (data.reason ?? 'other') as DeclineReason, reasonNote: data.reasonNote ?? '', whereToTurn: data.whereToTurn ?? '' };
}

/** The question the centre asked back (more information requested), if any. */
export function informationAsked(transitions: ReadonlyArray<{ action: string; data?: unknown }>): string | null {
  const last = [...transitions].reverse().find((t) => t.action === 'request-information');
  return last ? String((last.data as { asked?: unknown } | undefined)?.asked ?? '') : null;
}
