import { describe, expect, it } from 'vitest';
import { applyTransition, dueFollowUp, initialLifecycle, type LifecycleFields } from '../../../../shared/lifecycle/record';
import { planTransition, type LifecycleEvent } from '../../../../shared/lifecycle/plan';
import type { LifecycleAction } from '../../../../shared/lifecycle/transitions';

const AT = '2026-11-24T11:00:00.000Z';
const fresh = (): LifecycleFields => ({ status: 'received', ...initialLifecycle() });
const recommendation = { language: 'fi' as const, questionSummary: 'Kysymys', recommendations: ['Suositus'], nextSteps: [], followUpDate: '2027-01-15', methods: [] };

function step(fields: LifecycleFields, action: LifecycleAction, data?: unknown) {
  const plan = planTransition({ status: fields.status, hasRecommendation: fields.recommendation !== null }, action, data);
  if (!plan.ok) throw new Error(plan.message);
  return applyTransition(fields, plan.event as LifecycleEvent, AT, 'coordinator');
}

describe('applyTransition', () => {
  it('appends the timestamped, attributed transition and names what changed', () => {
    const { next, changed } = step(fresh(), 'accept');
    expect(next.status).toBe('accepted');
    expect(next.transitions).toEqual([{ action: 'accept', from: 'received', to: 'accepted', data: {}, at: AT, by: 'coordinator' }]);
    expect(changed.sort()).toEqual(['status', 'transitions']);
  });

  it('books on schedule, keeps the recommendation on consult, stamps it on send and drops the booking on cancel', () => {
    let fields: LifecycleFields = { ...fresh(), status: 'routed' };
    fields = step(fields, 'schedule', { meetingId: 'm1', date: '2026-11-24', time: '13:00' }).next;
    expect(fields.booking).toEqual({ meetingId: 'm1', date: '2026-11-24', time: '13:00' });
    const consulted = step(fields, 'consult', { recommendation });
    expect(consulted.changed).toContain('recommendation');
    expect(consulted.next.recommendation?.sentAt).toBeUndefined();
    expect(dueFollowUp(consulted.next)).toBe('2027-01-15');
    const sent = step(consulted.next, 'send-recommendation').next;
    expect(sent.recommendation?.sentAt).toBe(AT);
    const cancelled = step({ ...fields }, 'cancel', { reason: 'Peruttu' }).next;
    expect(cancelled.booking).toBeNull();
    expect(dueFollowUp({ ...consulted.next, status: 'cancelled' })).toBe('');
  });

  it('keeps the close-out until reopened; the history keeps the old one', () => {
    let fields: LifecycleFields = { ...fresh(), status: 'consulted', recommendation };
    fields = step(fields, 'close', { closeOut: { outcome: 'network-joint-work', wouldOtherwiseHaveSought: 'newly-prompted' } }).next;
    expect(fields.closeOut?.outcome).toBe('network-joint-work');
    fields = step(fields, 'reopen', { reason: 'Jatkokysymys' }).next;
    expect(fields.closeOut).toBeNull();
    expect(fields.status).toBe('consulted');
    expect(fields.transitions.map((t) => t.action)).toEqual(['close', 'reopen']);
  });

  it('never mutates its input', () => {
    const before = fresh();
    const snapshot = JSON.stringify(before);
    step(before, 'accept');
    expect(JSON.stringify(before)).toBe(snapshot);
  });
});
