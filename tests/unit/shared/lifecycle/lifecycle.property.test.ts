import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CONSULTATION_STATUSES, type ConsultationStatus } from '../../../../shared/domain/consultation';
import { CLOSE_OUT_OUTCOMES, OTHERWISE_SOUGHT } from '../../../../shared/lifecycle/close-out';
import { availableActions, planTransition, type LifecycleState } from '../../../../shared/lifecycle/plan';
import { DECLINE_REASONS } from '../../../../shared/lifecycle/transition-data';
import { allowedActions, FINAL_STATUSES, LIFECYCLE_ACTIONS, ruleOf, TRANSITIONS, type LifecycleAction } from '../../../../shared/lifecycle/transitions';

const text = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== '');
const day = fc.date({ min: new Date('2025-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

/** Valid synthetic data for each action. */
const validData: Record<LifecycleAction, fc.Arbitrary<unknown>> = {
  accept: fc.constant({}),
  decline: fc.record({ reason: fc.constantFrom(...DECLINE_REASONS), whereToTurn: text, reasonNote: text }),
  'request-information': fc.record({ asked: text }),
  'information-received': fc.constant(undefined),
  route: fc.record({ networkId: text, proposedNetworkId: fc.option(text, { nil: null }), reason: text }),
  schedule: fc.record({ meetingId: text, date: day, time }),
  consult: fc.record({
    recommendation: fc.record({
      language: fc.constantFrom('fi', 'sv'),
      questionSummary: text,
      recommendations: fc.array(text, { minLength: 1, maxLength: 3 }),
      nextSteps: fc.array(fc.record({ step: text, by: text }), { maxLength: 2 }),
    }),
  }),
  'send-recommendation': fc.constant({}),
  close: fc.record({ closeOut: fc.record({ outcome: fc.constantFrom(...CLOSE_OUT_OUTCOMES), wouldOtherwiseHaveSought: fc.constantFrom(...OTHERWISE_SOUGHT) }) }),
  cancel: fc.record({ reason: text }),
  reopen: fc.record({ reason: text }),
};

/**
 * A step: an action — half of the time one the current status allows, otherwise any — with valid
 * data four times in five, otherwise data that is usually wrong.
 */
const step = fc.record({
  pick: fc.nat(),
  guided: fc.boolean(),
  valid: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
  data: fc.record(validData),
  junk: fc.constantFrom({}, undefined, null, 'x', { reason: ' ' }),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Steps that end or turn a case back: a guided step avoids them, so walks reach the far statuses too. */
const DETOURS: ReadonlySet<LifecycleAction> = new Set(['cancel', 'decline', 'request-information']);

function actionOf(s: Step, status: ConsultationStatus): { action: LifecycleAction; data: unknown } {
  const allowed = allowedActions(status);
  const forward = allowed.filter((action) => !DETOURS.has(action));
  const choices = s.guided && allowed.length > 0 ? (forward.length > 0 && s.pick % 3 !== 0 ? forward : allowed) : LIFECYCLE_ACTIONS;
  const action = choices[s.pick % choices.length]!;
  return { action, data: s.valid ? s.data[action] : s.junk };
}

/** Statuses reachable from 'received' following the table (both targets of reopen). */
function reachable(): Set<ConsultationStatus> {
  const seen = new Set<ConsultationStatus>(['received']);
  const queue: ConsultationStatus[] = ['received'];
  while (queue.length > 0) {
    const status = queue.shift()!;
    for (const rule of TRANSITIONS.filter((r) => r.from.includes(status))) {
      const targets = typeof rule.to === 'string' ? [rule.to] : [rule.to.withRecommendation, rule.to.withoutRecommendation];
      for (const to of targets) {
        if (seen.has(to)) continue;
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

describe('the lifecycle under random sequences of actions', () => {
  const REACHABLE = reachable();

  it('can reach every status from received', () => {
    expect([...REACHABLE].sort()).toEqual([...CONSULTATION_STATUSES].sort());
  });

  it('visits only reachable statuses and follows the table exactly', () => {
    const visited = new Set<ConsultationStatus>();
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const state: LifecycleState = { status: 'received', hasRecommendation: false, recommendationSent: false };
        for (const s of steps) {
          const { action, data } = actionOf(s, state.status);
          const before = structuredClone(data);
          const result = planTransition(state, action, data);
          expect(data).toEqual(before);
          expect(planTransition(state, action, data)).toEqual(result);
          const allowed = availableActions(state);
          if (result.ok) {
            expect(allowed).toContain(action);
            const to = ruleOf(action).to;
            expect(result.to).toBe(typeof to === 'string' ? to : state.hasRecommendation ? to.withRecommendation : to.withoutRecommendation);
            expect(result.event).toMatchObject({ action, from: state.status, to: result.to });
            state.status = result.to;
            if (action === 'consult') state.hasRecommendation = true;
            if (action === 'send-recommendation') state.recommendationSent = true;
          } else {
            expect(result.allowed).toEqual(allowed);
            expect(result.code).toBe(allowed.includes(action) ? 'invalid-data' : 'not-allowed');
            // A recommendation is sent once, whatever follows.
            if (action === 'send-recommendation' && state.recommendationSent) expect(result.code).toBe('not-allowed');
          }
          expect(REACHABLE.has(state.status)).toBe(true);
          visited.add(state.status);
        }
      }),
      { numRuns: 500 },
    );
    // The walk is long enough to exercise the whole machine, not just its first steps.
    expect([...visited].sort()).toEqual([...CONSULTATION_STATUSES].sort());
  });

  it('never leaves a final status, and leaves closed only by reopen', () => {
    const start = fc.record({ status: fc.constantFrom<ConsultationStatus>(...FINAL_STATUSES, 'closed'), hasRecommendation: fc.boolean() });
    fc.assert(
      fc.property(start, fc.array(step, { maxLength: 20 }), (initial, steps) => {
        for (const s of steps) {
          const { action, data } = actionOf(s, initial.status);
          const result = planTransition(initial, action, data);
          if (!result.ok) continue;
          expect(initial.status).toBe('closed');
          expect(action).toBe('reopen');
          expect(result.to).toBe(initial.hasRecommendation ? 'consulted' : 'received');
        }
      }),
      { numRuns: 300 },
    );
  });
});
