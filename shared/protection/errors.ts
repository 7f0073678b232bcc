import { encodeMessage } from '../domain/messages';

/**
 * Why a protection step refused. Every failure of unlocking, unsealing or parsing key material is
 * one of these, never a raw DOMException, so the app can show a clear message under the i18n key
 * `protection.error.<code>` (parameters, e.g. the recovery-key group with a typo, in `params`).
 */
export const PROTECTION_ERROR_CODES = [
  /** The passphrase does not open the profile's data key. */
  'wrong-passphrase',
  /** The recovery key is well formed but does not open the data key. */
  'wrong-recovery-key',
  /** The recovery key has a typo: a group's check character or the length does not match. */
  'recovery-key-typo',
  /** The key envelope holds no recovery-key wrapping. */
  'no-recovery-key',
  /** The key derivation is weaker than this app accepts (too few PBKDF2 iterations). */
  'weak-kdf',
  /** The key envelope is not readable (bad JSON shape, unknown algorithms, wrong sizes). */
  'invalid-envelope',
  /** A sealed value does not authenticate: edited, moved to another record/field, or another key. */
  'tampered',
  /** Not a sealed value at all (wrong shape or base64). */
  'invalid-sealed-value',
  /** The profile's role does not allow the action on this case. */
  'not-permitted',
  /** Too many wrong passphrases: the profile opens again after a delay (params.seconds). */
  'unlock-delayed',
] as const;

export type ProtectionErrorCode = (typeof PROTECTION_ERROR_CODES)[number];

export class ProtectionError extends Error {
  constructor(
    readonly code: ProtectionErrorCode,
    message: string = code,
    readonly params: Readonly<Record<string, string | number>> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ProtectionError';
  }

  /** The i18n key of the user-facing message. */
  get messageKey(): `protection.error.${ProtectionErrorCode}` {
    return `protection.error.${this.code}`;
  }

  /** The key with its parameters, as one string (see shared/domain/messages). */
  get encodedMessage(): string {
    return encodeMessage(this.messageKey, this.params);
  }
}

export function isProtectionError(error: unknown, code?: ProtectionErrorCode): error is ProtectionError {
  return error instanceof ProtectionError && (code === undefined || error.code === code);
}
