import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COUNT_MEASURES, SUMMARY_DIMENSIONS, type SummaryDimension } from '../../../../shared/summary/spec';
import { summaryTables, type SummaryCell, type SummaryTable } from '../../../../shared/summary/tables';
import { derivableHidden } from './exact-audit';
import { generateCases } from './fixtures';
import { additiveSlots, allCells, gridLayout, suppressGrid } from './table-helpers';

/** Mostly small counts, so that most tables need suppression. */
const count = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 2, arbitrary: fc.integer({ min: 5, max: 9 }) },
  { weight: 2, arbitrary: fc.integer({ min: 10, max: 40 }) },
);
const grid = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 6 }))
  .chain(([R, C]) => fc.tuple(fc.constant(R), fc.constant(C), fc.array(fc.array(count, { minLength: Math.max(C, 1), maxLength: Math.max(C, 1) }), { minLength: R, maxLength: R })));

const inOneToFour = (cell: SummaryCell) => typeof cell === 'number' && cell >= 1 && cell <= 4;

describe('suppression properties', () => {
  it('random tables: no published count is 1–4 and no hidden count follows exactly from the published ones', () => {
    fc.assert(
      fc.property(grid, ([R, C, cells]) => {
        const layout = gridLayout(R, C);
        const { table, result } = suppressGrid(layout, additiveSlots(layout, cells));
        expect(allCells(table).filter(inOneToFour)).toEqual([]);
        expect(derivableHidden(table)).toEqual([]);
        expect(result.unresolved).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('random case sets, any two dimensions (themes counted per theme): the same holds for every count table', () => {
    const dimensions = fc.uniqueArray(fc.constantFrom(...SUMMARY_DIMENSIONS.filter((d): d is SummaryDimension => d !== 'region' && d !== 'network')), { minLength: 0, maxLength: 2 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer(), dimensions, (n, seed, dims) => {
        const months = ['2026-01', '2026-02', '2026-03'];
        const cases = generateCases(n, seed, months);
        const { tables } = summaryTables(cases, { period: { kind: 'quarter', year: 2026, quarter: 1 }, dimensions: dims, measures: [...COUNT_MEASURES] });
        for (const table of tables) {
          expect(allCells(table).filter(inOneToFour)).toEqual([]);
          expect(derivableHidden(table)).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('small tables: no <5 has a single possible value, even using the ranges of the hidden counts (brute force)', () => {
    const small = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 12 }));
    const tables = fc.oneof(
      fc.tuple(fc.constant(2), fc.constant(2), fc.array(fc.array(small, { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 2 })),
      fc.integer({ min: 2, max: 4 }).chain((R) => fc.tuple(fc.constant(R), fc.constant(0), fc.array(fc.array(small, { minLength: 1, maxLength: 1 }), { minLength: R, maxLength: R }))),
    );
    fc.assert(
      fc.property(tables, ([R, C, cells]) => {
        const layout = gridLayout(R, C);
        const { table, result } = suppressGrid(layout, additiveSlots(layout, cells));
        const wideCells = new Set(Array.from(result.wide.entries()).filter(([, w]) => w).map(([i]) => i));
        const feasible = enumerate(table, 30, wideCells);
        for (const [name, values] of feasible) expect({ name, values: values.size > 1 }).toEqual({ name, values: true });
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Every value each hidden '<5' (or widened '..') of a small additive table can take, over all
 * completions a reader would accept: '<5' is 1–4, '..' is 5 or more (1 or more when widened; a
 * hidden cell is tried up to `max`, above every cell of the generated tables).
 */
function enumerate(table: SummaryTable, max: number, wideSlots: Set<number>): Map<string, Set<number>> {
  const R = table.rows!.codes.length;
  const C = table.columns?.codes.length ?? 0;
  const cellsFlat: SummaryCell[] = C === 0 ? [...table.rowTotals] : table.cells.flat();
  const domain = (cell: SummaryCell, slot: number): number[] => {
    if (typeof cell === 'number') return [cell];
    if (cell === '<5') return [1, 2, 3, 4];
    const from = wideSlots.has(slot) ? 1 : 5;
    return Array.from({ length: max - from + 1 }, (_, i) => from + i);
  };
  const domains = cellsFlat.map((cell, i) => domain(cell, i));
  const allowed = (cell: SummaryCell, slot: number, v: number) =>
    typeof cell === 'number' ? v === cell : cell === '<5' ? v >= 1 && v <= 4 : v >= (wideSlots.has(slot) ? 1 : 5);
  const totals: { cell: SummaryCell; slot: number; of: (v: number[]) => number }[] = [];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (C > 0) {
    for (let r = 0; r < R; r++) totals.push({ cell: table.rowTotals[r]!, slot: R * C + r, of: (v) => sum(v.slice(r * C, r * C + C)) });
    for (let c = 0; c < C; c++) totals.push({ cell: table.columnTotals[c]!, slot: R * C + R + c, of: (v) => sum(Array.from({ length: R }, (_, r) => v[r * C + c]!)) });
  }
  totals.push({ cell: table.total, slot: C === 0 ? R : R * C + R + C, of: sum });
  const tracked = [
    ...cellsFlat.map((cell, i) => ({ name: `cell ${i}`, cell, slot: i, of: (v: number[]) => v[i]! })),
    ...totals.map((t) => ({ name: `total ${t.slot}`, ...t })),
  ].filter((t) => t.cell === '<5' || (t.cell === '..' && wideSlots.has(t.slot)));
  const seen = new Map(tracked.map((t) => [t.name, new Set<number>()]));
  const values: number[] = [];
  const walk = (i: number) => {
    if (i === domains.length) {
      for (const t of totals) {
        if (!allowed(t.cell, t.slot, t.of(values))) return;
      }
      for (const t of tracked) seen.get(t.name)!.add(t.of(values));
      return;
    }
    for (const v of domains[i]!) {
      values.push(v);
      walk(i + 1);
      values.pop();
    }
  };
  walk(0);
  return seen;
}
