import { buffer, fromBase64, toBase64 } from '../sync/bundle/bytes';
import { ProtectionError } from './errors';
import {
  DATA_KEY_ID,
  DEFAULT_PBKDF2_ITERATIONS,
  HKDF_ID,
  KEY_ENVELOPE_VERSION,
  MAX_PBKDF2_ITERATIONS,
  MIN_PBKDF2_ITERATIONS,
  PBKDF2_ID,
  SALT_BYTES,
  WRAP_ID,
  parseKeyEnvelope,
  type KeyEnvelope,
} from './key-envelope';
import { createRecoveryKey, parseRecoveryKey } from './recovery-key';

/**
 * The key hierarchy, with WebCrypto only:
 *
 *   passphrase ─PBKDF2-SHA-256 (600 000, salt)→ wrapping key ─AES-KW─┐
 *                                                                    ├→ data key (AES-256-GCM)
 *   recovery key (160 random bits) ─HKDF-SHA-256 (salt)→ wrapping key ─AES-KW─┘
 *
 * One random data key encrypts the stored fields (./field-crypto); it is never derived from the
 * passphrase, so changing the passphrase re-wraps one key instead of re-encrypting every record.
 * The recovery key is already 160 random bits, so HKDF (no stretching) is enough for it.
 *
 * Extractability: a new data key is extractable only because `wrapKey` needs that; the key the
 * app keeps while unlocked comes from `unwrapDataKey`, which is not extractable (script cannot
 * export it). Changing the passphrase unwraps an extractable copy for the moment of re-wrapping.
 * Wrapping keys are never extractable and can only wrap and unwrap.
 */

const subtle = () => globalThis.crypto.subtle;
const encoder = new TextEncoder();
const RECOVERY_INFO = encoder.encode('OTK profile recovery key v1');
const DATA_KEY_ALGORITHM = { name: 'AES-GCM', length: 256 } as const;
const WRAP_ALGORITHM = { name: 'AES-KW', length: 256 } as const;

export interface KdfOptions {
  /** Refuse fewer PBKDF2 iterations than this (default 600 000). Tests lower it explicitly. */
  minIterations?: number;
}

/** A fresh random data key for AES-256-GCM (extractable only so that it can be wrapped). */
export async function createDataKey(): Promise<CryptoKey> {
  return subtle().generateKey(DATA_KEY_ALGORITHM, true, ['encrypt', 'decrypt']);
}

/** 16 fresh random bytes. */
export function newSalt(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
}

function saltBytes(salt: Uint8Array | string): Uint8Array<ArrayBuffer> {
  let bytes: Uint8Array;
  try {
    bytes = typeof salt === 'string' ? fromBase64(salt) : salt;
  } catch (cause) {
    throw new ProtectionError('invalid-envelope', 'the salt is not base64', {}, { cause });
  }
  if (bytes.length !== SALT_BYTES) throw new ProtectionError('invalid-envelope', `the salt must be ${SALT_BYTES} bytes`);
  return buffer(bytes);
}

/**
 * The passphrase's wrapping key: PBKDF2-SHA-256 over the passphrase in Unicode NFC (the same words
 * typed on any system give the same key) → AES-KW key, not extractable, wrap/unwrap only.
 */
export async function deriveWrappingKey(
  passphrase: string,
  salt: Uint8Array | string,
  iterations: number = DEFAULT_PBKDF2_ITERATIONS,
  options: KdfOptions = {},
): Promise<CryptoKey> {
  if (passphrase.length === 0) throw new ProtectionError('wrong-passphrase', 'the passphrase is empty');
  const minIterations = options.minIterations ?? MIN_PBKDF2_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new ProtectionError('invalid-envelope', `PBKDF2 iterations ${iterations} out of range`);
  }
  if (iterations < minIterations) throw new ProtectionError('weak-kdf', `PBKDF2 with ${iterations} iterations is below ${minIterations}`);
  const material = await subtle().importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: saltBytes(salt), iterations }, material, WRAP_ALGORITHM, false, ['wrapKey', 'unwrapKey']);
}

/** The recovery key's wrapping key (HKDF-SHA-256). Throws 'recovery-key-typo' on a mistyped key. */
export async function deriveRecoveryWrappingKey(recoveryKey: string, salt: Uint8Array | string): Promise<CryptoKey> {
  const secret = parseRecoveryKey(recoveryKey);
  const material = await subtle().importKey('raw', buffer(secret), 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: saltBytes(salt), info: buffer(RECOVERY_INFO) }, material, WRAP_ALGORITHM, false, ['wrapKey', 'unwrapKey']);
}

/** The data key wrapped (AES-KW): 40 bytes. The data key must be extractable. */
export async function wrapDataKey(dataKey: CryptoKey, wrappingKey: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await subtle().wrapKey('raw', dataKey, wrappingKey, 'AES-KW'));
}

export interface UnwrapOptions {
  /** Only for re-wrapping (changing the passphrase or the recovery key); default false. */
  extractable?: boolean;
  /** The error code when the wrapping key does not fit (default 'wrong-passphrase'). */
  failure?: 'wrong-passphrase' | 'wrong-recovery-key';
}

/**
 * The data key, not extractable, for encrypt/decrypt. AES-KW's integrity check fails when the
 * wrapping key is not the one that wrapped it (or the wrapped bytes were changed): that is
 * `ProtectionError('wrong-passphrase')` (or `options.failure`).
 */
export async function unwrapDataKey(wrapped: Uint8Array | string, wrappingKey: CryptoKey, options: UnwrapOptions = {}): Promise<CryptoKey> {
  const failure = options.failure ?? 'wrong-passphrase';
  try {
    const bytes = typeof wrapped === 'string' ? fromBase64(wrapped) : wrapped;
    return await subtle().unwrapKey('raw', buffer(bytes), wrappingKey, 'AES-KW', DATA_KEY_ALGORITHM, options.extractable ?? false, ['encrypt', 'decrypt']);
  } catch (cause) {
    throw new ProtectionError(failure, failure === 'wrong-passphrase' ? 'the passphrase does not open the data key' : 'the recovery key does not open the data key', {}, { cause });
  }
}

export interface EnvelopeOptions extends KdfOptions {
  /** PBKDF2 iterations for the passphrase (default 600 000). */
  iterations?: number;
  /** Also wrap the data key under a new recovery key (default true). */
  withRecoveryKey?: boolean;
}

export interface NewKeys {
  envelope: KeyEnvelope;
  /** The data key as the app keeps it while unlocked (not extractable). */
  dataKey: CryptoKey;
  /** The recovery key to show once and never store; null when none was asked for. */
  recoveryKey: string | null;
}

/** How a profile is opened: by its passphrase or by the recovery key. */
export type Unlock = { passphrase: string } | { recoveryKey: string };

async function passphraseWrap(dataKey: CryptoKey, passphrase: string, options: EnvelopeOptions): Promise<{ wrap: KeyEnvelope['passphrase']; wrappingKey: CryptoKey }> {
  const salt = newSalt();
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  const wrappingKey = await deriveWrappingKey(passphrase, salt, iterations, options);
  const wrap = { kdf: PBKDF2_ID, iterations, salt: toBase64(salt), wrap: WRAP_ID, wrappedKey: toBase64(await wrapDataKey(dataKey, wrappingKey)) } as const;
  return { wrap, wrappingKey };
}

async function recoveryWrap(dataKey: CryptoKey): Promise<{ wrap: NonNullable<KeyEnvelope['recovery']>; recoveryKey: string }> {
  const recoveryKey = createRecoveryKey();
  const salt = newSalt();
  const wrappingKey = await deriveRecoveryWrappingKey(recoveryKey, salt);
  return { recoveryKey, wrap: { kdf: HKDF_ID, salt: toBase64(salt), wrap: WRAP_ID, wrappedKey: toBase64(await wrapDataKey(dataKey, wrappingKey)) } };
}

/**
 * Set-up: a new data key wrapped under the passphrase and (by default) a new recovery key. The
 * caller checks the passphrase rules first (./passphrase) and shows the recovery key once.
 */
export async function createKeyEnvelope(passphrase: string, options: EnvelopeOptions = {}): Promise<NewKeys> {
  const extractable = await createDataKey();
  const passphraseSide = await passphraseWrap(extractable, passphrase, options);
  const recovery = options.withRecoveryKey === false ? null : await recoveryWrap(extractable);
  const envelope: KeyEnvelope = { v: KEY_ENVELOPE_VERSION, dataKey: DATA_KEY_ID, passphrase: passphraseSide.wrap, recovery: recovery?.wrap ?? null };
  // Hand back a non-extractable copy; the extractable key goes out of scope here.
  const dataKey = await unwrapDataKey(passphraseSide.wrap.wrappedKey, passphraseSide.wrappingKey);
  return { envelope, dataKey, recoveryKey: recovery?.recoveryKey ?? null };
}

async function open(envelopeValue: unknown, unlock: Unlock, extractable: boolean, options: KdfOptions): Promise<CryptoKey> {
  const envelope = parseKeyEnvelope(envelopeValue);
  if ('passphrase' in unlock) {
    const side = envelope.passphrase;
    const wrappingKey = await deriveWrappingKey(unlock.passphrase, side.salt, side.iterations, options);
    return unwrapDataKey(side.wrappedKey, wrappingKey, { extractable, failure: 'wrong-passphrase' });
  }
  if (envelope.recovery === null) throw new ProtectionError('no-recovery-key', 'this profile has no recovery key');
  const wrappingKey = await deriveRecoveryWrappingKey(unlock.recoveryKey, envelope.recovery.salt);
  return unwrapDataKey(envelope.recovery.wrappedKey, wrappingKey, { extractable, failure: 'wrong-recovery-key' });
}

/** Unlock: the data key (not extractable), or 'wrong-passphrase' / 'weak-kdf' / 'invalid-envelope'. */
export async function openWithPassphrase(envelope: KeyEnvelope, passphrase: string, options: KdfOptions = {}): Promise<CryptoKey> {
  return open(envelope, { passphrase }, false, options);
}

/** Unlock with the recovery key: 'recovery-key-typo', 'wrong-recovery-key' or 'no-recovery-key' when it fails. */
export async function openWithRecoveryKey(envelope: KeyEnvelope, recoveryKey: string): Promise<CryptoKey> {
  return open(envelope, { recoveryKey }, false, {});
}

/**
 * A new passphrase for the same data key (nothing else is re-encrypted), opened with the current
 * passphrase or — when it is forgotten — the recovery key. The recovery side is kept as it is.
 */
export async function changePassphrase(envelope: KeyEnvelope, unlock: Unlock, newPassphrase: string, options: EnvelopeOptions = {}): Promise<KeyEnvelope> {
  const current = parseKeyEnvelope(envelope);
  const extractable = await open(current, unlock, true, options);
  return { ...current, passphrase: (await passphraseWrap(extractable, newPassphrase, options)).wrap };
}

/** A new recovery key (e.g. after the old one was used or lost); the old one stops working. */
export async function replaceRecoveryKey(envelope: KeyEnvelope, unlock: Unlock, options: KdfOptions = {}): Promise<{ envelope: KeyEnvelope; recoveryKey: string }> {
  const current = parseKeyEnvelope(envelope);
  const extractable = await open(current, unlock, true, options);
  const { wrap, recoveryKey } = await recoveryWrap(extractable);
  return { envelope: { ...current, recovery: wrap }, recoveryKey };
}

export { createRecoveryKey, parseRecoveryKey } from './recovery-key';
export { keyEnvelopeSchema, parseKeyEnvelope, type KeyEnvelope } from './key-envelope';
