import { describe, expect, it } from 'vitest';
import { buildSummary, buildSummarySteps } from '../../../../shared/summary/output';
import { headline } from '../../../../shared/summary/headline';
import { trend } from '../../../../shared/summary/trend';
import { casesInPeriod } from '../../../../shared/summary/aggregate';
import { summaryTables } from '../../../../shared/summary/tables';
import { SUMMARY_MEASURES } from '../../../../shared/summary/spec';
import { finish, STEP_ITEMS, type Steps } from '../../../../shared/steps';
import { generateCases } from './fixtures';

const months = [...Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`), ...Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`)];
const options = { producer: { kind: 'centre' as const, area: 'sisa' as const, name: 'Sisä-Suomen OT-keskus' }, generatedAt: '2026-01-05T07:00:00Z' };

/** Runs steps through, counting the yields (the points where a UI thread would get a turn). */
function count<T>(steps: Steps<T>): { value: T; yields: number } {
  let yields = 0;
  let step = steps.next();
  while (!step.done) {
    yields++;
    step = steps.next();
  }
  return { value: step.value, yields };
}

describe('summaries as steps (shared/steps.ts)', () => {
  const cases = generateCases(30_000, 7, months);
  const request = { period: { kind: 'year' as const, year: 2025 }, dimensions: ['region' as const, 'theme' as const], measures: [...SUMMARY_MEASURES] };

  it('give the same summary as at once, yielding about every STEP_ITEMS cases of each pass', () => {
    const { value, yields } = count(buildSummarySteps(cases, request, options));
    expect(value).toEqual(buildSummary(cases, request, options));
    // the period pass over 30 000, then two axis passes and the aggregation over the ~15 000 of 2025
    expect(yields).toBeGreaterThanOrEqual(Math.floor(30_000 / STEP_ITEMS) + 3 * Math.floor(14_000 / STEP_ITEMS));
  });

  it('select the period once: every summary of the selection equals the summary of all the cases', () => {
    const selected = finish(casesInPeriod(cases, request.period, (c) => c));
    expect(selected.length).toBeGreaterThan(10_000);
    expect(selected.length).toBeLessThan(cases.length);
    expect(selected.every((c) => c.receivedMonth.startsWith('2025-'))).toBe(true);
    expect(summaryTables(selected, request)).toEqual(summaryTables(cases, request));
    expect(headline(selected, request.period)).toEqual(headline(cases, request.period));
    expect(trend(selected, { period: request.period, measure: 'received', dimension: 'theme' })).toEqual(trend(cases, { period: request.period, measure: 'received', dimension: 'theme' }));
  });

  it('read each item through the accessor', () => {
    const wrapped = cases.slice(0, 5_000).map((summary, i) => ({ id: i, summary }));
    const period = { kind: 'range' as const, from: '2024-03', to: '2024-05' };
    const selected = finish(casesInPeriod(wrapped, period, (row) => row.summary));
    expect(selected).toEqual(cases.slice(0, 5_000).filter((c) => c.receivedMonth >= '2024-03' && c.receivedMonth <= '2024-05'));
  });
});
