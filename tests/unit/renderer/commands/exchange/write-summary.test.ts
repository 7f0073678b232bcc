import { describe, expect, it } from 'vitest';
import { emptySummary, mergeSummaries, summariseWrites, summariseWritesInSlices } from '../../../../../renderer/src/commands/exchange/write-summary';
import type { ConsultationWrite } from '../../../../../renderer/src/commands/exchange/plan';
import { caseSequenceCounter, COUNTER_TOTAL, statusCounter } from '../../../../../renderer/src/db/counters';

/**
 * The counters and case-code sequences an import moves, summed before its transaction in slices
 * (renderer/src/commands/exchange/write-summary.ts): the same sums as at once, whatever the slicing.
 */

const live = (id: string, caseCode: string, status: string, before: ConsultationWrite['before']): ConsultationWrite =>
  ({ record: { id, caseCode, status, stamps: {} }, before, row: {} }) as unknown as ConsultationWrite;
const deleted = (id: string, before: ConsultationWrite['before']): ConsultationWrite => ({ record: { id, deleted: true, stamps: {} }, before, row: null }) as unknown as ConsultationWrite;

const writes: ConsultationWrite[] = [
  live('a', 'OTK-2025-0007', 'received', null), // new, this installation's prefix
  live('b', 'OTK-2025-0012', 'closed', null), // new, higher in the same year
  live('c', 'OTK-2026-0003', 'received', null), // new, another year
  live('d', 'MUU-2025-0999', 'received', null), // new, another prefix: no sequence
  live('e', 'OTK-2025-0500', 'closed', 'received'), // held here: a status change, no sequence
  live('f', 'OTK-2025-0600', 'received', 'deleted'), // deleted here, back again: counts as new, no sequence
  deleted('g', 'closed'), // a live case deleted
  deleted('h', null), // a tombstone for a case never held
];

describe('the write summary of an import', () => {
  it('counts cases appearing, changing status and deleted, and the highest new code of each sequence', () => {
    const summary = mergeSummaries(summariseWrites(writes, 'OTK'), emptySummary());
    expect(summary.deltas).toEqual({
      [COUNTER_TOTAL]: 5 - 1,
      [statusCounter('received')]: 4 - 1,
      [statusCounter('closed')]: 2 - 1,
    });
    expect(Object.fromEntries(summary.highest)).toEqual({ [caseSequenceCounter('OTK', 2025)]: 12, [caseSequenceCounter('OTK', 2026)]: 3 });
  });

  it('sums the same in slices as at once, and merged parts the same as the whole', async () => {
    let pauses = 0;
    const sliced = await summariseWritesInSlices(writes, 'OTK', () => (pauses++ % 2 === 0 ? Promise.resolve() : null));
    expect(pauses).toBe(writes.length);
    const whole = mergeSummaries(summariseWrites(writes, 'OTK'), emptySummary());
    expect(mergeSummaries(sliced, emptySummary())).toEqual(whole);
    expect(mergeSummaries(summariseWrites(writes.slice(0, 3), 'OTK'), summariseWrites(writes.slice(3), 'OTK'))).toEqual(whole);
  });

  it('drops counter changes that cancel out', () => {
    const summary = mergeSummaries(summariseWrites([live('x', 'X-1', 'received', null)], 'OTK'), summariseWrites([deleted('y', 'received')], 'OTK'));
    expect(summary.deltas).toEqual({});
  });
});
