import { describe, expect, it } from 'vitest';
import { transitionAuditDetails } from '../../../../shared/lifecycle/audit-details';
import { planTransition, type LifecycleEvent, type LifecycleState } from '../../../../shared/lifecycle/plan';
import type { LifecycleAction } from '../../../../shared/lifecycle/transitions';

const SECRET = 'Salainen vapaa teksti';

function eventOf(state: LifecycleState, action: LifecycleAction, data?: unknown): LifecycleEvent {
  const plan = planTransition(state, action, data);
  if (!plan.ok) throw new Error(plan.message);
  return plan.event;
}

describe('transitionAuditDetails', () => {
  it('records action, from and to', () => {
    expect(transitionAuditDetails(eventOf({ status: 'received', hasRecommendation: false }, 'accept'))).toEqual({ action: 'accept', from: 'received', to: 'accepted' });
  });

  it('records the codes of a decline, a consultation and a close-out, never their free text', () => {
    const decline = eventOf({ status: 'received', hasRecommendation: false }, 'decline', { reason: 'other', whereToTurn: SECRET, reasonNote: SECRET });
    expect(transitionAuditDetails(decline)).toEqual({ action: 'decline', from: 'received', to: 'declined', reason: 'other' });
    const consult = eventOf({ status: 'scheduled', hasRecommendation: false }, 'consult', {
      recommendation: { language: 'sv', questionSummary: SECRET, recommendations: [SECRET], nextSteps: [{ step: SECRET, by: SECRET }] },
    });
    expect(transitionAuditDetails(consult)).toEqual({ action: 'consult', from: 'scheduled', to: 'consulted', language: 'sv', followUp: 'no' });
    const close = eventOf({ status: 'consulted', hasRecommendation: true }, 'close', {
      closeOut: { outcome: 'child-welfare-notification', wouldOtherwiseHaveSought: 'not-applicable', note: SECRET },
    });
    expect(transitionAuditDetails(close)).toMatchObject({ outcome: 'child-welfare-notification', wouldOtherwiseHaveSought: 'not-applicable' });
    const route = eventOf({ status: 'accepted', hasRecommendation: false }, 'route', { networkId: 'net-x', proposedNetworkId: null, reason: SECRET });
    expect(transitionAuditDetails(route)).toEqual({ action: 'route', from: 'accepted', to: 'routed', network: 'net-x' });
    for (const [state, action] of [
      [{ status: 'scheduled', hasRecommendation: false }, 'cancel'],
      [{ status: 'closed', hasRecommendation: true }, 'reopen'],
      [{ status: 'received', hasRecommendation: false }, 'request-information'],
    ] as const) {
      const details = transitionAuditDetails(eventOf(state, action, { reason: SECRET, asked: SECRET }));
      expect(JSON.stringify(details)).not.toContain(SECRET);
    }
  });

  it('notes whether a follow-up date was set', () => {
    const consult = eventOf({ status: 'scheduled', hasRecommendation: false }, 'consult', {
      recommendation: { language: 'fi', questionSummary: 'K', recommendations: ['S'], followUpDate: '2026-09-01' },
    });
    expect(transitionAuditDetails(consult).followUp).toBe('yes');
  });
});
