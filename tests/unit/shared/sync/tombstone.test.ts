import { describe, expect, it } from 'vitest';
import { mergeRecord } from '../../../../shared/sync/merge';
import { canForgetTombstone } from '../../../../shared/sync/tombstone';
import { isTombstone, type StampedRecord } from '../../../../shared/sync/record';
import { tombstoneOf } from '../../../../shared/sync/tombstone';
import { formatStamp } from '../../../../shared/sync/hlc';

const T = Date.UTC(2026, 3, 1);
const st = (sec: number, peer = 'peer-a') => formatStamp({ wall: T + sec * 1000, counter: 0, peer });

interface Rec extends StampedRecord {
  question: string;
  status: string;
  stamps: { question: string; status: string };
}
const live = (question: string, qStamp: string, sStamp = st(0)): Rec => ({ id: 'r1', question, status: 'received', stamps: { question: qStamp, status: sStamp } });

const deletedAt = (sec: number, peer = 'peer-a', seen: Rec = live('seen by the deleter', st(0))) => tombstoneOf(seen, st(sec, peer));

describe('tombstones', () => {
  it('keep no field values, only the deletion stamp and what the deleter had seen', () => {
    expect(deletedAt(3)).toEqual({ id: 'r1', deleted: true, stamps: { deleted: st(3) }, seen: { 'peer-a': st(0) } });
  });

  it('an unseen tombstone is stored, so a stale copy cannot bring the record back', () => {
    const first = mergeRecord<Rec>(undefined, deletedAt(3));
    expect(first.outcome).toBe('new');
    const stale = mergeRecord<Rec>(first.record, live('seen by the deleter', st(0)));
    expect(isTombstone(stale.record)).toBe(true);
    expect(stale.outcome).toBe('unchanged');
    expect(stale.conflicts).toEqual([]);
  });

  it('deletion wins over a live record; values the deleter had not seen are reported, not dropped', () => {
    const local = live('kirjoitettu poiston jälkeen', st(5, 'peer-b'));
    const result = mergeRecord(local, deletedAt(3));
    expect(isTombstone(result.record)).toBe(true);
    expect(result.outcome).toBe('updated');
    expect(result.changedFields).toEqual(['deleted']);
    expect(result.conflicts).toEqual([
      expect.objectContaining({ kind: 'edited-after-delete', field: 'question', losing: 'kirjoitettu poiston jälkeen', losingSide: 'local', losingStamp: st(5, 'peer-b'), winningStamp: st(3) }),
    ]);
  });

  it('reports a concurrent edit the deleter never saw even when its clock is older than the deletion', () => {
    const skewed = live('kello jäljessä', st(2, 'peer-c'));
    expect(mergeRecord(skewed, deletedAt(3)).conflicts).toMatchObject([{ field: 'question', losing: 'kello jäljessä' }]);
  });

  it('a live copy with values the deleter never saw stays deleted, and the values are reported once', () => {
    const result = mergeRecord<Rec>(deletedAt(3), live('myöhäinen', st(6, 'peer-c')));
    expect(isTombstone(result.record)).toBe(true);
    expect(result.conflicts).toMatchObject([{ kind: 'edited-after-delete', field: 'question', losing: 'myöhäinen', losingSide: 'incoming' }]);
    expect(result.write).toBe(true); // the tombstone now knows it
    expect(mergeRecord<Rec>(result.record, live('myöhäinen', st(6, 'peer-c'))).conflicts).toEqual([]);
  });

  it('a tombstone made elsewhere without `seen` reports what is stamped after the deletion', () => {
    const bare = { id: 'r1', deleted: true as const, stamps: { deleted: st(3) } };
    expect(mergeRecord<Rec>(live('vanha', st(1, 'peer-b')), bare).conflicts).toEqual([]);
    expect(mergeRecord<Rec>(live('uusi', st(4, 'peer-b')), bare).conflicts).toHaveLength(1);
  });

  it('two tombstones keep the later deletion and join what was seen, in either order', () => {
    const a = deletedAt(3);
    const b = deletedAt(4, 'peer-b', live('x', st(1, 'peer-b')));
    expect(mergeRecord<Rec>(a, b).record).toEqual(mergeRecord<Rec>(b, a).record);
    expect(mergeRecord<Rec>(a, b).record).toMatchObject({ stamps: { deleted: st(4, 'peer-b') } });
    expect(mergeRecord<Rec>(b, a).outcome).toBe('unchanged');
  });

  describe('canForgetTombstone', () => {
    const tomb = deletedAt(10);
    it('only when every known peer acknowledged a clock at or after the deletion', () => {
      expect(canForgetTombstone(tomb, { 'peer-b': st(10), 'peer-c': st(11, 'peer-c') }, ['peer-b', 'peer-c'])).toBe(true);
      expect(canForgetTombstone(tomb, { 'peer-b': st(10), 'peer-c': st(9, 'peer-c') }, ['peer-b', 'peer-c'])).toBe(false);
      expect(canForgetTombstone(tomb, { 'peer-b': st(12) }, ['peer-b', 'peer-c'])).toBe(false);
    });
    it('acknowledgements from peers that are not known do not count', () => {
      expect(canForgetTombstone(tomb, { 'peer-x': st(99) }, ['peer-b'])).toBe(false);
    });
    it('with no known peers there is nobody left to tell', () => {
      expect(canForgetTombstone(tomb, {}, [])).toBe(true);
    });
  });
});
