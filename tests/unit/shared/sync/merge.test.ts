import { describe, expect, it } from 'vitest';
import { mergeRecord } from '../../../../shared/sync/merge';
import { formatStamp } from '../../../../shared/sync/hlc';

interface Case {
  id: string;
  caseCode: string;
  rev: number;
  question: string;
  hopedOutcomeNote?: string;
  subject: { themes: string[]; servicesTriedNote: string };
  status: string;
  stamps: Record<'question' | 'hopedOutcomeNote' | 'subject' | 'status', string>;
  seen?: Record<string, string>;
}

const T = Date.UTC(2026, 2, 2, 9);
const st = (sec: number, peer = 'peer-a', counter = 0) => formatStamp({ wall: T + sec * 1000, counter, peer });

function base(overrides: Partial<Case> = {}): Case {
  const s = st(0);
  return {
    id: 'c1',
    caseCode: 'OTK-2026-0001',
    rev: 7,
    question: 'Alkuperäinen kysymys',
    hopedOutcomeNote: '',
    subject: { themes: ['neuro'], servicesTriedNote: '' },
    status: 'received',
    stamps: { question: s, hopedOutcomeNote: s, subject: s, status: s },
    ...overrides,
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const FREE = { freeTextFields: ['question', 'hopedOutcomeNote', 'subject'] } as const;

describe('mergeRecord: per-field last writer wins', () => {
  it('stores a record it has not seen as new (a copy)', () => {
    const incoming = deepFreeze(base());
    const result = mergeRecord<Case>(undefined, incoming);
    expect(result.outcome).toBe('new');
    expect(result.record).toEqual({ ...incoming, seen: { 'peer-a': st(0) } });
    expect(result.record).not.toBe(incoming);
    expect(result.write).toBe(true);
    expect(result.changedFields).toEqual(['hopedOutcomeNote', 'question', 'status', 'subject']);
  });

  it('takes each field from the side with the higher stamp, field by field', () => {
    const local = deepFreeze(base({ status: 'accepted', stamps: { ...base().stamps, status: st(5) } }));
    const incoming = deepFreeze(base({ question: 'Uusi kysymys', stamps: { ...base().stamps, question: st(3, 'peer-b') } }));
    const result = mergeRecord(local, incoming);
    expect(result.outcome).toBe('updated');
    expect(result.changedFields).toEqual(['question']);
    expect(result.record).toMatchObject({ question: 'Uusi kysymys', status: 'accepted' });
    expect(result.record.stamps).toEqual({ ...base().stamps, question: st(3, 'peer-b'), status: st(5) });
    expect(result.record.seen).toEqual({ 'peer-a': st(5), 'peer-b': st(3, 'peer-b') });
  });

  it('orders equal clocks by peer', () => {
    const local = base({ status: 'a', stamps: { ...base().stamps, status: st(4, 'peer-a') } });
    const incoming = base({ status: 'b', stamps: { ...base().stamps, status: st(4, 'peer-b') } });
    expect(mergeRecord(local, incoming).record).toMatchObject({ status: 'b' });
    expect(mergeRecord(incoming, local).record).toMatchObject({ status: 'b' });
  });

  it('changes nothing for an older or identical incoming copy, and returns local itself', () => {
    const local = deepFreeze(base({ question: 'Uudempi', stamps: { ...base().stamps, question: st(9) }, seen: { 'peer-a': st(9) } }));
    for (const incoming of [base(), local]) {
      const result = mergeRecord(local, incoming);
      expect(result).toEqual({ record: local, changedFields: [], conflicts: [], outcome: 'unchanged', write: false });
      expect(result.record).toBe(local);
    }
  });

  it('settles equal stamps with different values (corrupt data) the same way on both sides', () => {
    const a = base({ status: 'accepted' });
    const b = base({ status: 'declined' });
    expect(mergeRecord(a, b).record).toEqual(mergeRecord(b, a).record);
  });

  it('treats key order inside a nested field as the same value', () => {
    const local = base();
    const incoming = base({ subject: { servicesTriedNote: '', themes: ['neuro'] } as Case['subject'], stamps: { ...base().stamps, subject: st(2, 'peer-b') } });
    const result = mergeRecord(local, incoming, FREE);
    expect(result.conflicts).toEqual([]);
    expect(result.changedFields).toEqual(['subject']); // the newer stamp is still taken
  });

  it('keeps local unstamped fields (revision, case code) and lets derive recompute derived ones', () => {
    const local = base();
    const incoming = base({ rev: 99, caseCode: 'OTHER', question: 'Uusi', stamps: { ...base().stamps, question: st(1, 'peer-b') } });
    const derive = (record: Case) => ({ ...record, caseCode: `${record.caseCode}*` });
    const result = mergeRecord(local, incoming, { derive });
    expect(result.record).toMatchObject({ rev: 7, caseCode: 'OTK-2026-0001*', question: 'Uusi' });
  });

  it('removes a field the winning side does not have, and takes a field only the incoming side stamps', () => {
    const { hopedOutcomeNote: _drop, ...withoutNote } = base();
    const incoming = { ...withoutNote, stamps: { ...base().stamps, hopedOutcomeNote: st(2, 'peer-b'), extra: st(2, 'peer-b') }, extra: 42 } as unknown as Case;
    const result = mergeRecord(base(), incoming);
    expect('hopedOutcomeNote' in result.record).toBe(false);
    expect((result.record as unknown as { extra: number }).extra).toBe(42);
    expect(result.changedFields).toEqual(['extra', 'hopedOutcomeNote']);
  });

  it('never mutates its inputs', () => {
    const local = deepFreeze(base());
    const incoming = deepFreeze(base({ question: 'x', subject: { themes: [], servicesTriedNote: 'y' }, stamps: { ...base().stamps, question: st(1, 'b'), subject: st(1, 'b') } }));
    expect(() => mergeRecord(local, incoming, { ...FREE, derive: (r) => ({ ...r }) })).not.toThrow();
  });

  it('refuses to merge two different records', () => {
    expect(() => mergeRecord(base(), base({ id: 'c2' }))).toThrow(/ids differ/);
  });
});

describe('mergeRecord: free-text conflicts', () => {
  // Both start from base() (stamped at 0 by peer-a), then each side edits without seeing the other.
  const mine = base({ question: 'Minun muotoiluni', stamps: { ...base().stamps, question: st(12, 'peer-a') } });
  const theirs = base({ question: 'Heidän muotoilunsa', stamps: { ...base().stamps, question: st(14, 'peer-b') } });

  it('reports the losing local text when both changed it without seeing each other', () => {
    const result = mergeRecord(mine, theirs, FREE);
    expect(result.record).toMatchObject({ question: 'Heidän muotoilunsa' });
    expect(result.conflicts).toEqual([
      {
        kind: 'concurrent-edit',
        recordId: 'c1',
        field: 'question',
        losing: 'Minun muotoiluni',
        losingStamp: st(12, 'peer-a'),
        winningStamp: st(14, 'peer-b'),
        losingSide: 'local',
        key: `c1|question|${st(12, 'peer-a')}`,
      },
    ]);
  });

  it('reports the losing incoming text when local wins', () => {
    const result = mergeRecord(theirs, mine, FREE);
    expect(result.outcome).toBe('unchanged');
    expect(result.conflicts).toMatchObject([{ losing: 'Minun muotoiluni', losingSide: 'incoming' }]);
  });

  it('reports the same conflict key on both sides', () => {
    expect(mergeRecord(mine, theirs, FREE).conflicts[0]!.key).toBe(mergeRecord(theirs, mine, FREE).conflicts[0]!.key);
  });

  it('is a plain update when the other side had seen my text before changing it', () => {
    const informed = { ...theirs, seen: { 'peer-a': st(12, 'peer-a') } };
    const result = mergeRecord(mine, informed, FREE);
    expect(result.conflicts).toEqual([]);
    expect(result.record).toMatchObject({ question: 'Heidän muotoilunsa' });
  });

  it('is no conflict when an older text arrives that this copy has already seen', () => {
    const local = { ...theirs, seen: { 'peer-a': st(12, 'peer-a') } };
    expect(mergeRecord(local, mine, FREE).conflicts).toEqual([]);
  });

  it('joins what both sides have seen, so the loss is reported once', () => {
    const merged = mergeRecord(mine, theirs, FREE).record;
    expect(merged.seen).toEqual({ 'peer-a': st(12, 'peer-a'), 'peer-b': st(14, 'peer-b') });
    expect(mergeRecord(merged, mine, FREE).conflicts).toEqual([]);
  });

  it('stores grown knowledge even when no field changes', () => {
    const local = { ...theirs, seen: {} };
    const incoming = { ...theirs, seen: { 'peer-c': st(3, 'peer-c') } };
    const result = mergeRecord(local, incoming, FREE);
    expect(result).toMatchObject({ outcome: 'unchanged', write: true, changedFields: [] });
    expect(result.record.seen).toMatchObject({ 'peer-c': st(3, 'peer-c') });
  });

  it('reports a loss relayed through a third installation whose clock runs far ahead', () => {
    // peer-b wrote its text; peer-c wrote later without seeing it; peer-a (clock 60 s ahead, which a
    // single "last exchange" clock per sender would take as "already exchanged") relays peer-c's text.
    const local = base({ question: 'B:n teksti', stamps: { ...base().stamps, question: st(9, 'peer-b') }, seen: { 'peer-a': st(0), 'peer-b': st(9, 'peer-b') } });
    const relayed = base({ question: 'C:n teksti', stamps: { ...base().stamps, question: st(10, 'peer-c') }, seen: { 'peer-a': st(70, 'peer-a'), 'peer-c': st(10, 'peer-c') } });
    expect(mergeRecord(local, relayed, FREE).conflicts).toMatchObject([{ field: 'question', losing: 'B:n teksti', losingSide: 'local' }]);
  });

  it('is no conflict when both wrote the same text', () => {
    const same = base({ question: 'Minun muotoiluni', stamps: { ...base().stamps, question: st(14, 'peer-b') } });
    expect(mergeRecord(mine, same, FREE).conflicts).toEqual([]);
  });

  it('is no conflict for fields that are not free text', () => {
    const a = base({ status: 'accepted', stamps: { ...base().stamps, status: st(12) } });
    const b = base({ status: 'declined', stamps: { ...base().stamps, status: st(14, 'peer-b') } });
    expect(mergeRecord(a, b, FREE).conflicts).toEqual([]);
  });

  it('treats a nested object named as free text as one field', () => {
    const a = base({ subject: { themes: ['neuro'], servicesTriedNote: 'Perhetyö 2025' }, stamps: { ...base().stamps, subject: st(12) } });
    const b = base({ subject: { themes: ['neuro', 'school'], servicesTriedNote: '' }, stamps: { ...base().stamps, subject: st(14, 'peer-b') } });
    expect(mergeRecord(a, b, FREE).conflicts).toMatchObject([{ field: 'subject', losing: { themes: ['neuro'], servicesTriedNote: 'Perhetyö 2025' } }]);
  });
});
