import { describe, expect, it } from 'vitest';
import { helsinkiInstant } from '../../../../shared/calendar/helsinki-time';
import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import type { MeasureEvent } from '../../../../shared/lifecycle/measures';
import type { LifecycleAction } from '../../../../shared/lifecycle/transitions';
import { summaryCaseOf } from '../../../../shared/summary/input';

const fi = (date: string, time: string) => helsinkiInstant(date, time).toISOString();
const ev = (action: LifecycleAction, at: string, data?: unknown): MeasureEvent => ({ action, at, ...(data === undefined ? {} : { data }) });

const record = {
  received: { date: '2026-03-31', time: '23:30', channel: 'phone' },
  receivedAt: fi('2026-03-31', '23:30'),
  targetDate: '2026-04-07',
  requester: { name: 'Sari Sosiaalityöntekijä', title: 'sosiaalityöntekijä', organisation: 'Vantaa', sector: 'social', region: 'vantaa-kerava', phone: '', email: 's@example.fi', language: 'fi' },
  subject: { ageBand: '7-12', themes: ['nepsy', 'school-absence'], serviceLevel: 'special', servicesTried: [], servicesTriedNote: 'secret note', serviceLanguage: 'fi', interpreterNeeded: false },
  consent: { mode: 'anonymous' },
  status: 'closed',
  routing: [
    { networkId: 'n-1', proposedNetworkId: 'n-1', override: false, reason: '', at: fi('2026-04-01', '09:00'), by: 'u' },
    { networkId: 'n-2', proposedNetworkId: 'n-1', override: true, reason: 're-routed', at: fi('2026-04-02', '09:00'), by: 'u' },
  ],
  area: 'etela',
  region: 'vantaa-kerava',
  recommendation: {
    language: 'fi',
    questionSummary: 'secret summary',
    recommendations: ['secret item one', 'secret item two'],
    nextSteps: [],
    followUpDate: '',
    methods: [['voimaperheet'], ['voimaperheet', 'lapset-puheeksi']],
  },
} as unknown as ConsultationRecord;

describe('summaryCaseOf', () => {
  it('projects a record and its history to codes, flags and measures only', () => {
    const history = [
      ev('accept', fi('2026-04-01', '08:00'), { criteria: { met: ['services-tried', 'other'], otherNote: 'secret criterion note', version: 1, labels: {} } }),
      ev('route', fi('2026-04-01', '09:00')),
      ev('route', fi('2026-04-02', '09:00')),
      ev('schedule', fi('2026-04-02', '10:00'), { meetingId: 'm', date: '2026-04-06', time: '12:00' }),
      ev('consult', fi('2026-04-06', '15:00')),
      ev('close', fi('2026-04-08', '10:00'), { closeOut: { outcome: 'network-joint-work', wouldOtherwiseHaveSought: 'avoided', note: 'free text' } }),
    ];
    const c = summaryCaseOf(record, history);
    expect(c).toEqual({
      receivedMonth: '2026-03',
      area: 'etela',
      region: 'vantaa-kerava',
      themes: ['nepsy', 'school-absence'],
      sector: 'social',
      ageBand: '7-12',
      serviceLevel: 'special',
      consentMode: 'anonymous',
      status: 'closed',
      networkId: 'n-2',
      outcome: 'network-joint-work',
      wouldOtherwiseHaveSought: 'avoided',
      accepted: true,
      declined: false,
      consulted: true,
      closed: true,
      daysToConsultation: 6,
      targetMet: true,
      methods: ['voimaperheet', 'lapset-puheeksi'],
      criteria: ['services-tried', 'other'],
      declineReason: null,
    });
    expect(JSON.stringify(c)).not.toMatch(/free text|secret|Sari|example\.fi/);
  });

  it('gives nulls and false for a declined request', () => {
    const c = summaryCaseOf({ ...record, status: 'declined', routing: [] }, [ev('decline', fi('2026-04-01', '08:00'), { reason: 'duplicate', whereToTurn: 'x' })]);
    expect(c).toMatchObject({ networkId: null, outcome: null, wouldOtherwiseHaveSought: null, accepted: false, declined: true, consulted: false, closed: false, daysToConsultation: null, targetMet: null });
    expect(c).toMatchObject({ declineReason: 'duplicate', criteria: [] });
  });

  it('takes the criteria of the last accept or decline that recorded them, and no methods without a recommendation', () => {
    const c = summaryCaseOf({ ...record, recommendation: null, status: 'declined', routing: [] }, [
      ev('accept', fi('2026-04-01', '08:00'), { criteria: { met: ['multi-professional'], otherNote: '', version: 1, labels: {} } }),
      ev('cancel', fi('2026-04-01', '09:00'), { reason: 'x' }),
      ev('decline', fi('2026-04-01', '10:00'), { reason: 'not-ot-level', whereToTurn: 'x', criteria: { met: [], otherNote: '', version: 2, labels: {} } }),
    ]);
    expect(c).toMatchObject({ methods: [], criteria: [], declineReason: 'not-ot-level' });
    const accepted = summaryCaseOf({ ...record, recommendation: null }, [ev('accept', fi('2026-04-01', '08:00'), { criteria: { met: ['multi-professional'], otherNote: '', version: 1, labels: {} } }), ev('route', fi('2026-04-01', '09:00'))]);
    expect(accepted.criteria).toEqual(['multi-professional']);
  });
});
