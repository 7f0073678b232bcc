import type { SummaryCase } from './input';
import type { SummaryPeriod } from './period';
import type { SummaryDimension, SummaryMeasure } from './spec';
import { summaryTablesSteps, type SummaryCell } from './tables';
import { finish, type Steps } from '../steps';

/**
 * Per-month series for the trend chart: one measure by month of receipt, optionally one line per
 * category of a second dimension, suppressed as the table months × categories would be (so a
 * point that the chart hides cannot be read off the total line either).
 */
export interface TrendSeries {
  /** The category, or null for the line of all requests. */
  code: string | null;
  points: SummaryCell[];
}

export interface Trend {
  measure: SummaryMeasure;
  months: string[];
  dimension: Exclude<SummaryDimension, 'month'> | null;
  /** The line of all requests first, then one per category. */
  series: TrendSeries[];
  multiCounted: boolean;
}

export interface TrendRequest {
  period: SummaryPeriod;
  measure: SummaryMeasure;
  dimension?: Exclude<SummaryDimension, 'month'> | null;
}

export function trend(cases: readonly SummaryCase[], request: TrendRequest): Trend {
  return finish(trendSteps(cases, request));
}

/** `trend` as steps (shared/steps.ts). */
export function* trendSteps(cases: readonly SummaryCase[], request: TrendRequest): Steps<Trend> {
  const dimension = request.dimension ?? null;
  const table = (yield* summaryTablesSteps(cases, { period: request.period, dimensions: dimension ? ['month', dimension] : ['month'], measures: [request.measure] })).tables[0]!;
  const months = table.rows!.codes;
  const series: TrendSeries[] = [{ code: null, points: [...table.rowTotals] }];
  table.columns?.codes.forEach((code, c) => series.push({ code, points: table.cells.map((row) => row[c]!) }));
  return { measure: request.measure, months, dimension, series, multiCounted: table.multiCounted };
}
