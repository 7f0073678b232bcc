/**
 * Why a bundle was refused. Every failure of decoding is one of these — never garbage data and
 * never another exception type — and nothing has been written when one is thrown. The renderer
 * shows the message under the i18n key `bundle.error.<code>`.
 */
export const BUNDLE_ERROR_CODES = [
  /** Not an .otk bundle at all (no magic bytes). */
  'not-a-bundle',
  /** Made by a newer app: newer format version or newer record schema version. */
  'newer-format',
  /** The passphrase does not open the data key (or the key material in the header was changed). */
  'wrong-passphrase',
  /** The header or the payload was changed, reordered or has bytes appended. */
  'tampered',
  /** The file ends early (mid-chunk, or at a chunk boundary before the last chunk). */
  'truncated',
  /** The bundle is addressed to another installation. */
  'wrong-recipient',
  /** The key derivation is weaker than this app accepts (too few PBKDF2 iterations). */
  'weak-kdf',
  /** The header is not readable: bad JSON, missing or invalid fields, unknown algorithms. */
  'invalid-header',
  /** Authentic, but the payload inside does not decode (a bug in the sending app). */
  'invalid-payload',
  /** An installation's backup (format version 2, shared/backup), not an exchange file: restored on the first-run screen. */
  'backup-file',
] as const;

export type BundleErrorCode = (typeof BUNDLE_ERROR_CODES)[number];

export class BundleError extends Error {
  constructor(
    readonly code: BundleErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BundleError';
  }

  /** The i18n key of the user-facing message. */
  get messageKey(): `bundle.error.${BundleErrorCode}` {
    return `bundle.error.${this.code}`;
  }
}

export function isBundleError(error: unknown): error is BundleError {
  return error instanceof BundleError;
}
