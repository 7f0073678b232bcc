import { aggregateSteps, type Aggregate } from './aggregate';
import { finish, type Steps } from '../steps';
import type { SummaryCase } from './input';
import { isTotalSlot, measureConstraints, tableConstraints, type TableLayout } from './layout';
import { isCountMeasure, summaryRequestSchema, type CountMeasure, type StatMeasure, type SummaryDimension, type SummaryMeasure, type SummaryRequestInput } from './spec';
import { casesBeside, percent } from './stats';
import { hiddenMarker, suppress, PUBLISHED, type Constraint, type SuppressionProblem, type SuppressionResult } from './suppress';

/** A published count: the number, '<5' (1–4, hidden) or '..' (hidden to protect another count; at least 1). */
export type CountCell = number | '<5' | '..';
/** A published median, percentile or share, or '..' (too few cases on either side of it or in its base, or derived from a hidden count). */
export type StatCell = number | '..';
export type SummaryCell = CountCell;

export interface SummaryAxis {
  dimension: SummaryDimension;
  codes: string[];
}

/**
 * One measure broken down by the spec's dimensions, suppressed. Two dimensions: `cells[row][column]`
 * with row totals, column totals and the total. One: `rows` only, the values are `rowTotals`
 * (`cells` and `columnTotals` are empty). None: only `total`.
 */
export interface SummaryTable {
  measure: SummaryMeasure;
  rows: SummaryAxis | null;
  columns: SummaryAxis | null;
  /** A theme breakdown: a case with several themes counts once per theme; totals count each case once. */
  multiCounted: boolean;
  cells: SummaryCell[][];
  rowTotals: SummaryCell[];
  columnTotals: SummaryCell[];
  total: SummaryCell;
}

/** Codes of the notes a summary carries (i18n `summary.note.<code>`). */
export const SUMMARY_NOTES = ['multi-counted', 'stats-not-combined'] as const;
export type SummaryNote = (typeof SUMMARY_NOTES)[number];

/**
 * The disclosure threshold, the same as for counts: a share is computed from at least 5 cases, and
 * a median or 90th percentile is published only when at least 5 cases lie on each side of it (so
 * the median needs 11 timed cases, the 90th percentile 50; see casesBeside in ./stats).
 */
export const MIN_CASES = 5;

/** Lays flat slot values out as a table. */
export function shapeTable(layout: TableLayout, measure: SummaryMeasure, cellAt: (slot: number) => SummaryCell): SummaryTable {
  const { R, C } = layout;
  const axis = (a: TableLayout['rows']) => (a ? { dimension: a.dimension, codes: [...a.codes] } : null);
  return {
    measure,
    rows: axis(layout.rows),
    columns: axis(layout.columns),
    multiCounted: layout.multiCounted,
    cells: C === 0 ? [] : Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => cellAt(r * C + c))),
    rowTotals: Array.from({ length: R }, (_, r) => cellAt(R * C + r)),
    columnTotals: Array.from({ length: C }, (_, c) => cellAt(R * C + R + c)),
    total: cellAt(layout.size - 1),
  };
}

/** The suppression problem of several count tables of one layout, laid one after another. */
export function countProblem(
  layout: TableLayout,
  measures: readonly CountMeasure[],
  valueOf: (measure: CountMeasure, slot: number) => number,
  options: { unknownLo?: (m: CountMeasure, slot: number) => number; unknownHi?: (m: CountMeasure, slot: number) => number; relationsHoldOnly?: boolean } = {},
): { problem: SuppressionProblem; offsets: Partial<Record<CountMeasure, number>> } {
  const size = layout.size;
  const n = size * measures.length;
  const value = new Float64Array(n);
  const isTotal = new Uint8Array(n);
  const unknownLo = options.unknownLo ? new Float64Array(n) : undefined;
  const unknownHi = options.unknownHi ? new Float64Array(n) : undefined;
  const offsets: Partial<Record<CountMeasure, number>> = {};
  const constraints: Constraint[] = [];
  measures.forEach((measure, t) => {
    const offset = t * size;
    offsets[measure] = offset;
    for (let slot = 0; slot < size; slot++) {
      value[offset + slot] = valueOf(measure, slot);
      isTotal[offset + slot] = isTotalSlot(layout, slot) ? 1 : 0;
      if (unknownLo) unknownLo[offset + slot] = options.unknownLo!(measure, slot);
      if (unknownHi) unknownHi[offset + slot] = options.unknownHi!(measure, slot);
    }
    constraints.push(...tableConstraints(layout, offset));
  });
  const sum = (vars: readonly number[]) => vars.reduce((acc, v) => acc + value[v]!, 0);
  const holds = options.relationsHoldOnly ? (c: Constraint) => sum(c.plus) >= sum(c.minus) : undefined;
  constraints.push(...measureConstraints(layout, offsets, holds));
  return { problem: { value, isTotal, constraints, unknownLo, unknownHi }, offsets };
}

/** The published form of every count variable after suppression. */
export function countCells(problem: SuppressionProblem, result: SuppressionResult): CountCell[] {
  return Array.from(result.state, (state, i) => (state === PUBLISHED ? problem.value[i]! : hiddenMarker(result, problem, i)));
}

function statCell(agg: Aggregate, measure: StatMeasure, slot: number, consultedHidden: (slot: number) => boolean): StatCell {
  if (consultedHidden(slot)) return '..';
  if (measure === 'targetMetShare') {
    const known = agg.targetKnown[slot]!;
    const met = agg.targetMet[slot]!;
    // A share is a distribution of the cases over met / not met: both parts follow the count rule.
    const small = (v: number) => v >= 1 && v < MIN_CASES;
    if (known < MIN_CASES || small(met) || small(known - met)) return '..';
    return percent(met, known);
  }
  // With fewer than 5 cases above it, the 90th percentile of 8 cases is the longest wait: one case's own.
  const median = measure === 'medianDaysToConsultation';
  if (casesBeside(median ? 'median' : 'p90', agg.timed[slot]!) < MIN_CASES) return '..';
  const v = median ? agg.medianDays[slot]! : agg.p90Days[slot]!;
  return Number.isNaN(v) ? '..' : v;
}

/**
 * The suppressed tables of a request over the cases (see ./suppress for the rules). Count tables are
 * suppressed together, so relations between measures cannot reveal a hidden count either. A share is
 * published only when computed from at least 5 cases (and both its parts are 0 or 5+), a median or
 * 90th percentile only when at least 5 cases lie on each side of it; and, when the 'consulted' count
 * is in the same summary, only where that count is published.
 */
export function summaryTables(cases: readonly SummaryCase[], request: SummaryRequestInput): SummaryTables {
  return finish(summaryTablesSteps(cases, request));
}

export interface SummaryTables {
  tables: SummaryTable[];
  notes: SummaryNote[];
}

/** `summaryTables` as steps (shared/steps.ts): yields while aggregating and before the suppression. */
export function* summaryTablesSteps(cases: readonly SummaryCase[], request: SummaryRequestInput): Steps<SummaryTables> {
  const spec = summaryRequestSchema.parse(request);
  const needsDays = spec.measures.some((m) => m === 'medianDaysToConsultation' || m === 'p90DaysToConsultation');
  const agg = yield* aggregateSteps(cases, spec.period, spec.dimensions, needsDays);
  yield;
  const layout = agg.layout;
  const countMeasures = spec.measures.filter(isCountMeasure);
  const { problem, offsets } = countProblem(layout, countMeasures, (m, slot) => agg.counts[m][slot]!, { relationsHoldOnly: true });
  const result = suppress(problem);
  const published = countCells(problem, result);
  const consultedAt = offsets.consulted;
  const consultedHidden = (slot: number) => consultedAt !== undefined && result.state[consultedAt + slot] !== PUBLISHED;
  const tables = spec.measures.map((measure) => {
    if (isCountMeasure(measure)) {
      const offset = offsets[measure]!;
      return shapeTable(layout, measure, (slot) => published[offset + slot]!);
    }
    return shapeTable(layout, measure, (slot) => statCell(agg, measure, slot, consultedHidden));
  });
  return { tables, notes: layout.multiCounted ? ['multi-counted'] : [] };
}
