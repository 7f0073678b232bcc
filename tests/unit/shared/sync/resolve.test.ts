import { describe, expect, it } from 'vitest';
import { mergeRecord } from '../../../../shared/sync/merge';
import { resolveConflict } from '../../../../shared/sync/resolve';
import { formatStamp } from '../../../../shared/sync/hlc';
import type { StampedRecord } from '../../../../shared/sync/record';

const st = (sec: number, peer: string) => formatStamp({ wall: Date.UTC(2026, 9, 1) + sec * 1000, counter: 0, peer });
interface Rec extends StampedRecord {
  question: string;
}
const a: Rec = { id: 'c1', question: 'A:n versio', stamps: { question: st(1, 'peer-a') } };
const b: Rec = { id: 'c1', question: 'B:n versio', stamps: { question: st(2, 'peer-b') } };

describe('conflict resolution', () => {
  const merged = mergeRecord(a, b, { freeTextFields: ['question'] });
  const conflict = merged.conflicts[0]!;
  const current = merged.record as Rec;

  it('keep current writes nothing', () => {
    expect(resolveConflict(current, conflict, { kind: 'keep-current' }, st(3, 'peer-a'))).toEqual({ record: current, written: false });
  });

  it('restoring the losing text is a fresh write that every installation takes without a new conflict', () => {
    const { record } = resolveConflict(current, conflict, { kind: 'restore-losing' }, st(3, 'peer-a'));
    expect(record).toMatchObject({ question: 'A:n versio', stamps: { question: st(3, 'peer-a') } });
    // peer-b, holding its own version, receives the resolution
    const atB = mergeRecord(b, record, { freeTextFields: ['question'] });
    expect(atB.conflicts).toEqual([]);
    expect(atB.record).toMatchObject({ question: 'A:n versio' });
  });

  it('an edited text is written the same way', () => {
    const { record } = resolveConflict(current, conflict, { kind: 'edit', value: 'Yhdistetty versio' }, st(3, 'peer-a'));
    expect(record.question).toBe('Yhdistetty versio');
  });

  it('refuses a stamp that would not win', () => {
    expect(() => resolveConflict(current, conflict, { kind: 'edit', value: 'x' }, st(1, 'peer-a'))).toThrow(/newer/);
  });
});
