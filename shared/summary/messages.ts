/**
 * i18n keys of the summary engine (`summary.*`). The engine itself is language-free: validation
 * messages and import errors are keys, and the CSV writer asks the caller for every header text by
 * one of these keys (SummaryHeaderKey) and for every category label by dimension and code.
 */
export const SUMMARY_MSG = {
  /** A custom range longer than MAX_PERIOD_MONTHS. */
  periodTooLong: 'summary.validation.periodTooLong',
  /** More than two grouping dimensions. */
  tooManyDimensions: 'summary.validation.tooManyDimensions',
  /** The same dimension or measure chosen twice. */
  duplicate: 'summary.validation.duplicate',
} as const;

/** Prefix of the header keys: `summary.dimension.<dimension>`, `summary.measure.<measure>`, … */
export const SUMMARY_LABEL_PREFIX = {
  dimension: 'summary.dimension.',
  measure: 'summary.measure.',
  note: 'summary.note.',
  error: 'summary.error.',
} as const;

/** Fixed header texts of the CSV. */
export const SUMMARY_TEXT = {
  producer: 'summary.csv.producer',
  period: 'summary.csv.period',
  total: 'summary.csv.total',
  /** The label of the 'none' code (not recorded / not yet closed / not routed). */
  notRecorded: 'summary.csv.notRecorded',
  /** Legend of '<5'. */
  lessThanFive: 'summary.csv.lessThanFive',
  /** Legend of '..'. */
  hidden: 'summary.csv.hidden',
  /** The producer of a combined (national) summary. */
  national: 'summary.csv.national',
} as const;
