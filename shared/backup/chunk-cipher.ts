import { writeU32 } from '../sync/bundle/bytes';
import { MAX_CHUNKS } from '../sync/bundle/cipher';

/**
 * A backup's chunks sealed and opened exactly as shared/sync/bundle/cipher's encryptChunk and
 * decryptChunk do (IV 0·0·index, associated data header hash · index u32 BE · last flag; the same
 * bytes on disk, tests/unit/shared/backup/chunk-cipher.test.ts), but without their defensive copy
 * of every chunk: a backup's chunks are the writer's own fresh arrays or the reader's pieces of the
 * file, never shared, and the copy was a tenth of a backup's main-thread time. WebCrypto copies
 * its input itself before it works on it.
 */

const subtle = () => globalThis.crypto.subtle;

function chunkIv(index: number): Uint8Array<ArrayBuffer> {
  const iv = new Uint8Array(12);
  writeU32(iv, 8, index);
  return iv;
}

function chunkAad(headerHash: Uint8Array, index: number, last: boolean): Uint8Array<ArrayBuffer> {
  const aad = new Uint8Array(headerHash.length + 5);
  aad.set(headerHash);
  writeU32(aad, headerHash.length, index);
  aad[headerHash.length + 4] = last ? 1 : 0;
  return aad;
}

const view = (bytes: Uint8Array) => bytes as Uint8Array<ArrayBuffer>;

export async function sealChunk(dataKey: CryptoKey, headerHash: Uint8Array, index: number, last: boolean, plain: Uint8Array): Promise<Uint8Array> {
  if (index > MAX_CHUNKS) throw new RangeError('too many chunks');
  return new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv: chunkIv(index), additionalData: chunkAad(headerHash, index, last) }, dataKey, view(plain)));
}

export async function openChunk(dataKey: CryptoKey, headerHash: Uint8Array, index: number, last: boolean, sealed: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: chunkIv(index), additionalData: chunkAad(headerHash, index, last) }, dataKey, view(sealed)));
}
