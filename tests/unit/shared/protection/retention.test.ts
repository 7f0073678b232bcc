import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_RETENTION_POLICY,
  addYearsFinnish,
  duePurges,
  dueForPurge,
  purgeAuditDetails,
  purgeTombstoneOf,
  retentionCaseOf,
  retentionPolicySchema,
  type RetentionCase,
  type RetentionPolicy,
} from '../../../../shared/protection/retention';
import { PROTECTION_MSG } from '../../../../shared/protection/messages';
import { CONSULTATION_STATUSES } from '../../../../shared/domain/consultation';
import { addCalendarDays, dayNumberToIso, isoToDayNumber } from '../../../../shared/calendar/finnish-holidays';
import { formatStamp } from '../../../../shared/sync/hlc';
import { tombstoneOf } from '../../../../shared/sync/tombstone';
import { mergeRecord } from '../../../../shared/sync/merge';
import { isTombstone, type StampedRecord } from '../../../../shared/sync/record';

const P = DEFAULT_RETENTION_POLICY;
const closed = (closedAt: string, consentMode: RetentionCase['consentMode'] = 'consented'): RetentionCase => ({ id: 'c1', status: 'closed', consentMode, closedAt });

describe('retention policy', () => {
  it('defaults: closed 5 years, anonymous 3, declined/cancelled 2, counted from the date', () => {
    expect(P).toEqual({ closedYears: 5, anonymousClosedYears: 3, endedYears: 2, countFrom: 'date' });
  });

  it('anonymous cases may be kept shorter, never longer; years are whole, 1–50', () => {
    const longer = retentionPolicySchema.safeParse({ closedYears: 2, anonymousClosedYears: 4 });
    expect(longer.success ? [] : longer.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['anonymousClosedYears', PROTECTION_MSG.retentionAnonymousLonger]]);
    for (const bad of [{ closedYears: 0 }, { closedYears: 51 }, { endedYears: 1.5 }, { countFrom: 'month' }]) expect(retentionPolicySchema.safeParse(bad).success).toBe(false);
    expect(retentionPolicySchema.parse({ closedYears: 10, anonymousClosedYears: 10, endedYears: 1, countFrom: 'year-end' })).toMatchObject({ closedYears: 10 });
  });
});

describe('dueForPurge', () => {
  it('a closed case is kept N years to the same date and due from the day after', () => {
    expect(dueForPurge(closed('2024-03-14'), P, '2029-03-14')).toEqual({
      applies: true,
      rule: 'closed',
      anonymous: false,
      years: 5,
      from: '2024-03-14',
      retainUntil: '2029-03-14',
      dueDate: '2029-03-15',
      due: false,
    });
    expect(dueForPurge(closed('2024-03-14'), P, '2029-03-15')).toMatchObject({ due: true });
    expect(dueForPurge(closed('2024-03-14'), P, '2031-01-01')).toMatchObject({ due: true });
  });

  it('29 February counts to the last day of February (laki 150/1930)', () => {
    expect(dueForPurge(closed('2024-02-29'), P, '2029-03-01')).toMatchObject({ retainUntil: '2029-02-28', dueDate: '2029-03-01', due: true });
    expect(addYearsFinnish('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYearsFinnish('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYearsFinnish('2023-12-31', 1)).toBe('2024-12-31');
  });

  it('anonymous closed cases use the shorter period', () => {
    expect(dueForPurge(closed('2024-03-14', 'anonymous'), P, '2027-03-15')).toMatchObject({ rule: 'closed', anonymous: true, years: 3, dueDate: '2027-03-15', due: true });
    expect(dueForPurge(closed('2024-03-14', 'statutory'), P, '2027-03-15')).toMatchObject({ years: 5, due: false });
  });

  it('declined and cancelled cases count from the decision; anonymous ones take the shorter of the two periods', () => {
    for (const status of ['declined', 'cancelled'] as const) {
      const summary: RetentionCase = { id: 'd1', status, consentMode: 'consented', decidedAt: '2025-06-10' };
      expect(dueForPurge(summary, P, '2027-06-11')).toMatchObject({ rule: 'ended', years: 2, retainUntil: '2027-06-10', due: true });
      const policy: RetentionPolicy = { ...P, endedYears: 4, anonymousClosedYears: 1, closedYears: 5 };
      expect(dueForPurge({ ...summary, consentMode: 'anonymous' }, policy, '2026-06-11')).toMatchObject({ years: 1, due: true });
      expect(dueForPurge(summary, policy, '2026-06-11')).toMatchObject({ years: 4, due: false });
    }
  });

  it('year-end counting keeps the case to 31 December of the last year', () => {
    const policy: RetentionPolicy = { ...P, countFrom: 'year-end' };
    expect(dueForPurge(closed('2024-03-14'), policy, '2029-12-31')).toMatchObject({ retainUntil: '2029-12-31', dueDate: '2030-01-01', due: false });
    expect(dueForPurge(closed('2024-12-31'), policy, '2030-01-01')).toMatchObject({ due: true });
  });

  it('an instant counts on its Finnish calendar date (winter and summer time)', () => {
    expect(dueForPurge(closed('2024-03-13T22:30:00.000Z'), P, '2029-03-14')).toMatchObject({ from: '2024-03-14' });
    expect(dueForPurge(closed('2024-06-30T21:30:00.000Z'), P, '2029-07-01')).toMatchObject({ from: '2024-07-01', due: false });
    expect(dueForPurge(closed('2024-06-30T20:30:00.000Z'), P, '2029-07-01')).toMatchObject({ from: '2024-06-30', due: true });
  });

  it('open cases never apply; a closed case without a readable date is flagged, not purged', () => {
    for (const status of CONSULTATION_STATUSES.filter((s) => !['closed', 'declined', 'cancelled'].includes(s))) {
      expect(dueForPurge({ id: 'o', status, consentMode: 'anonymous', closedAt: '2000-01-01', decidedAt: '2000-01-01' }, P, '2030-01-01')).toEqual({ applies: false, reason: 'open' });
    }
    for (const closedAt of [null, undefined, '', 'yesterday', '2024-02-30', '2024-13-01T00:00:00Z']) {
      expect(dueForPurge({ id: 'x', status: 'closed', consentMode: 'consented', closedAt }, P, '2030-01-01')).toEqual({ applies: false, reason: 'no-date' });
    }
    expect(dueForPurge({ id: 'x', status: 'declined', consentMode: 'consented', closedAt: '2020-01-01' }, P, '2030-01-01')).toEqual({ applies: false, reason: 'no-date' });
    expect(() => dueForPurge(closed('2024-01-01'), P, '1.1.2030')).toThrow();
  });

  it('property: due exactly from the due date, which is the day after retainUntil, after the start', () => {
    const day = fc.integer({ min: isoToDayNumber('2000-01-01'), max: isoToDayNumber('2040-12-31') }).map(dayNumberToIso);
    const policy = fc.record({ closedYears: fc.integer({ min: 1, max: 50 }), endedYears: fc.integer({ min: 1, max: 50 }), countFrom: fc.constantFrom('date' as const, 'year-end' as const) }).chain((p) =>
      fc.integer({ min: 1, max: p.closedYears }).map((anonymousClosedYears) => ({ ...p, anonymousClosedYears })),
    );
    fc.assert(
      fc.property(day, day, policy, fc.constantFrom('closed' as const, 'declined' as const, 'cancelled' as const), fc.constantFrom('anonymous' as const, 'consented' as const, 'statutory' as const), (from, today, pol, status, consentMode) => {
        const decision = dueForPurge({ id: 'p', status, consentMode, closedAt: from, decidedAt: from }, pol, today);
        if (!decision.applies) throw new Error('expected a decision');
        expect(decision.dueDate).toBe(addCalendarDays(decision.retainUntil, 1));
        expect(decision.retainUntil > from).toBe(true);
        expect(decision.due).toBe(today >= decision.dueDate);
        expect(decision.retainUntil >= addYearsFinnish(from, decision.years)).toBe(true);
        if (consentMode === 'anonymous') expect(decision.years).toBeLessThanOrEqual(pol.anonymousClosedYears);
      }),
    );
  });
});

describe('duePurges and the projection', () => {
  it('lists what is due, earliest first', () => {
    const cases: RetentionCase[] = [
      { id: 'b', status: 'closed', consentMode: 'consented', closedAt: '2020-05-01' },
      { id: 'a', status: 'closed', consentMode: 'consented', closedAt: '2020-05-01' },
      { id: 'c', status: 'cancelled', consentMode: 'anonymous', decidedAt: '2021-01-10' },
      { id: 'd', status: 'closed', consentMode: 'consented', closedAt: '2024-01-01' },
      { id: 'e', status: 'routed', consentMode: 'consented' },
    ];
    expect(duePurges(cases, P, '2026-01-01').map((c) => [c.id, c.dueDate])).toEqual([
      ['c', '2023-01-11'],
      ['a', '2025-05-02'],
      ['b', '2025-05-02'],
    ]);
  });

  it('retentionCaseOf takes the Finnish date of the last close, or of the decline/cancel', () => {
    const t = (action: string, at: string) => ({ action, at, by: 'u', from: 'received', to: 'closed', data: {} });
    const record = {
      id: 'r1',
      status: 'closed' as const,
      consent: { mode: 'anonymous' as const },
      transitions: [t('close', '2023-01-05T10:00:00Z'), t('reopen', '2023-02-01T10:00:00Z'), t('close', '2023-12-31T22:30:00Z')],
    };
    expect(retentionCaseOf(record as unknown as Parameters<typeof retentionCaseOf>[0])).toEqual({ id: 'r1', status: 'closed', consentMode: 'anonymous', closedAt: '2024-01-01', decidedAt: null });
    const declined = { ...record, status: 'declined' as const, transitions: [t('decline', '2025-03-03T08:00:00Z')] };
    expect(retentionCaseOf(declined as unknown as Parameters<typeof retentionCaseOf>[0])).toMatchObject({ closedAt: null, decidedAt: '2025-03-03' });
    const open = { ...record, status: 'consulted' as const };
    expect(retentionCaseOf(open as unknown as Parameters<typeof retentionCaseOf>[0])).toMatchObject({ closedAt: null, decidedAt: null });
  });
});

describe('purging leaves a tombstone and codes only', () => {
  interface Rec extends StampedRecord {
    question: string;
    requester: { name: string };
  }
  const st = (sec: number, peer = 'peer-a') => formatStamp({ wall: Date.UTC(2026, 0, 1) + sec * 1000, counter: 0, peer });
  const rec = (question: string, name: string): Rec => ({ id: 'case-1', question, requester: { name }, stamps: { question: st(1), requester: st(2, 'peer-b') }, seen: { 'peer-c': st(0, 'peer-c') } });

  it('is the sync tombstone: id, deletion stamp and what was seen — no content', () => {
    const record = rec('Arkaluonteinen kysymys', 'Sari');
    const tombstone = purgeTombstoneOf(record, st(10));
    expect(tombstone).toEqual(tombstoneOf(record, st(10)));
    expect(Object.keys(tombstone).sort()).toEqual(['deleted', 'id', 'seen', 'stamps']);
    expect(tombstone.stamps).toEqual({ deleted: st(10) });
    expect(() => purgeTombstoneOf(record, 'tomorrow')).toThrow();
    // A stale copy arriving later does not bring it back.
    expect(isTombstone(mergeRecord<Rec>(tombstone, record).record)).toBe(true);
  });

  it('property: no field value survives in the tombstone', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 6, maxLength: 80 }), fc.string({ minLength: 6, maxLength: 40 }), (question, name) => {
        fc.pre(!/peer|deleted|seen|stamps|case-1|\d{6}/.test(question + name));
        const json = JSON.stringify(purgeTombstoneOf(rec(question, name), st(10)));
        expect(json.includes(JSON.stringify(question).slice(1, -1))).toBe(false);
        expect(json.includes(JSON.stringify(name).slice(1, -1))).toBe(false);
      }),
    );
  });

  it('the audit details are codes and dates, nothing from the case', () => {
    const decision = dueForPurge(closed('2020-03-14', 'anonymous'), P, '2026-01-01');
    if (!decision.applies) throw new Error('expected a decision');
    expect(purgeAuditDetails(decision)).toEqual({ rule: 'closed', consent: 'anonymous', years: '3', retainUntil: '2023-03-14', dueDate: '2023-03-15' });
  });
});
