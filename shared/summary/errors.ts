import { SUMMARY_LABEL_PREFIX } from './messages';

/**
 * Why a summary file was refused (import for the national view, or merging). The renderer shows
 * the message under the i18n key `summary.error.<code>`.
 */
export const SUMMARY_ERROR_CODES = [
  /** Not UTF-8 JSON at all. */
  'not-json',
  /** JSON, but not an `otk-summary/1` file: a case-level export, an encrypted .otk bundle, anything else. */
  'wrong-format',
  /** An `otk-summary/N` file from a newer app. */
  'newer-version',
  /** Two files from the same centre (or overlapping combined files) for the period. */
  'duplicate-centre',
  /** The files cover different periods. */
  'period-mismatch',
  /** The files break the cases down differently (dimensions or measures). */
  'spec-mismatch',
  /** Nothing to combine. */
  'no-input',
] as const;
export type SummaryErrorCode = (typeof SUMMARY_ERROR_CODES)[number];

/** What a 'wrong-format' file looked like, for a more helpful message. */
export type WrongFormatDetail = 'encrypted-bundle' | 'case-level' | 'invalid';

export class SummaryError extends Error {
  constructor(
    readonly code: SummaryErrorCode,
    message: string,
    readonly details: { fileIndex?: number; detail?: WrongFormatDetail; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
    this.name = 'SummaryError';
  }

  /** The i18n key of the user-facing message. */
  get messageKey(): `summary.error.${SummaryErrorCode}` {
    return `${SUMMARY_LABEL_PREFIX.error}${this.code}`;
  }

  /** Which file (0-based, in the order given) was refused, when one was. */
  get fileIndex(): number | undefined {
    return this.details.fileIndex;
  }
}

export function isSummaryError(error: unknown): error is SummaryError {
  return error instanceof SummaryError;
}
