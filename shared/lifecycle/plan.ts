import type { ConsultationStatus } from '../domain/codes';
import { encodeMessage } from '../domain/messages';
import { LIFECYCLE_MSG } from './messages';
import { allowedActions, isLifecycleAction, ruleOf, type LifecycleAction, type TransitionData } from './transitions';

/** What the machine needs to know about a case to decide. */
export interface LifecycleState {
  status: ConsultationStatus;
  /** Whether the case has a written recommendation (decides where 'reopen' leads). */
  hasRecommendation: boolean;
  /** Whether the recommendation has been marked sent: sending happens once, and its time is history. */
  recommendationSent?: boolean;
  /**
   * The booked meeting when it has not begun yet (Finnish date and time): the consultation is
   * recorded after it is held, so the letter never states a meeting later than its own date.
   */
  meetingAhead?: { date: string; time: string } | null;
}

/**
 * Why an action the status allows cannot be taken in this state (an i18n message with its
 * parameters), or null when it can: a recommendation is sent once; a consultation is recorded
 * once its meeting has begun.
 */
export function blockedBy(state: LifecycleState, action: LifecycleAction): string | null {
  if (action === 'send-recommendation' && state.recommendationSent) return encodeMessage(LIFECYCLE_MSG.alreadySent, {});
  if (action === 'consult' && state.meetingAhead) return encodeMessage(LIFECYCLE_MSG.meetingAhead, { ...state.meetingAhead });
  return null;
}

/** The actions that can be taken now: those the status allows, less those the state blocks. */
export function availableActions(state: LifecycleState): LifecycleAction[] {
  return allowedActions(state.status).filter((action) => blockedBy(state, action) === null);
}

/** A field-level problem: dotted path and an i18n message (as the commands' ValidationError carries). */
export interface LifecycleIssue {
  path: string;
  message: string;
}

/** A planned transition, data parsed. The caller stamps time and actor and writes it, audited, in one transaction. */
export type LifecycleEvent = {
  [A in LifecycleAction]: { action: A; from: ConsultationStatus; to: ConsultationStatus; data: TransitionData<A> };
}[LifecycleAction];

/** A transition as kept in a case's history. */
export type TransitionRecord = LifecycleEvent & {
  /** ISO 8601 instant. */
  at: string;
  /** The acting user. */
  by: string;
};

export type TransitionPlan =
  | { ok: true; to: ConsultationStatus; event: LifecycleEvent }
  | {
      ok: false;
      code: 'not-allowed';
      /** What is possible now instead. */
      allowed: LifecycleAction[];
      /** i18n key with parameters (LIFECYCLE_MSG.notAllowed or .noActions), see ../domain/messages. */
      message: string;
    }
  | {
      ok: false;
      code: 'invalid-data';
      allowed: LifecycleAction[];
      message: string;
      issues: LifecycleIssue[];
    };

/**
 * Decides whether `action` may be taken on a case in `current` with `data`, and where it leads.
 * Pure: no clock, no actor, no writes. The status check comes first, so an impossible action is
 * refused as 'not-allowed' whatever its data. `data` may be omitted for actions that need none.
 */
export function planTransition(current: LifecycleState, action: LifecycleAction, data?: unknown): TransitionPlan {
  const allowed = availableActions(current);
  const blocked = isLifecycleAction(action) ? blockedBy(current, action) : null;
  if (blocked !== null) return { ok: false, code: 'not-allowed', allowed, message: blocked };
  if (!isLifecycleAction(action) || !allowed.includes(action)) {
    const key = allowed.length === 0 ? LIFECYCLE_MSG.noActions : LIFECYCLE_MSG.notAllowed;
    const params = { action: String(action), status: String(current.status), ...(allowed.length > 0 ? { allowed: allowed.join(',') } : {}) };
    return { ok: false, code: 'not-allowed', allowed, message: encodeMessage(key, params) };
  }
  const rule = ruleOf(action);
  const parsed = rule.data.safeParse(data ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      code: 'invalid-data',
      allowed,
      message: encodeMessage(LIFECYCLE_MSG.invalidData, { action }),
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    };
  }
  const to = typeof rule.to === 'string' ? rule.to : current.hasRecommendation ? rule.to.withRecommendation : rule.to.withoutRecommendation;
  const event = { action, from: current.status, to, data: parsed.data } as LifecycleEvent;
  return { ok: true, to, event };
}
