import { describe, expect, it } from 'vitest';
import { homeLists } from '../../../../shared/worklist/home';
import type { CaseRow } from '../../../../shared/domain/case-row';

let n = 0;
function row(overrides: Partial<CaseRow>): CaseRow {
  n += 1;
  return {
    summary: {} as CaseRow['summary'],
    id: `id-${n}`,
    caseCode: `OTK-2026-${String(n).padStart(4, '0')}`,
    receivedAt: `2026-11-${String(n).padStart(2, '0')}T08:00:00.000Z`,
    receivedDate: '2026-11-01',
    targetDate: '2026-12-01',
    status: 'received',
    region: 'pohjanmaa',
    area: 'lansi',
    themes: ['nepsy'],
    urgency: 'normal',
    consentMode: 'anonymous',
    requesterName: 'Testi',
    organisation: 'Testikunta',
    networkId: '',
    meetingDate: '',
    recommendation: 'none',
    followUpDate: '',
    rev: n,
    ...overrides,
  };
}

describe('homeLists', () => {
  const today = '2026-11-23';
  const weekEnd = '2026-11-29';

  it('puts each case in the lists it belongs to', () => {
    const newRequest = row({});
    const accepted = row({ status: 'accepted' });
    const lateRouted = row({ status: 'routed', targetDate: '2026-11-20' });
    const consultedLate = row({ status: 'consulted', targetDate: '2026-11-01', recommendation: 'unsent' });
    const followUp = row({ status: 'closed', recommendation: 'sent', followUpDate: '2026-11-29' });
    const laterFollowUp = row({ status: 'closed', recommendation: 'sent', followUpDate: '2026-11-30' });
    const declined = row({ status: 'declined', targetDate: '2026-11-01' });
    const lists = homeLists([newRequest, accepted, lateRouted, consultedLate, followUp, laterFollowUp, declined], today, weekEnd);
    expect(lists.awaitingAcceptance).toEqual([newRequest]);
    expect(lists.toRoute).toEqual([accepted]);
    // A consulted case is no longer overdue: the target is about the consultation.
    expect(lists.overdue).toEqual([lateRouted]);
    expect(lists.recommendationsUnsent).toEqual([consultedLate]);
    expect(lists.followUpsDue).toEqual([followUp]);
  });

  it('orders overdue cases by target date and new requests oldest first', () => {
    const a = row({ status: 'scheduled', targetDate: '2026-11-22' });
    const b = row({ status: 'received', targetDate: '2026-11-10' });
    const lists = homeLists([a, b], today, weekEnd);
    expect(lists.overdue).toEqual([b, a]);
    const older = row({ receivedAt: '2026-10-01T08:00:00.000Z' });
    expect(homeLists([b, older], today, weekEnd).awaitingAcceptance).toEqual([older, b]);
  });
});
