import { cellSlot, columnTotalSlot, rowTotalSlot, tableLayout, totalSlot, type TableLayout } from '../../../../shared/summary/layout';
import type { SummaryDimension } from '../../../../shared/summary/spec';
import { suppress, type SuppressionResult } from '../../../../shared/summary/suppress';
import { countCells, countProblem, shapeTable, type SummaryTable } from '../../../../shared/summary/tables';

/** A layout over made-up categories (`r0`, `r1`, … and `c0`, …). */
export function gridLayout(R: number, C: number, rowDimension: SummaryDimension = 'sector', columnDimension: SummaryDimension = 'ageBand'): TableLayout {
  const codes = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  return tableLayout(R > 0 ? { dimension: rowDimension, codes: codes('r', R) } : null, C > 0 ? { dimension: columnDimension, codes: codes('c', C) } : null);
}

/** Slot values of an additive table from its cells (C = 0: the cells are the row values). */
export function additiveSlots(layout: TableLayout, cells: readonly (readonly number[])[]): Float64Array {
  const v = new Float64Array(layout.size);
  const { R, C } = layout;
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const x = cells[r]![c]!;
      const add = (slot: number) => (v[slot] = v[slot]! + x);
      v[cellSlot(layout, r, c)] = x;
      add(rowTotalSlot(layout, r));
      add(columnTotalSlot(layout, c));
      add(totalSlot(layout));
    }
    if (C === 0) {
      v[rowTotalSlot(layout, r)] = cells[r]![0]!;
      v[totalSlot(layout)] = v[totalSlot(layout)]! + cells[r]![0]!;
    }
  }
  return v;
}

/** Suppresses one additive count table and returns it as published. */
export function suppressGrid(layout: TableLayout, slots: Float64Array): { table: SummaryTable; result: SuppressionResult } {
  const { problem } = countProblem(layout, ['received'], (_, slot) => slots[slot]!);
  const result = suppress(problem);
  const published = countCells(problem, result);
  return { table: shapeTable(layout, 'received', (slot) => published[slot]!), result };
}

export function allCells(table: SummaryTable) {
  return [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.total];
}
