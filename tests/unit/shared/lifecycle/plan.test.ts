import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../../../../shared/domain/messages';
import { planTransition, type LifecycleState, type TransitionPlan } from '../../../../shared/lifecycle/plan';
import { allowedActions, type LifecycleAction } from '../../../../shared/lifecycle/transitions';

/** A status in which the action is allowed (so only its data is judged). */
const FROM: Record<LifecycleAction, LifecycleState['status']> = {
  accept: 'received',
  decline: 'received',
  'request-information': 'received',
  'information-received': 'more-information-requested',
  route: 'accepted',
  schedule: 'routed',
  consult: 'scheduled',
  'send-recommendation': 'consulted',
  close: 'consulted',
  cancel: 'scheduled',
  reopen: 'closed',
};

const plan = (action: LifecycleAction, data?: unknown, hasRecommendation = true) => planTransition({ status: FROM[action], hasRecommendation }, action, data);

function issuesOf(result: TransitionPlan): Array<[string, string]> {
  if (result.ok) return [];
  if (result.code !== 'invalid-data') throw new Error(`expected invalid-data, got ${result.code}`);
  return result.issues.map((issue) => [issue.path, issue.message]);
}

const recommendation = {
  language: 'sv',
  questionSummary: 'Hur stöder vi skolgången?',
  recommendations: ['Gemensamt nätverksmöte med skolan.'],
};

describe('required data', () => {
  it('refuses invalid data with the allowed actions, a message and field issues', () => {
    const result = plan('cancel', {});
    expect(result).toEqual({
      ok: false,
      code: 'invalid-data',
      allowed: allowedActions('scheduled'),
      message: 'lifecycle.invalidData?action=cancel',
      issues: [{ path: 'reason', message: 'validation.required' }],
    });
    if (!result.ok) expect(decodeMessage(result.message)).toEqual({ key: 'lifecycle.invalidData', params: { action: 'cancel' } });
  });

  it.each(['accept', 'information-received', 'send-recommendation'] as const)('%s needs no data', (action) => {
    expect(plan(action)).toMatchObject({ ok: true, event: { data: {} } });
    expect(plan(action, {})).toMatchObject({ ok: true });
    expect(issuesOf(plan(action, 'yes'))).toEqual([['', 'validation.invalid']]);
  });

  it('decline needs a coded reason and where to turn instead', () => {
    expect(issuesOf(plan('decline', {}))).toEqual([
      ['reason', 'validation.choose'],
      ['whereToTurn', 'validation.required'],
    ]);
    expect(issuesOf(plan('decline', { reason: 'too-hard', whereToTurn: 'Perheneuvola' }))).toEqual([['reason', 'validation.choose']]);
    expect(issuesOf(plan('decline', { reason: 'duplicate', whereToTurn: '   ' }))).toEqual([['whereToTurn', 'validation.required']]);
    expect(issuesOf(plan('decline', { reason: 'duplicate', whereToTurn: 'x'.repeat(1001) }))).toEqual([['whereToTurn', 'validation.tooLong']]);
    for (const reason of ['not-ot-level', 'belongs-elsewhere', 'insufficient-information', 'duplicate']) {
      expect(plan('decline', { reason, whereToTurn: 'Perheneuvola' })).toMatchObject({ ok: true, to: 'declined' });
    }
  });

  it("decline with reason 'other' needs an explanation, named even when other fields are missing", () => {
    expect(issuesOf(plan('decline', { reason: 'other', whereToTurn: 'Perheneuvola' }))).toEqual([['reasonNote', 'validation.required']]);
    expect(issuesOf(plan('decline', { reason: 'other', whereToTurn: 'Perheneuvola', reasonNote: '  ' }))).toEqual([['reasonNote', 'validation.required']]);
    expect(issuesOf(plan('decline', { reason: 'other' }))).toEqual([
      ['whereToTurn', 'validation.required'],
      ['reasonNote', 'validation.required'],
    ]);
    expect(plan('decline', { reason: 'other', whereToTurn: 'Perheneuvola', reasonNote: 'Aikuispsykiatrian asia' })).toMatchObject({ ok: true });
  });

  it('request-information needs what is asked', () => {
    expect(issuesOf(plan('request-information', {}))).toEqual([['asked', 'validation.required']]);
    expect(issuesOf(plan('request-information', { asked: ' ' }))).toEqual([['asked', 'validation.required']]);
  });

  it('route needs a network (the routing command adds the rest)', () => {
    expect(issuesOf(plan('route', { proposedNetworkId: null }))).toEqual([['networkId', 'validation.choose']]);
    expect(plan('route', { networkId: 'net-a', proposedNetworkId: null })).toMatchObject({ ok: true, event: { data: { reason: '' } } });
  });

  it('schedule needs a meeting reference, a real date and a time', () => {
    expect(issuesOf(plan('schedule', {}))).toEqual([
      ['meetingId', 'validation.required'],
      ['date', 'validation.date'],
      ['time', 'validation.time'],
    ]);
    expect(issuesOf(plan('schedule', { meetingId: 'm-1', date: '2026-02-29', time: '24:00' }))).toEqual([
      ['date', 'validation.date'],
      ['time', 'validation.time'],
    ]);
    expect(plan('schedule', { meetingId: ' m-1 ', date: '2026-10-25', time: '03:30' })).toMatchObject({
      ok: true,
      event: { data: { meetingId: 'm-1', date: '2026-10-25', time: '03:30' } },
    });
  });

  it('consult needs a recommendation with at least one item', () => {
    expect(issuesOf(plan('consult', {}))).toEqual([['recommendation', 'validation.invalid']]);
    expect(issuesOf(plan('consult', { recommendation: { ...recommendation, recommendations: [] } }))).toEqual([
      ['recommendation.recommendations', 'lifecycle.recommendationsRequired'],
    ]);
    expect(plan('consult', { recommendation })).toMatchObject({
      ok: true,
      to: 'consulted',
      event: { data: { recommendation: { ...recommendation, nextSteps: [], followUpDate: '' } } },
    });
  });

  it('consult records the recommendation before it is sent: a sentAt given there is dropped', () => {
    const result = plan('consult', { recommendation: { ...recommendation, sentAt: '2026-03-30T10:00:00Z' } });
    expect(result.ok && result.event.action === 'consult' && 'sentAt' in result.event.data.recommendation).toBe(false);
  });

  it('close needs a close-out', () => {
    expect(issuesOf(plan('close', {}))).toEqual([['closeOut', 'validation.invalid']]);
    expect(issuesOf(plan('close', { closeOut: {} }))).toEqual([
      ['closeOut.outcome', 'validation.choose'],
      ['closeOut.wouldOtherwiseHaveSought', 'validation.choose'],
    ]);
    expect(plan('close', { closeOut: { outcome: 'further-consultation', wouldOtherwiseHaveSought: 'still-needed' } })).toMatchObject({
      ok: true,
      to: 'closed',
      event: { data: { closeOut: { note: '' } } },
    });
  });

  it.each(['cancel', 'reopen'] as const)('%s needs a reason', (action) => {
    expect(issuesOf(plan(action, {}))).toEqual([['reason', 'validation.required']]);
    expect(issuesOf(plan(action, { reason: '\t ' }))).toEqual([['reason', 'validation.required']]);
    expect(issuesOf(plan(action, { reason: 'x'.repeat(1001) }))).toEqual([['reason', 'validation.tooLong']]);
    expect(plan(action, { reason: '  Syy  ' })).toMatchObject({ ok: true, event: { data: { reason: 'Syy' } } });
  });
});

describe('reopen', () => {
  const reason = { reason: 'Pyytäjä pyysi tarkennusta.' };

  it('leads back to consulted when the case has a recommendation', () => {
    expect(planTransition({ status: 'closed', hasRecommendation: true }, 'reopen', reason)).toEqual({
      ok: true,
      to: 'consulted',
      event: { action: 'reopen', from: 'closed', to: 'consulted', data: reason },
    });
  });

  it('leads back to received when it has none (e.g. an imported closed case)', () => {
    expect(planTransition({ status: 'closed', hasRecommendation: false }, 'reopen', reason)).toMatchObject({ ok: true, to: 'received' });
  });

  it.each(['declined', 'cancelled'] as const)('is refused for a %s case, which is final', (status) => {
    const result = planTransition({ status, hasRecommendation: true }, 'reopen', reason);
    expect(result).toEqual({ ok: false, code: 'not-allowed', allowed: [], message: `lifecycle.noActions?action=reopen&status=${status}` });
  });

  it('is refused for an open case, naming what is allowed', () => {
    const result = planTransition({ status: 'consulted', hasRecommendation: true }, 'reopen', reason);
    expect(result).toMatchObject({ ok: false, code: 'not-allowed', allowed: ['send-recommendation', 'close'] });
    if (!result.ok) {
      expect(decodeMessage(result.message)).toEqual({
        key: 'lifecycle.notAllowed',
        params: { action: 'reopen', status: 'consulted', allowed: 'send-recommendation,close' },
      });
    }
  });

  it('does not depend on hasRecommendation for any other action', () => {
    for (const hasRecommendation of [true, false]) {
      expect(planTransition({ status: 'scheduled', hasRecommendation }, 'consult', { recommendation })).toMatchObject({ to: 'consulted' });
    }
  });
});
