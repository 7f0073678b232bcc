import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvLabels } from './labels';
import { generateCase, random } from './fixtures';
import { casesBeside, median, percentile90 } from '../../../../shared/summary/stats';
import { summaryTables, MIN_CASES } from '../../../../shared/summary/tables';
import { headline } from '../../../../shared/summary/headline';
import { buildSummary, parseSummaryFile, serializeSummary } from '../../../../shared/summary/output';
import { mergeSummaries } from '../../../../shared/summary/merge';
import { summaryCsv } from '../../../../shared/summary/csv';
import type { SummaryCase } from '../../../../shared/summary/input';
import type { SummaryMeasure } from '../../../../shared/summary/spec';

/**
 * Issue 18 (12): a median or 90th percentile is published only when at least 5 cases lie on each
 * side of it — the threshold of the counts. Otherwise it is '..' wherever a summary goes: the
 * tables, the headline figures, the CSV, the otk-summary/1 file and the national merge.
 */
const month = { kind: 'month', month: '2026-01' } as const;
const rnd = random(18);
/** A case consulted `days` days after receipt, held within the target, in the given sector. */
const consulted = (days: number, sector = 'health'): SummaryCase =>
  generateCase(rnd, ['2026-01'], { sector, accepted: true, declined: false, consulted: true, closed: false, daysToConsultation: days, targetMet: true });
/** n cases with waits 1…n days (distinct, so the maximum is one case's own). */
const waits = (n: number, sector?: string) => Array.from({ length: n }, (_, i) => consulted(i + 1, sector));
const STATS: SummaryMeasure[] = ['medianDaysToConsultation', 'p90DaysToConsultation'];
const totals = (cases: SummaryCase[]) => summaryTables(cases, { period: month, dimensions: [], measures: STATS }).tables.map((t) => t.total);

describe('cases on each side of a median or percentile', () => {
  it('counts by position: ⌊(n−1)/2⌋ for the median, the thinner side of the nearest rank for the 90th percentile', () => {
    expect([9, 10, 11, 12].map((n) => casesBeside('median', n))).toEqual([4, 4, 5, 5]);
    expect([8, 49, 50, 60].map((n) => casesBeside('p90', n))).toEqual([0, 4, 5, 6]);
    expect([0, 1, 2].map((n) => casesBeside('p90', n))).toEqual([0, 0, 0]);
    expect(MIN_CASES).toBe(5);
  });

  it('agrees with the statistics themselves: that many distinct waits lie strictly below and strictly above', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), (n) => {
        const sorted = Array.from({ length: n }, (_, i) => i);
        for (const [statistic, value] of [['median', median(sorted)], ['p90', percentile90(sorted)]] as const) {
          const below = sorted.filter((v) => v < value).length;
          const above = sorted.filter((v) => v > value).length;
          // An even median lies between two cases: each side also holds one of the two that make it up.
          const own = statistic === 'median' && n % 2 === 0 ? 1 : 0;
          expect(Math.min(below, above) - own).toBe(casesBeside(statistic, n));
        }
      }),
    );
  });
});

describe('publishing a median or 90th percentile', () => {
  it('hides both for the issue’s row of 8 consultations, whose 90th percentile is the longest wait (40 days)', () => {
    const eight = [3, 5, 6, 7, 8, 9, 12, 40].map((d) => consulted(d));
    expect(percentile90([3, 5, 6, 7, 8, 9, 12, 40])).toBe(40);
    expect(totals(eight)).toEqual(['..', '..']);
  });

  it('publishes the median with exactly 5 cases on each side (11 or 12 cases) and hides it with 4 (10 cases)', () => {
    expect(totals(waits(10))[0]).toBe('..');
    expect(totals(waits(11))[0]).toBe(6);
    expect(totals(waits(12))[0]).toBe(6.5);
  });

  it('publishes the 90th percentile with exactly 5 cases above it (50 cases) and hides it with 4 (49 cases)', () => {
    expect(totals(waits(49))).toEqual([25, '..']);
    expect(totals(waits(50))).toEqual([25.5, 45]);
  });

  it('judges each row on its own cases: a small row shows .. while the total beside it is published', () => {
    const cases = [...waits(8, 'ngo'), ...waits(52, 'health')];
    const { tables } = summaryTables(cases, { period: month, dimensions: ['sector'], measures: ['consulted', ...STATS] });
    const [count, medianDays, p90] = tables;
    const ngo = count!.rows!.codes.indexOf('ngo');
    const health = count!.rows!.codes.indexOf('health');
    expect(count!.rowTotals[ngo]).toBe(8);
    expect([medianDays!.rowTotals[ngo], p90!.rowTotals[ngo]]).toEqual(['..', '..']);
    expect([medianDays!.rowTotals[health], p90!.rowTotals[health]]).toEqual([26.5, 47]);
    expect(typeof medianDays!.total).toBe('number');
    expect(typeof p90!.total).toBe('number');
  });

  it('hides the headline median under the same rule', () => {
    expect(headline(waits(10), month).medianDaysToConsultation).toBe('..');
    expect(headline(waits(11), month).medianDaysToConsultation).toBe(6);
  });

  it('writes .. into the otk-summary/1 file and the CSV, and the national merge publishes no median or percentile', () => {
    const request = { period: month, dimensions: ['sector'], measures: ['consulted', ...STATS] } as const;
    const producer = (area: 'etela' | 'ita') => ({ producer: { kind: 'centre', area, name: `OT-keskus ${area}` } as const, generatedAt: '2026-02-01T08:00:00Z' });
    const file = buildSummary([...waits(8, 'ngo'), ...waits(52, 'health')], { ...request, measures: [...request.measures] }, producer('etela'));
    const json = parseSummaryFile(serializeSummary(file));
    const ngo = json.tables[0]!.rows!.codes.indexOf('ngo');
    expect([json.tables[1]!.rowTotals[ngo], json.tables[2]!.rowTotals[ngo]]).toEqual(['..', '..']);
    const csvLine = summaryCsv(file, csvLabels('fi'))
      .split('\r\n')
      .find((line) => line.startsWith('Järjestö;'));
    expect(csvLine?.split(';').slice(1)).toEqual(['8', '..', '..']);
    const other = buildSummary(waits(60, 'ngo'), { ...request, measures: [...request.measures] }, producer('ita'));
    const merged = mergeSummaries([file, other], '2026-02-02T08:00:00Z');
    for (const table of merged.tables.slice(1)) expect([...table.rowTotals, table.total].every((cell) => cell === '..')).toBe(true);
    expect(merged.notes).toContain('stats-not-combined');
  });

  it('never publishes a value that is one of the 5 longest or 5 shortest waits of its cases (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 120 }), (days) => {
        const [medianCell, p90Cell] = totals(days.map((d) => consulted(d)));
        const sorted = [...days].sort((a, b) => a - b);
        for (const cell of [medianCell, p90Cell]) {
          if (typeof cell !== 'number') continue;
          // At least 6 cases at or below and at or above it: 5 on each side plus the ones that make it up.
          expect(sorted.filter((d) => d <= cell).length).toBeGreaterThanOrEqual(MIN_CASES + 1);
          expect(sorted.filter((d) => d >= cell).length).toBeGreaterThanOrEqual(MIN_CASES + 1);
        }
      }),
    );
  });
});
