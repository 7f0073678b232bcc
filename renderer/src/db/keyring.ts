import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * The keys of the unlocked session, and nothing else: the installation's data key (AES-256-GCM,
 * not extractable) that seals the sensitive fields at rest, and the index key (32 random bytes)
 * that turns identifying lookup keys — a requester's name|organisation|e-mail — into opaque
 * HMAC-SHA-256 values before they become IndexedDB primary keys.
 *
 * `lock()` forgets both (the index key's bytes are overwritten). The app reloads the page after
 * locking so that every decrypted value held by React state, caches and the list index goes too.
 */
export class Keyring {
  #dataKey: CryptoKey | null = null;
  #indexKey: Uint8Array | null = null;
  readonly #listeners = new Set<() => void>();

  get unlocked(): boolean {
    return this.#dataKey !== null;
  }

  /** The data key; throws `LockedError` when the session is locked. */
  dataKey(): CryptoKey {
    if (!this.#dataKey) throw new LockedError();
    return this.#dataKey;
  }

  unlock(dataKey: CryptoKey, indexKey: Uint8Array): void {
    if (dataKey.extractable) throw new TypeError('the session keeps only a non-extractable data key');
    if (indexKey.length !== 32) throw new TypeError('the index key must be 32 bytes');
    this.#dataKey = dataKey;
    this.#indexKey = indexKey.slice();
    for (const listener of this.#listeners) listener();
  }

  lock(): void {
    this.#indexKey?.fill(0);
    this.#indexKey = null;
    this.#dataKey = null;
    for (const listener of this.#listeners) listener();
  }

  /** Opaque, stable lookup key for identifying text: hex HMAC-SHA-256 under the index key. */
  lookupKey(text: string): string {
    if (!this.#indexKey) throw new LockedError();
    return bytesToHex(hmac(sha256, this.#indexKey, new TextEncoder().encode(text.normalize('NFC'))));
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

/** A sensitive value was to be read or written while no profile is unlocked. */
export class LockedError extends Error {
  constructor() {
    super('the session is locked: unlock a profile first');
    this.name = 'LockedError';
  }
}
