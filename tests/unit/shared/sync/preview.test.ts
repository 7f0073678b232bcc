import { describe, expect, it } from 'vitest';
import { planMerge } from '../../../../shared/sync/preview';
import type { StampedRecord, Synced } from '../../../../shared/sync/record';
import { tombstoneOf } from '../../../../shared/sync/tombstone';
import { formatStamp, MAX_DRIFT_MS } from '../../../../shared/sync/hlc';

const NOW = Date.UTC(2026, 5, 1, 10);
const st = (sec: number, peer = 'peer-b') => formatStamp({ wall: NOW + sec * 1000, counter: 0, peer });
interface Rec extends StampedRecord {
  question: string;
}
const rec = (id: string, question: string, stamp: string, seen: Record<string, string> = {}): Rec => ({ id, question, stamps: { question: stamp }, seen: { [stamp.slice(21)]: stamp, ...seen } });

describe('import preview', () => {
  it('sorts a bundle into new / updated / unchanged / conflicts / quarantined', () => {
    const stored = new Map<string, Synced<Rec>>([
      ['u', rec('u', 'vanha', st(-100, 'peer-a'))],
      ['same', rec('same', 'sama', st(-50, 'peer-a'))],
      ['c', rec('c', 'minun', st(-5, 'peer-a'))],
    ]);
    const incoming = [
      rec('n', 'uusi', st(-10)),
      rec('u', 'päivitetty', st(-20), { 'peer-a': st(-100, 'peer-a') }), // saw 'vanha', then changed it
      rec('same', 'sama', st(-50, 'peer-a')),
      rec('c', 'heidän', st(-4)),
      rec('q', 'tulevaisuudesta', formatStamp({ wall: NOW + MAX_DRIFT_MS + 60_000, counter: 0, peer: 'peer-b' })),
      tombstoneOf(rec('gone', 'x', st(-90)), st(-1)),
    ];
    const plan = planMerge<Rec>(incoming, (id) => stored.get(id), { nowMs: NOW, freeTextFields: ['question'] });
    expect(plan.counts).toEqual({ new: 2, updated: 1, unchanged: 1, conflicts: 1, quarantined: 1 });
    expect(plan.writes.map((r) => r.id).sort()).toEqual(['c', 'gone', 'n', 'u']);
    expect(plan.conflicts).toMatchObject([{ recordId: 'c', losing: 'minun' }]);
    expect(plan.quarantined.map((q) => q.record.id)).toEqual(['q']);
    expect(stored.get('u')).toEqual(rec('u', 'vanha', st(-100, 'peer-a'))); // nothing written
  });

  it('merges repeated ids within one bundle against each other', () => {
    const plan = planMerge<Rec>([rec('x', 'a', st(1)), rec('x', 'b', st(2))], () => undefined, { nowMs: NOW });
    expect(plan.writes).toEqual([rec('x', 'b', st(2))]);
  });

  it('refuses records that skipped schema validation', () => {
    expect(() => planMerge<Rec>([rec('x', 'a', 'not-a-stamp')], () => undefined, { nowMs: NOW })).toThrow(TypeError);
  });
});

describe('import preview: knowledge from the future', () => {
  it('quarantines a record whose `seen` holds a clock more than 24 h ahead', () => {
    const ahead = formatStamp({ wall: NOW + MAX_DRIFT_MS + 1, counter: 0, peer: 'peer-c' });
    const plan = planMerge<Rec>([rec('s', 'teksti', st(-1), { 'peer-c': ahead })], () => undefined, { nowMs: NOW });
    expect(plan.counts.quarantined).toBe(1);
    expect(plan.quarantined[0]!.stamps).toEqual([{ field: 'seen.peer-c', stamp: ahead, aheadMs: MAX_DRIFT_MS + 1 }]);
  });
});
