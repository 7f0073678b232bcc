import { describe, expect, it } from 'vitest';
import { CONSULTATION_STATUSES, type ConsultationStatus } from '../../../../shared/domain/consultation';
import { decodeMessage } from '../../../../shared/domain/messages';
import { ROUTABLE_STATUSES } from '../../../../shared/domain/routing-decision';
import { OPEN_STATUSES } from '../../../../shared/worklist/filter';
import { availableActions, planTransition } from '../../../../shared/lifecycle/plan';
import { lifecycleStateOf } from '../../../../shared/lifecycle/state';
import {
  allowedActions,
  CANCELLABLE_STATUSES,
  FINAL_STATUSES,
  isLifecycleAction,
  LIFECYCLE_ACTIONS,
  ruleOf,
  TRANSITIONS,
  type LifecycleAction,
} from '../../../../shared/lifecycle/transitions';

/** Valid, synthetic data for every action (no real people, no identifiers). */
const VALID_DATA: Record<LifecycleAction, unknown> = {
  accept: {},
  decline: { reason: 'belongs-elsewhere', whereToTurn: 'Hyvinvointialueen perheneuvola, ajanvaraus puhelimitse.' },
  'request-information': { asked: 'Mitä tukitoimia koulussa on jo kokeiltu?' },
  'information-received': {},
  route: { networkId: 'net-example-1', proposedNetworkId: 'net-example-1', reason: '' },
  schedule: { meetingId: 'meeting-0001', date: '2026-03-31', time: '13:30' },
  consult: {
    recommendation: {
      language: 'fi',
      questionSummary: 'Koulupoissaolojen taustalla oleva ahdistus; miten tukea paluuta kouluun?',
      recommendations: ['Porrastettu paluusuunnitelma koulun kanssa.', 'Arvio nuorisopsykiatrian konsultaatiossa.'],
      nextSteps: [{ step: 'Sovitaan verkostopalaveri', by: 'koulukuraattori' }],
      followUpDate: '2026-05-04',
    },
  },
  'send-recommendation': {},
  close: { closeOut: { outcome: 'guidance-sufficient', wouldOtherwiseHaveSought: 'avoided' } },
  cancel: { reason: 'Pyytäjä perui pyynnön: tilanne ratkesi.' },
  reopen: { reason: 'Pyytäjä pyysi tarkennusta suositukseen.' },
};

/** The whole machine, written out by hand: status → action → next status (closed → reopen with a recommendation). */
const EXPECTED: Record<ConsultationStatus, Partial<Record<LifecycleAction, ConsultationStatus>>> = {
  received: { accept: 'accepted', decline: 'declined', 'request-information': 'more-information-requested', cancel: 'cancelled' },
  accepted: { route: 'routed', cancel: 'cancelled' },
  declined: {},
  'more-information-requested': { decline: 'declined', 'information-received': 'received', cancel: 'cancelled' },
  routed: { route: 'routed', schedule: 'scheduled', cancel: 'cancelled' },
  scheduled: { schedule: 'scheduled', consult: 'consulted', cancel: 'cancelled' },
  consulted: { 'send-recommendation': 'consulted', close: 'closed' },
  closed: { reopen: 'consulted' },
  cancelled: {},
};

const expectedAllowed = (status: ConsultationStatus) => LIFECYCLE_ACTIONS.filter((action) => EXPECTED[status][action] !== undefined);

const pairs = CONSULTATION_STATUSES.flatMap((status) => LIFECYCLE_ACTIONS.map((action) => [status, action] as const));

describe('the transition table', () => {
  it('covers all 9 × 11 pairs', () => {
    expect(pairs).toHaveLength(99);
    expect(Object.keys(EXPECTED).sort()).toEqual([...CONSULTATION_STATUSES].sort());
  });

  it.each(pairs)('%s + %s', (status, action) => {
    const plan = planTransition({ status, hasRecommendation: true }, action, VALID_DATA[action]);
    const to = EXPECTED[status][action];
    if (to !== undefined) {
      expect(plan).toMatchObject({ ok: true, to, event: { action, from: status, to } });
    } else {
      const allowed = expectedAllowed(status);
      expect(plan).toMatchObject({ ok: false, code: 'not-allowed', allowed });
      if (plan.ok) return;
      expect(decodeMessage(plan.message)).toEqual(
        allowed.length > 0
          ? { key: 'lifecycle.notAllowed', params: { action, status, allowed: allowed.join(',') } }
          : { key: 'lifecycle.noActions', params: { action, status } },
      );
    }
  });

  it.each(CONSULTATION_STATUSES)('allowedActions(%s) lists exactly the allowed actions, in table order', (status) => {
    expect(allowedActions(status)).toEqual(expectedAllowed(status));
  });

  it('has one rule per action, in the order of LIFECYCLE_ACTIONS, each with a data schema', () => {
    expect(TRANSITIONS.map((r) => r.action)).toEqual([...LIFECYCLE_ACTIONS]);
    for (const action of LIFECYCLE_ACTIONS) {
      expect(ruleOf(action).action).toBe(action);
      expect(typeof ruleOf(action).data.safeParse).toBe('function');
    }
  });

  it('routes from exactly the statuses the routing command accepts', () => {
    expect(new Set(ruleOf('route').from)).toEqual(ROUTABLE_STATUSES);
  });

  it('cancels from exactly the open statuses of the work list (before the consultation is held)', () => {
    expect(new Set(CANCELLABLE_STATUSES)).toEqual(OPEN_STATUSES);
    expect(ruleOf('cancel').from).toEqual(CANCELLABLE_STATUSES);
  });

  it('has no way out of the final statuses, and only reopen out of closed', () => {
    for (const status of FINAL_STATUSES) expect(allowedActions(status)).toEqual([]);
    expect(allowedActions('closed')).toEqual(['reopen']);
  });

  it('is frozen data', () => {
    expect(Object.isFrozen(TRANSITIONS)).toBe(true);
    for (const r of TRANSITIONS) {
      expect(Object.isFrozen(r)).toBe(true);
      expect(Object.isFrozen(r.from)).toBe(true);
    }
  });

  it('recognises action codes', () => {
    for (const action of LIFECYCLE_ACTIONS) expect(isLifecycleAction(action)).toBe(true);
    for (const value of ['approve', '', undefined, null, 3, 'ACCEPT']) expect(isLifecycleAction(value)).toBe(false);
  });

  it('refuses an unknown action or status at run time with what is allowed', () => {
    const unknownAction = planTransition({ status: 'received', hasRecommendation: false }, 'approve' as LifecycleAction, {});
    expect(unknownAction).toMatchObject({ ok: false, code: 'not-allowed', allowed: expectedAllowed('received') });
    const unknownStatus = planTransition({ status: 'archived' as ConsultationStatus, hasRecommendation: false }, 'accept', {});
    expect(unknownStatus).toMatchObject({ ok: false, code: 'not-allowed', allowed: [] });
  });

  it('checks the status before the data: an impossible action is not-allowed even with bad data', () => {
    expect(planTransition({ status: 'declined', hasRecommendation: false }, 'cancel', {})).toMatchObject({ code: 'not-allowed' });
  });

  it('routes only an accepted case: routing never skips the OT-level judgement', () => {
    for (const status of ['received', 'more-information-requested'] as const) {
      expect(planTransition({ status, hasRecommendation: false }, 'route', VALID_DATA.route)).toMatchObject({ ok: false, code: 'not-allowed' });
    }
  });
});

describe('what the state blocks beyond the status', () => {
  it('sends a recommendation once: a second send is refused in words and offered no more', () => {
    const sent = { status: 'consulted' as const, hasRecommendation: true, recommendationSent: true };
    expect(availableActions(sent)).toEqual(['close']);
    const plan = planTransition(sent, 'send-recommendation', {});
    expect(plan).toMatchObject({ ok: false, code: 'not-allowed', allowed: ['close'] });
    if (!plan.ok) expect(decodeMessage(plan.message).key).toBe('lifecycle.alreadySent');
    expect(availableActions({ ...sent, recommendationSent: false })).toEqual(['send-recommendation', 'close']);
  });

  it('records the consultation only once its meeting has begun, and says when the meeting is', () => {
    const booking = { meetingId: 'meeting-1', date: '2026-12-09', time: '13:00' };
    const record = { status: 'scheduled' as const, recommendation: null, booking };
    // Monday 7.12.2026 12:00 in Helsinki: the meeting is on Wednesday.
    const monday = lifecycleStateOf(record, new Date('2026-12-07T10:00:00Z'));
    expect(monday.meetingAhead).toEqual({ date: '2026-12-09', time: '13:00' });
    expect(availableActions(monday)).not.toContain('consult');
    const plan = planTransition(monday, 'consult', VALID_DATA.consult);
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(decodeMessage(plan.message)).toEqual({ key: 'lifecycle.meetingAhead', params: { date: '2026-12-09', time: '13:00' } });
    // 13:00 Helsinki on the day (11:00Z in winter): the meeting has begun.
    const started = lifecycleStateOf(record, new Date('2026-12-09T11:00:00Z'));
    expect(started.meetingAhead).toBeNull();
    expect(planTransition(started, 'consult', VALID_DATA.consult)).toMatchObject({ ok: true, to: 'consulted' });
    expect(lifecycleStateOf(record, new Date('2026-12-09T10:59:00Z')).meetingAhead).not.toBeNull();
  });
});

