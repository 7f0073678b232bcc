import type { SummaryCase } from './input';
import type { SummaryPeriod } from './period';
import { summaryTablesSteps, type CountCell, type StatCell } from './tables';
import { finish, type Steps } from '../steps';

/**
 * The headline numbers of a period, suppressed like any table: requests received, the median
 * days from receipt to consultation, the share of consultations held by the target date and the
 * most frequent themes (a case counts once per theme; only themes with a published count, so a
 * theme with 1–4 requests never shows up here).
 */
export interface Headline {
  requests: CountCell;
  medianDaysToConsultation: StatCell;
  targetMetShare: StatCell;
  topThemes: { theme: string; requests: number }[];
}

export function headline(cases: readonly SummaryCase[], period: SummaryPeriod, topThemes = 5): Headline {
  return finish(headlineSteps(cases, period, topThemes));
}

/** `headline` as steps (shared/steps.ts). */
export function* headlineSteps(cases: readonly SummaryCase[], period: SummaryPeriod, topThemes = 5): Steps<Headline> {
  const overall = (yield* summaryTablesSteps(cases, { period, dimensions: [], measures: ['received', 'medianDaysToConsultation', 'targetMetShare'] })).tables;
  const [received, medianDays, share] = overall;
  const themes = (yield* summaryTablesSteps(cases, { period, dimensions: ['theme'], measures: ['received'] })).tables[0]!;
  const ranked = themes.rows!.codes
    .map((theme, i) => ({ theme, requests: themes.rowTotals[i]!, order: i }))
    .filter((t): t is { theme: string; requests: number; order: number } => typeof t.requests === 'number' && t.requests > 0)
    .sort((a, b) => b.requests - a.requests || a.order - b.order)
    .slice(0, topThemes)
    .map(({ theme, requests }) => ({ theme, requests }));
  return {
    requests: received!.total as CountCell,
    medianDaysToConsultation: medianDays!.total as StatCell,
    targetMetShare: share!.total as StatCell,
    topThemes: ranked,
  };
}
