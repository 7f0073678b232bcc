import { isMultiValued, multiValues, orderedCodes, singleValue } from './dimensions';
import type { SummaryCase } from './input';
import { cellSlot, columnTotalSlot, rowTotalSlot, tableLayout, totalSlot, type Axis, type TableLayout } from './layout';
import { periodMonths, type SummaryPeriod } from './period';
import { COUNT_MEASURES, type CountMeasure, type SummaryDimension } from './spec';
import { median, percentile90 } from './stats';
import { finish, STEP_ITEMS, type Steps } from '../steps';

/** True (unsuppressed) values per slot of the layout: what the engine works from, never published as such. */
export interface Aggregate {
  readonly layout: TableLayout;
  readonly counts: Readonly<Record<CountMeasure, Int32Array>>;
  /** Cases with a consultation day (the base of the day statistics). */
  readonly timed: Int32Array;
  readonly medianDays: Float64Array;
  readonly p90Days: Float64Array;
  /** Cases whose target was assessed (held), and of them those held by the target date. */
  readonly targetKnown: Int32Array;
  readonly targetMet: Int32Array;
}

type Categorise = (c: SummaryCase, out: Int32Array) => number;

function categoriser(dimension: SummaryDimension, index: ReadonlyMap<string, number>): Categorise {
  if (isMultiValued(dimension)) {
    return (c, out) => {
      const values = multiValues(dimension, c);
      for (let i = 0; i < values.length; i++) out[i] = index.get(values[i]!)!;
      return values.length;
    };
  }
  return (c, out) => {
    out[0] = index.get(singleValue(dimension, c))!;
    return 1;
  };
}

function* axisOf(dimension: SummaryDimension, months: readonly string[], cases: readonly SummaryCase[]): Steps<Axis> {
  const seen = new Set<string>();
  const note = isMultiValued(dimension)
    ? (c: SummaryCase) => {
        for (const code of multiValues(dimension, c)) seen.add(code);
      }
    : dimension === 'month'
      ? null
      : (c: SummaryCase) => void seen.add(singleValue(dimension, c));
  if (note) {
    for (let i = 0; i < cases.length; i++) {
      note(cases[i]!);
      if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
    }
  }
  return { dimension, codes: orderedCodes(dimension, months, seen) };
}

/**
 * One pass over the cases of the period (by month of receipt), accumulating every count measure,
 * the days to consultation and the target outcome into each slot a case falls into: its cells,
 * row and column totals (once each, even for a case with several themes) and the total.
 */
export function aggregate(cases: readonly SummaryCase[], period: SummaryPeriod, dimensions: readonly SummaryDimension[], withDays = true): Aggregate {
  return finish(aggregateSteps(cases, period, dimensions, withDays));
}

/**
 * The cases received in the period (each item's summary case, by `caseOf`), yielding every
 * STEP_ITEMS items. Every summary reads only these, so a caller computing several summaries of
 * one period can select once and pass the selection on.
 */
export function* casesInPeriod<T>(items: readonly T[], period: SummaryPeriod, caseOf: (item: T) => SummaryCase): Steps<SummaryCase[]> {
  const inPeriod = new Set(periodMonths(period));
  const selected: SummaryCase[] = [];
  for (let i = 0; i < items.length; i++) {
    const c = caseOf(items[i]!);
    if (inPeriod.has(c.receivedMonth)) selected.push(c);
    if (i % STEP_ITEMS === STEP_ITEMS - 1) yield;
  }
  return selected;
}

/** `aggregate` as steps (shared/steps.ts): the same passes, yielding every STEP_ITEMS cases. */
export function* aggregateSteps(cases: readonly SummaryCase[], period: SummaryPeriod, dimensions: readonly SummaryDimension[], withDays = true): Steps<Aggregate> {
  const months = periodMonths(period);
  const selected = yield* casesInPeriod(cases, period, (c) => c);
  const axes: Axis[] = [];
  for (const d of dimensions) axes.push(yield* axisOf(d, months, selected));
  const layout = tableLayout(axes[0] ?? null, axes[1] ?? null);
  const { size } = layout;
  const indexOf = (axis: Axis | undefined) => new Map(axis?.codes.map((code, i) => [code, i]));
  const rowsOf = axes[0] ? categoriser(axes[0].dimension, indexOf(axes[0])) : () => 0;
  const columnsOf = axes[1] ? categoriser(axes[1].dimension, indexOf(axes[1])) : () => 0;

  const counts = Object.fromEntries(COUNT_MEASURES.map((m) => [m, new Int32Array(size)])) as Record<CountMeasure, Int32Array>;
  const { received, accepted, declined, consulted, closed } = counts;
  const timed = new Int32Array(size);
  const targetKnown = new Int32Array(size);
  const targetMet = new Int32Array(size);
  const days: number[][] = withDays ? Array.from({ length: size }, () => []) : [];
  // A case falls into at most one category per axis value, so the axis length bounds the buffers.
  const rows = new Int32Array(Math.max(1, layout.R));
  const columns = new Int32Array(Math.max(1, layout.C));
  const total = totalSlot(layout);
  let a = 0;
  let d = 0;
  let s = 0;
  let x = 0;
  let known = 0;
  let met = 0;
  let day: number | null = null;
  const add = (slot: number) => {
    received[slot]!++;
    accepted[slot]! += a;
    declined[slot]! += d;
    consulted[slot]! += s;
    closed[slot]! += x;
    targetKnown[slot]! += known;
    targetMet[slot]! += met;
    if (day !== null) {
      timed[slot]!++;
      if (withDays) days[slot]!.push(day);
    }
  };

  for (let n = 0; n < selected.length; n++) {
    const c = selected[n]!;
    if (n % STEP_ITEMS === STEP_ITEMS - 1) yield;
    a = c.accepted ? 1 : 0;
    d = c.declined ? 1 : 0;
    s = c.consulted ? 1 : 0;
    x = c.closed ? 1 : 0;
    day = c.daysToConsultation;
    known = c.targetMet === null ? 0 : 1;
    met = c.targetMet === true ? 1 : 0;
    const nr = rowsOf(c, rows);
    const nc = columnsOf(c, columns);
    for (let i = 0; i < nr; i++) add(rowTotalSlot(layout, rows[i]!));
    for (let j = 0; j < nc; j++) add(columnTotalSlot(layout, columns[j]!));
    for (let i = 0; i < nr; i++) for (let j = 0; j < nc; j++) add(cellSlot(layout, rows[i]!, columns[j]!));
    add(total);
  }

  const medianDays = new Float64Array(size).fill(Number.NaN);
  const p90Days = new Float64Array(size).fill(Number.NaN);
  if (withDays) {
    let sorted = 0;
    for (let slot = 0; slot < size; slot++) {
      const list = days[slot]!;
      if (list.length === 0) continue;
      sorted += list.length;
      if (sorted >= STEP_ITEMS * 4) {
        sorted = 0;
        yield;
      }
      const ordered = Float64Array.from(list).sort();
      medianDays[slot] = median(ordered);
      p90Days[slot] = percentile90(ordered);
    }
  }
  return { layout, counts, timed, medianDays, p90Days, targetKnown, targetMet };
}
