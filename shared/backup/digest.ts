import { buffer, concatBytes } from '../sync/bundle/bytes';

/**
 * The content digest of a backup: SHA-256 over the SHA-256 of each compressed payload chunk, in
 * order. The writer computes it from what it encrypted, the check after writing from what it
 * decrypted back out of the file: equal digests and equal counts mean the file holds exactly what
 * was read from the database. Per-chunk WebCrypto digests keep it native-fast and streamable.
 */
export class ContentDigest {
  readonly #parts: Uint8Array[] = [];

  async add(chunk: Uint8Array): Promise<void> {
    // No copy first (see ./chunk-cipher): the chunk is not changed while it is digested.
    this.#parts.push(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', chunk as Uint8Array<ArrayBuffer>)));
  }

  async hex(): Promise<string> {
    const all = await globalThis.crypto.subtle.digest('SHA-256', buffer(concatBytes(this.#parts)));
    return [...new Uint8Array(all)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }
}
