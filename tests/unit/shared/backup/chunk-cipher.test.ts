import { describe, expect, it } from 'vitest';
import { openChunk, sealChunk } from '../../../../shared/backup/chunk-cipher';
import { decryptChunk, encryptChunk } from '../../../../shared/sync/bundle/cipher';

/**
 * The backup's copy-free chunk cipher writes and reads the very bytes of the .otk container's own
 * (shared/sync/bundle/cipher): a backup written before it opens with it, and the other way round;
 * a chunk moved, marked last or changed does not open.
 */

const key = () => globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const hash = Uint8Array.from({ length: 32 }, (_, i) => i * 7);

describe('backup chunk cipher', () => {
  it('seals as the container does and opens what the container sealed, views included', async () => {
    const k = await key();
    const file = new TextEncoder().encode('xx{"type":"meta","record":{"key":"a"}}\nyy');
    const plain = file.subarray(2, file.length - 2);
    for (const [index, last] of [[0, false], [5, true]] as const) {
      const ours = await sealChunk(k, hash, index, last, plain);
      expect(await decryptChunk(k, hash, index, last, ours)).toEqual(plain.slice());
      const theirs = await encryptChunk(k, hash, index, last, plain);
      expect(await openChunk(k, hash, index, last, theirs)).toEqual(plain.slice());
      // A view into a larger file: only its own bytes are read.
      const framed = new Uint8Array(theirs.length + 8);
      framed.set(theirs, 4);
      expect(await openChunk(k, hash, index, last, framed.subarray(4, 4 + theirs.length))).toEqual(plain.slice());
    }
  });

  it('refuses a chunk under another index, another last flag, another header or changed', async () => {
    const k = await key();
    const sealed = await sealChunk(k, hash, 3, false, new Uint8Array([1, 2, 3]));
    await expect(openChunk(k, hash, 4, false, sealed)).rejects.toThrow();
    await expect(openChunk(k, hash, 3, true, sealed)).rejects.toThrow();
    await expect(openChunk(k, hash.map((b) => b ^ 1), 3, false, sealed)).rejects.toThrow();
    const changed = sealed.slice();
    changed[0]! ^= 1;
    await expect(openChunk(k, hash, 3, false, changed)).rejects.toThrow();
    await expect(sealChunk(k, hash, 2 ** 32, false, new Uint8Array(1))).rejects.toThrow(RangeError);
  });
});
