/**
 * The consultation lifecycle as data: which action leads from which status to which, and what data
 * it requires (TRANSITION_DATA). `planTransition` (./plan) applies it; the UI asks `allowedActions`.
 *
 *   received ─accept→ accepted ─route→ routed ─schedule→ scheduled ─consult→ consulted ─close→ closed
 *   received ─decline→ declined            received ─request-information→ more-information-requested
 *   more-information-requested ─information-received→ received (assessed again)
 *   route from ROUTABLE_STATUSES (a re-route stays 'routed'); schedule again = reschedule
 *   send-recommendation: consulted → consulted (the sending is its own, timestamped step)
 *   cancel (withdrawn): from every status before the consultation is held (CANCELLABLE_STATUSES)
 *   reopen: closed → consulted when the case has a recommendation, otherwise → received
 *   declined and cancelled are final: a renewed request is a new case with its own receipt date.
 */
import type { z } from 'zod';
import { CONSULTATION_STATUSES, type ConsultationStatus } from '../domain/codes';
import { ROUTABLE_STATUSES } from '../domain/routing-decision';
import { TRANSITION_DATA } from './transition-data';

export const LIFECYCLE_ACTIONS = [
  'accept',
  'decline',
  'request-information',
  'information-received',
  'route',
  'schedule',
  'consult',
  'send-recommendation',
  'close',
  'cancel',
  'reopen',
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

/** Statuses from which the request can still be withdrawn: everything before the consultation is held. */
export const CANCELLABLE_STATUSES = ['received', 'accepted', 'more-information-requested', 'routed', 'scheduled'] as const satisfies readonly ConsultationStatus[];

/** Statuses no action leads out of. */
export const FINAL_STATUSES = ['declined', 'cancelled'] as const satisfies readonly ConsultationStatus[];

/** Where 'reopen' leads: back to the recommendation if there is one, otherwise to a fresh assessment. */
export interface ReopenTarget {
  readonly withRecommendation: ConsultationStatus;
  readonly withoutRecommendation: ConsultationStatus;
}

export interface TransitionRule<A extends LifecycleAction = LifecycleAction> {
  readonly action: A;
  readonly from: readonly ConsultationStatus[];
  readonly to: ConsultationStatus | ReopenTarget;
  readonly data: (typeof TRANSITION_DATA)[A];
}

const rule = <A extends LifecycleAction>(action: A, from: readonly ConsultationStatus[], to: ConsultationStatus | ReopenTarget): TransitionRule<A> =>
  Object.freeze({ action, from: Object.freeze([...from]), to, data: TRANSITION_DATA[action] });

/** One rule per action, in the order of LIFECYCLE_ACTIONS. */
export const TRANSITIONS = Object.freeze([
  rule('accept', ['received'], 'accepted'),
  rule('decline', ['received', 'more-information-requested'], 'declined'),
  rule('request-information', ['received'], 'more-information-requested'),
  rule('information-received', ['more-information-requested'], 'received'),
  rule('route', CONSULTATION_STATUSES.filter((status) => ROUTABLE_STATUSES.has(status)), 'routed'),
  rule('schedule', ['routed', 'scheduled'], 'scheduled'),
  rule('consult', ['scheduled'], 'consulted'),
  rule('send-recommendation', ['consulted'], 'consulted'),
  rule('close', ['consulted'], 'closed'),
  rule('cancel', CANCELLABLE_STATUSES, 'cancelled'),
  rule('reopen', ['closed'], Object.freeze({ withRecommendation: 'consulted', withoutRecommendation: 'received' })),
]) as readonly TransitionRule[];

/** The rule of an action. */
export function ruleOf<A extends LifecycleAction>(action: A): TransitionRule<A> {
  return TRANSITIONS.find((r) => r.action === action) as TransitionRule<A>;
}

/** True when `value` names a lifecycle action. */
export function isLifecycleAction(value: unknown): value is LifecycleAction {
  return (LIFECYCLE_ACTIONS as readonly unknown[]).includes(value);
}

/** The actions possible in `status`, in the order of LIFECYCLE_ACTIONS; [] for a final or unknown status. */
export function allowedActions(status: ConsultationStatus): LifecycleAction[] {
  return TRANSITIONS.filter((r) => r.from.includes(status)).map((r) => r.action);
}

/** The data an action requires, parsed (zod output). */
export type TransitionData<A extends LifecycleAction> = z.output<(typeof TRANSITION_DATA)[A]>;
/** The data an action accepts as input (zod input), for forms. */
export type TransitionDataInput<A extends LifecycleAction> = z.input<(typeof TRANSITION_DATA)[A]>;
