/** Anonymised activity summaries: the pure engine (aggregation, disclosure control, files, CSV). */
export { summaryCaseOf, type SummaryCase } from './input';
export { periodSchema, periodMonths, periodBounds, samePeriod, monthOfDate, type SummaryPeriod, type MonthCode } from './period';
export {
  SUMMARY_DIMENSIONS,
  SUMMARY_MEASURES,
  COUNT_MEASURES,
  STAT_MEASURES,
  summarySpecSchema,
  summaryRequestSchema,
  type SummaryDimension,
  type SummaryMeasure,
  type SummarySpec,
  type SummaryRequest,
  type SummaryRequestInput,
} from './spec';
export { NOT_RECORDED } from './dimensions';
export { casesInPeriod } from './aggregate';
export { summaryTables, summaryTablesSteps, MIN_CASES, SUMMARY_NOTES, type SummaryTable, type SummaryCell, type CountCell, type StatCell, type SummaryNote } from './tables';
export { buildSummary, buildSummarySteps, parseSummaryFile, serializeSummary, summaryFileSchema, SUMMARY_FORMAT, type SummaryFile, type SummaryProducer } from './output';
export { mergeSummaries, mergeSummaryFiles } from './merge';
export { SummaryError, isSummaryError, SUMMARY_ERROR_CODES, type SummaryErrorCode } from './errors';
export { summaryCsv, csvField, type CsvLabels, type CsvLanguage, type SummaryHeaderKey } from './csv';
export { headline, headlineSteps, type Headline } from './headline';
export { trend, trendSteps, type Trend, type TrendSeries, type TrendRequest } from './trend';
export { SUMMARY_MSG, SUMMARY_TEXT, SUMMARY_LABEL_PREFIX } from './messages';
