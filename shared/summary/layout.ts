import { isMultiValued } from './dimensions';
import type { CountMeasure, SummaryDimension } from './spec';
import type { Constraint } from './problem';

/**
 * The slots of one table, flat: R×C cells (row-major), R row totals, C column totals, the total.
 * A table with one dimension has C = 0 (its values are the row totals); with none, R = C = 0.
 */
export interface Axis {
  readonly dimension: SummaryDimension;
  readonly codes: readonly string[];
}

export interface TableLayout {
  readonly rows: Axis | null;
  readonly columns: Axis | null;
  readonly R: number;
  readonly C: number;
  readonly size: number;
  /** A theme axis: a case counts once per theme, so totals across themes are not sums of cells. */
  readonly multiCounted: boolean;
}

export function tableLayout(rows: Axis | null, columns: Axis | null): TableLayout {
  const R = rows?.codes.length ?? 0;
  const C = columns?.codes.length ?? 0;
  const multiCounted = (rows !== null && isMultiValued(rows.dimension)) || (columns !== null && isMultiValued(columns.dimension));
  return { rows, columns, R, C, size: R * C + R + C + 1, multiCounted };
}

export const cellSlot = (l: TableLayout, r: number, c: number) => r * l.C + c;
export const rowTotalSlot = (l: TableLayout, r: number) => l.R * l.C + r;
export const columnTotalSlot = (l: TableLayout, c: number) => l.R * l.C + l.R + c;
export const totalSlot = (l: TableLayout) => l.size - 1;
/** The total, and row and column totals of a two-dimensional table (a one-dimensional table's values are its row slots). */
export const isTotalSlot = (l: TableLayout, slot: number) => slot === l.size - 1 || (l.C > 0 && slot >= l.R * l.C);

/**
 * A line: `total` and its `parts`. When every case falls into exactly one part the total is their
 * sum; when a case may fall into several (themes), each part is at most the total and the parts
 * add up to at least the total — a reader knows that much, so it is a relation too.
 */
function line(total: number, parts: number[], additive: boolean, out: Constraint[]): void {
  if (parts.length === 0) return;
  if (additive) {
    out.push({ plus: [total], minus: parts, kind: 'eq', line: true });
    return;
  }
  out.push({ plus: parts, minus: [total], kind: 'ge', line: true });
  for (const part of parts) out.push({ plus: [total], minus: [part], kind: 'ge', line: false });
}

/** The relations inside one table whose slots start at `offset`. */
export function tableConstraints(l: TableLayout, offset: number): Constraint[] {
  const out: Constraint[] = [];
  const rowsSingle = l.rows === null || !isMultiValued(l.rows.dimension);
  const columnsSingle = l.columns === null || !isMultiValued(l.columns.dimension);
  const at = (slot: number) => offset + slot;
  for (let r = 0; r < l.R; r++) {
    const parts = Array.from({ length: l.C }, (_, c) => at(cellSlot(l, r, c)));
    line(at(rowTotalSlot(l, r)), parts, columnsSingle, out);
  }
  for (let c = 0; c < l.C; c++) {
    const parts = Array.from({ length: l.R }, (_, r) => at(cellSlot(l, r, c)));
    line(at(columnTotalSlot(l, c)), parts, rowsSingle, out);
  }
  line(at(totalSlot(l)), Array.from({ length: l.R }, (_, r) => at(rowTotalSlot(l, r))), rowsSingle, out);
  line(at(totalSlot(l)), Array.from({ length: l.C }, (_, c) => at(columnTotalSlot(l, c))), columnsSingle, out);
  return out;
}

/**
 * What every reader knows between the count measures of the same slot: declined requests are never
 * accepted, consultations need acceptance and closing needs a consultation, so
 * received ≥ accepted + declined, accepted ≥ consulted ≥ closed. Only the measures present are
 * related (received ≥ consulted when accepted is not published). `holds` filters out slots where
 * the data itself breaks a relation (then a reader's inference from it would be wrong anyway).
 */
export function measureConstraints(
  l: TableLayout,
  offsets: Partial<Record<CountMeasure, number>>,
  holds: (c: Constraint) => boolean = () => true,
): Constraint[] {
  const out: Constraint[] = [];
  const chain = (['accepted', 'consulted', 'closed'] as const).filter((m) => offsets[m] !== undefined);
  for (let slot = 0; slot < l.size; slot++) {
    const at = (m: CountMeasure) => offsets[m]! + slot;
    const candidates: Constraint[] = [];
    if (offsets.received !== undefined) {
      const parts = [...(chain.length > 0 ? [at(chain[0]!)] : []), ...(offsets.declined !== undefined ? [at('declined')] : [])];
      if (parts.length > 0) candidates.push({ plus: [at('received')], minus: parts, kind: 'ge', line: false });
    }
    for (let i = 0; i + 1 < chain.length; i++) candidates.push({ plus: [at(chain[i]!)], minus: [at(chain[i + 1]!)], kind: 'ge', line: false });
    out.push(...candidates.filter(holds));
  }
  return out;
}
