import { describe, expect, it } from 'vitest';
import { determinedUnknowns } from '../../../../shared/summary/linear';
import { cellSlot, tableConstraints } from '../../../../shared/summary/layout';
import { derivableVars, pinnedVars, PRIMARY, PUBLISHED, SECONDARY } from '../../../../shared/summary/suppress';
import { summaryTables } from '../../../../shared/summary/tables';
import { generateCase, random } from './fixtures';
import { additiveSlots, allCells, gridLayout, suppressGrid } from './table-helpers';
import { derivableHidden } from './exact-audit';

const month = { kind: 'month', month: '2026-01' } as const;

describe('determinedUnknowns (exact elimination)', () => {
  it('finds the unknowns that equations fix and no others', () => {
    // x0 + x1 = a, x1 = b → both fixed; x2 + x3 = c → neither.
    expect(determinedUnknowns([[1, 1, 0, 0], [0, 1, 0, 0], [0, 0, 1, 1]], 4)).toEqual([0, 1]);
    expect(determinedUnknowns([[1, -1, 0], [0, 1, -1]], 3)).toEqual([]);
  });

  it('stays exact when coefficients outgrow safe integers', () => {
    const big = 2 ** 40;
    expect(determinedUnknowns([[big, big + 1, 0], [big + 3, big - 7, 0], [0, 1, 1]], 3)).toEqual([0, 1, 2]);
  });
});

describe('suppression', () => {
  it('hides 1–4 as <5 and one more count in the same line, shows zeros', () => {
    const layout = gridLayout(4, 0);
    const { table } = suppressGrid(layout, additiveSlots(layout, [[3], [0], [10], [12]]));
    expect(table.rowTotals).toEqual(['<5', 0, '..', 12]);
    expect(table.total).toBe(25);
  });

  it('hides a total when nothing else in its line can be hidden', () => {
    const layout = gridLayout(2, 2);
    // Row 0: a 2 beside a zero — its row total is 2 as well; column 0 then needs another.
    const { table } = suppressGrid(layout, additiveSlots(layout, [[2, 0], [9, 30]]));
    expect(table.cells).toEqual([['<5', 0], ['..', 30]]);
    expect(table.rowTotals).toEqual(['<5', '..']);
    expect(derivableHidden(table)).toEqual([]);
  });

  it('finds a hidden cell that only a combination of rows and columns reveals (a bridge)', () => {
    const layout = gridLayout(4, 4);
    const constraints = tableConstraints(layout, 0);
    const value = additiveSlots(layout, [[5, 6, 7, 8], [6, 7, 9, 9], [7, 8, 5, 6], [9, 9, 6, 7]]);
    const state = new Uint8Array(layout.size);
    const hidden = [[0, 0], [0, 1], [1, 0], [1, 1], [2, 2], [2, 3], [3, 2], [3, 3], [1, 2]];
    for (const [r, c] of hidden) state[cellSlot(layout, r!, c!)] = SECONDARY;
    // Every row and column with a hidden cell has two — the line rule is met — yet (1,2) joins two
    // closed cycles and follows from the totals.
    expect(derivableVars({ value, isTotal: new Uint8Array(layout.size), constraints }, state)).toEqual([cellSlot(layout, 1, 2)]);
  });

  it('finds a <5 pinned by what a reader knows about the hidden counts beside it', () => {
    const layout = gridLayout(3, 0);
    const value = additiveSlots(layout, [[1], [5], [20]]);
    const state = new Uint8Array(layout.size);
    state[0] = PRIMARY; // 1: 1–4
    state[1] = SECONDARY; // 5: at least 5 — and the two add up to 26 − 20 = 6, so 1 and 5
    const problem = { value, isTotal: new Uint8Array(layout.size), constraints: tableConstraints(layout, 0) };
    expect(pinnedVars(problem, state, new Uint8Array(layout.size))).toEqual([0]);
    expect(derivableVars(problem, state)).toEqual([]);
  });

  it('widens <5 to .. when the <5 counts of a line would add up to their only possible total', () => {
    const layout = gridLayout(5, 0);
    const { table, result } = suppressGrid(layout, additiveSlots(layout, [[1], [1], [1], [1], [0]]));
    expect(table.rowTotals).toEqual(['<5', '<5', '<5', '<5', 0]);
    expect(table.total).toBe('..');
    expect(result.unresolved).toEqual([]);
  });

  it('protects a count against relations between measures (received ≥ accepted + declined)', () => {
    const rnd = random(1);
    const cases = [
      ...Array.from({ length: 9 }, () => generateCase(rnd, ['2026-01'], { accepted: false, declined: true, consulted: false, closed: false, daysToConsultation: null, targetMet: null })),
      generateCase(rnd, ['2026-01'], { accepted: true, declined: false, consulted: false, closed: false, daysToConsultation: null, targetMet: null }),
    ];
    const { tables } = summaryTables(cases, { period: month, dimensions: [], measures: ['received', 'accepted', 'declined'] });
    // 10 received and 9 declined would leave exactly 1 accepted.
    expect(tables.map((t) => t.total)).toEqual([10, '<5', '..']);
  });

  it('leaves a large, dense table alone', () => {
    const layout = gridLayout(3, 3);
    const { table, result } = suppressGrid(layout, additiveSlots(layout, [[10, 20, 30], [0, 15, 25], [7, 8, 9]]));
    expect(allCells(table).every((c) => typeof c === 'number')).toBe(true);
    expect(result.state.every((s) => s === PUBLISHED)).toBe(true);
  });
});

describe('derived statistics', () => {
  const rnd = random(5);
  const consulted = (days: number, met: boolean) =>
    generateCase(rnd, ['2026-01'], { accepted: true, declined: false, consulted: true, daysToConsultation: days, targetMet: met });

  it('publishes shares only from 5 cases and when both parts are 0 or 5+; medians and percentiles with 5 cases on each side (percentiles.test.ts)', () => {
    const spec = { period: month, dimensions: [], measures: ['medianDaysToConsultation', 'p90DaysToConsultation', 'targetMetShare'] } as const;
    const four = [1, 2, 3, 4].map((d) => consulted(d, true));
    expect(summaryTables(four, { ...spec, measures: [...spec.measures] }).tables.map((t) => t.total)).toEqual(['..', '..', '..']);
    // 10 cases: 4 on each side of the median, none above the 90th percentile (it is one case's wait).
    const tenMet = Array.from({ length: 10 }, (_, i) => consulted(i, true));
    expect(summaryTables(tenMet, { ...spec, measures: [...spec.measures] }).tables.map((t) => t.total)).toEqual(['..', '..', 100]);
    const elevenMet = Array.from({ length: 11 }, (_, i) => consulted(i, true));
    expect(summaryTables(elevenMet, { ...spec, measures: [...spec.measures] }).tables.map((t) => t.total)).toEqual([5, '..', 100]);
    // 7 of 10 met: 3 missed the target — a share would reveal a count of 3.
    const sevenMet = Array.from({ length: 10 }, (_, i) => consulted(i, i < 7));
    expect(summaryTables(sevenMet, { ...spec, measures: [...spec.measures] }).tables.map((t) => t.total)).toEqual(['..', '..', '..']);
    const halfMet = Array.from({ length: 10 }, (_, i) => consulted(i, i < 5));
    expect(summaryTables(halfMet, { ...spec, measures: ['targetMetShare'] }).tables[0]!.total).toBe(50);
  });

  it("hides a median where the 'consulted' count of the same summary is hidden", () => {
    const cases = [
      ...Array.from({ length: 11 }, (_, i) => consulted(i, true)),
      ...Array.from({ length: 3 }, () => generateCase(rnd, ['2026-01'], { sector: 'ngo', accepted: true, declined: false, consulted: true, daysToConsultation: 2, targetMet: true })),
    ].map((c, i) => ({ ...c, sector: i < 11 ? 'health' : 'ngo' }));
    const { tables } = summaryTables(cases, { period: month, dimensions: ['sector'], measures: ['consulted', 'medianDaysToConsultation'] });
    const [count, medianDays] = tables;
    const health = count!.rows!.codes.indexOf('health');
    expect(count!.rowTotals[health]).toBe('..');
    expect(medianDays!.rowTotals[health]).toBe('..');
    expect(medianDays!.total).toBe(3.5);
  });
});
