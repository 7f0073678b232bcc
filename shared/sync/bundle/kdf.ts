import { BundleError } from './errors';
import { buffer, fromBase64, toBase64 } from './bytes';
import type { KdfParams } from './header';
import { DEFAULT_KDF_ITERATIONS, KDF_ID, MAX_KDF_ITERATIONS, MIN_KDF_ITERATIONS, SALT_BYTES } from './kdf-params';

/**
 * The passphrase → key-encryption key step, on its own so that it runs once per bundle (and so the
 * benchmark can time it apart from encoding). PBKDF2-SHA-256 via WebCrypto, the passphrase in
 * Unicode NFC so the same words typed on any system give the same key. The key is not
 * extractable and can only wrap and unwrap the bundle's data key.
 */

export interface BundleKey {
  kek: CryptoKey;
  kdf: KdfParams;
}

export interface DeriveOptions {
  /** Default 600 000. */
  iterations?: number;
  /** Refuse fewer iterations than this (default 600 000). Tests lower it explicitly for speed. */
  minIterations?: number;
  /** 16 bytes (base64 or raw); fresh random when encoding, the header's when decoding. */
  salt?: string | Uint8Array;
}

export async function deriveBundleKey(passphrase: string, options: DeriveOptions = {}): Promise<BundleKey> {
  if (passphrase.length === 0) throw new BundleError('wrong-passphrase', 'the passphrase is empty');
  const iterations = options.iterations ?? DEFAULT_KDF_ITERATIONS;
  const minIterations = options.minIterations ?? MIN_KDF_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations > MAX_KDF_ITERATIONS) {
    throw new BundleError('invalid-header', `PBKDF2 iterations ${iterations} out of range`);
  }
  if (iterations < minIterations) throw new BundleError('weak-kdf', `PBKDF2 with ${iterations} iterations is below ${minIterations}`);
  const salt =
    options.salt === undefined
      ? globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES))
      : typeof options.salt === 'string'
        ? fromBase64(options.salt)
        : buffer(options.salt);
  if (salt.length !== SALT_BYTES) throw new BundleError('invalid-header', `salt must be ${SALT_BYTES} bytes`);
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  const kek = await subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: buffer(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
  return { kek, kdf: { id: KDF_ID, iterations, salt: toBase64(salt) } };
}
