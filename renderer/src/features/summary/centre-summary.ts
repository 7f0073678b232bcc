import { casesInPeriod } from '../../../../shared/summary/aggregate';
import { buildSummarySteps, type SummaryFile, type SummaryProducer } from '../../../../shared/summary/output';
import { headlineSteps, type Headline } from '../../../../shared/summary/headline';
import { trendSteps, type Trend } from '../../../../shared/summary/trend';
import type { SummaryRequest } from '../../../../shared/summary/spec';
import type { Steps } from '../../../../shared/steps';
import type { CaseRow } from '../../../../shared/domain/case-row';

/** What the summaries screen shows: the suppressed tables (the file), the headline and the trend. */
export interface CentreSummary {
  file: SummaryFile;
  headline: Headline;
  trend: Trend;
}

/**
 * The centre's summary of the index's rows as steps (run in slices by queries/run-steps): the
 * period's cases are selected once — every part reads only those — then the tables, the headline
 * and the trend of received requests by month. The rows are copied first: the index splices its
 * array in place as cases change, and a summary is of one moment.
 */
export function* centreSummarySteps(rows: readonly CaseRow[], request: SummaryRequest, producer: SummaryProducer, generatedAt: string): Steps<CentreSummary> {
  const cases = yield* casesInPeriod(rows.slice(), request.period, (row) => row.summary);
  const file = yield* buildSummarySteps(cases, request, { producer, generatedAt });
  const headline = yield* headlineSteps(cases, request.period);
  const trend = yield* trendSteps(cases, { period: request.period, measure: 'received' });
  return { file, headline, trend };
}
