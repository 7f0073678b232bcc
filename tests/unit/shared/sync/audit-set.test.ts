import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mergeAuditEvent, mergeAuditSets } from '../../../../shared/sync/audit-set';
import { formatStamp } from '../../../../shared/sync/hlc';

const ev = (id: string, sec: number, fields = ['question']) => ({
  id,
  at: new Date(Date.UTC(2026, 0, 1) + sec * 1000).toISOString(),
  actor: 'koordinaattori',
  action: 'consultation.update' as const,
  entity: 'consultation' as const,
  entityId: 'c1',
  fields,
  clock: formatStamp({ wall: Date.UTC(2026, 0, 1) + sec * 1000, counter: 0, peer: 'peer-a' }),
});

describe('audit events merge as a set', () => {
  it('unions by id, ordered by clock, and says what was added', () => {
    const local = [ev('e2', 2), ev('e1', 1)];
    const incoming = [ev('e3', 3), ev('e1', 1)];
    const result = mergeAuditSets(local, incoming);
    expect(result.events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(result.added.map((e) => e.id)).toEqual(['e3']);
    expect(result.mismatched).toEqual([]);
  });

  it('never removes an event, and re-merging changes nothing', () => {
    const once = mergeAuditSets([ev('e1', 1)], [ev('e2', 2)]).events;
    const twice = mergeAuditSets(once, [ev('e2', 2)]);
    expect(twice.events).toEqual(once);
    expect(twice.added).toEqual([]);
  });

  it('reports two different events under one id and keeps the same one on both sides', () => {
    const a = ev('e1', 1, ['question']);
    const b = ev('e1', 1, ['status']);
    expect(mergeAuditSets([a], [b]).mismatched).toEqual(['e1']);
    expect(mergeAuditSets([a], [b]).events).toEqual(mergeAuditSets([b], [a]).events);
    expect(mergeAuditEvent(undefined, a)).toEqual({ event: a, outcome: 'new' });
    expect(mergeAuditEvent(a, a)).toEqual({ event: a, outcome: 'unchanged' });
  });

  it('is commutative, associative and idempotent (property)', () => {
    const event = fc.record({ n: fc.integer({ min: 0, max: 12 }), variant: fc.integer({ min: 0, max: 1 }) }).map(({ n, variant }) => ev(`e${n}`, n, variant ? ['status'] : ['question']));
    const set = fc.array(event, { maxLength: 8 });
    fc.assert(
      fc.property(set, set, set, (a, b, c) => {
        const ab = mergeAuditSets(a, b).events;
        expect(ab).toEqual(mergeAuditSets(b, a).events);
        expect(mergeAuditSets(ab, c).events).toEqual(mergeAuditSets(a, mergeAuditSets(b, c).events).events);
        expect(mergeAuditSets(ab, ab).events).toEqual(ab);
      }),
    );
  });
});
