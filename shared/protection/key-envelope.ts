import { z } from 'zod';
import { fromBase64 } from '../sync/bundle/bytes';
import { ProtectionError } from './errors';

/**
 * The key envelope: what a profile stores so that its passphrase (or the recovery key) opens the
 * installation's data key. JSON-safe, versioned, and holding nothing secret in the clear — the data
 * key only wrapped (AES-KW, RFC 3394) under keys derived from the passphrase or the recovery key.
 *
 *   { v: 1, dataKey: 'AES-256-GCM',
 *     passphrase: { kdf: 'PBKDF2-SHA-256', iterations, salt, wrap: 'AES-KW', wrappedKey },
 *     recovery:   { kdf: 'HKDF-SHA-256', salt, wrap: 'AES-KW', wrappedKey } | null }
 *
 * Salts are 16 random bytes and the wrapped key 40 bytes (a 32-byte key plus AES-KW's 8-byte
 * integrity block), both in canonical padded base64.
 */

export const KEY_ENVELOPE_VERSION = 1;
export const PBKDF2_ID = 'PBKDF2-SHA-256';
export const HKDF_ID = 'HKDF-SHA-256';
export const WRAP_ID = 'AES-KW';
export const DATA_KEY_ID = 'AES-256-GCM';
export const SALT_BYTES = 16;
export const WRAPPED_KEY_BYTES = 40;
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256 (~80 ms in Chromium on the target machines). */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;
/** The least a real profile may use; lower only through an explicit `minIterations` (tests). */
export const MIN_PBKDF2_ITERATIONS = 600_000;
/** The most an envelope may ask for (a forged envelope must not stall the app for minutes). */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;

/** Canonical base64 of exactly `bytes` bytes. */
function base64Of(bytes: number) {
  return z.string().refine((text) => {
    try {
      return fromBase64(text).length === bytes;
    } catch {
      return false;
    }
  }, `expected base64 of ${bytes} bytes`);
}

export const passphraseWrapSchema = z
  .object({
    kdf: z.literal(PBKDF2_ID),
    iterations: z.number().int().min(1).max(MAX_PBKDF2_ITERATIONS),
    salt: base64Of(SALT_BYTES),
    wrap: z.literal(WRAP_ID),
    wrappedKey: base64Of(WRAPPED_KEY_BYTES),
  })
  .strict();

export const recoveryWrapSchema = z
  .object({
    kdf: z.literal(HKDF_ID),
    salt: base64Of(SALT_BYTES),
    wrap: z.literal(WRAP_ID),
    wrappedKey: base64Of(WRAPPED_KEY_BYTES),
  })
  .strict();

export const keyEnvelopeSchema = z
  .object({
    v: z.literal(KEY_ENVELOPE_VERSION),
    dataKey: z.literal(DATA_KEY_ID),
    passphrase: passphraseWrapSchema,
    recovery: recoveryWrapSchema.nullable(),
  })
  .strict();

export type PassphraseWrap = z.infer<typeof passphraseWrapSchema>;
export type RecoveryWrap = z.infer<typeof recoveryWrapSchema>;
export type KeyEnvelope = z.infer<typeof keyEnvelopeSchema>;

/** A stored envelope, checked; throws `ProtectionError('invalid-envelope')` when it is not one. */
export function parseKeyEnvelope(value: unknown): KeyEnvelope {
  const result = keyEnvelopeSchema.safeParse(value);
  if (!result.success) {
    throw new ProtectionError('invalid-envelope', `not a key envelope: ${result.error.issues.map((i) => i.path.join('.') || '(root)').join(', ')}`);
  }
  return result.data;
}
