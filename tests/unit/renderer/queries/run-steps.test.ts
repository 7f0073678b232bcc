import { describe, expect, it } from 'vitest';
import { runSteps } from '../../../../renderer/src/queries/run-steps';
import type { Steps } from '../../../../shared/steps';

/** Steps that each busy-wait `ms`, recording when each ran and whether other tasks got a turn between them. */
function* busy(pieces: number, ms: number, log: string[]): Steps<number> {
  for (let i = 0; i < pieces; i++) {
    const start = performance.now();
    while (performance.now() - start < ms) {
      // busy: a piece of work
    }
    log.push(`piece ${i}`);
    yield;
  }
  return pieces;
}

describe('runSteps (queries/run-steps)', () => {
  it('runs the steps to their result, giving other tasks a turn once the budget is spent', async () => {
    const log: string[] = [];
    const ticker = setInterval(() => log.push('other task'), 0);
    try {
      await expect(runSteps(busy(12, 3, log), { budgetMs: 8 })).resolves.toBe(12);
    } finally {
      clearInterval(ticker);
    }
    const pieces = log.filter((entry) => entry.startsWith('piece'));
    expect(pieces).toHaveLength(12);
    // another task ran between pieces (not only before the first or after the last)
    const first = log.indexOf('piece 0');
    const last = log.indexOf('piece 11');
    expect(log.slice(first, last).includes('other task')).toBe(true);
    // and never more than the budget's worth of pieces ran back to back (3 ms each, budget 8 ms)
    let run = 0;
    let longest = 0;
    for (const entry of log) {
      run = entry.startsWith('piece') ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    expect(longest).toBeLessThanOrEqual(3);
  });

  it('stops at the next turn once the signal is aborted, with its reason', async () => {
    const log: string[] = [];
    const controller = new AbortController();
    const running = runSteps(busy(1_000, 2, log), { signal: controller.signal, budgetMs: 4 });
    setTimeout(() => controller.abort(new Error('the request changed')), 20);
    await expect(running).rejects.toThrow('the request changed');
    expect(log.length).toBeLessThan(1_000);
  });

  it('does not start on an aborted signal', async () => {
    const log: string[] = [];
    await expect(runSteps(busy(3, 1, log), { signal: AbortSignal.abort(new Error('closed')) })).rejects.toThrow('closed');
    expect(log).toEqual([]);
  });
});
