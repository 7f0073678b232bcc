import { z } from 'zod';
import { MSG } from '../domain/validation';

/**
 * The passphrase of a bundle: long rather than complex (a few words), because it is told to the
 * recipient by another channel (phone, in person) and typed by hand. 12 characters at least; the
 * key derivation (PBKDF2, 600 000 iterations) makes each guess slow.
 */
export const MIN_BUNDLE_PASSPHRASE = 12;

export const PASSPHRASE_MSG = {
  tooShort: 'exchange.passphraseTooShort',
  mismatch: 'exchange.passphraseMismatch',
} as const;

export const bundlePassphraseSchema = z
  .object({
    passphrase: z.string({ error: MSG.required }).min(1, MSG.required).min(MIN_BUNDLE_PASSPHRASE, PASSPHRASE_MSG.tooShort).max(500, MSG.tooLong),
    confirm: z.string({ error: MSG.required }),
  })
  .refine((value) => value.passphrase === value.confirm, { path: ['confirm'], message: PASSPHRASE_MSG.mismatch });
