import { buffer, concatBytes, writeU32 } from './bytes';

/**
 * AES-256-GCM pieces of the format. The data key is random per bundle and used for nothing else,
 * so nonces are counters: chunk i uses IV 00000000·00000000·i (u32 BE), the header tag uses
 * IV FFFFFFFF·FFFFFFFF·FFFFFFFF — never the same IV twice under one key. Only the key wrap, under
 * a passphrase-derived key, uses a random IV.
 */

const subtle = () => globalThis.crypto.subtle;
const WRAP_CONTEXT = new TextEncoder().encode('OTKB/1 data key');
const HEADER_IV = new Uint8Array(12).fill(0xff);
export const MAX_CHUNKS = 0xffffffff;

export async function newDataKey(): Promise<CryptoKey> {
  // Extractable only so that wrapKey can export it under the key-encryption key.
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
}

export async function wrapDataKey(dataKey: CryptoKey, kek: CryptoKey): Promise<{ iv: Uint8Array; wrapped: Uint8Array }> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const wrapped = await subtle().wrapKey('raw', dataKey, kek, { name: 'AES-GCM', iv, additionalData: buffer(WRAP_CONTEXT) });
  return { iv, wrapped: new Uint8Array(wrapped) };
}

/** Throws (an OperationError) when the key-encryption key is not the one that wrapped it. */
export async function unwrapDataKey(kek: CryptoKey, iv: Uint8Array, wrapped: Uint8Array): Promise<CryptoKey> {
  return subtle().unwrapKey(
    'raw',
    buffer(wrapped),
    kek,
    { name: 'AES-GCM', iv: buffer(iv), additionalData: buffer(WRAP_CONTEXT) },
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** GCM tag over the header bytes (empty plaintext, the header as associated data). */
export async function headerTag(dataKey: CryptoKey, headerBytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv: buffer(HEADER_IV), additionalData: buffer(headerBytes) }, dataKey, new Uint8Array(0)));
}

/** Resolves when the tag authenticates the header bytes; throws otherwise. */
export async function verifyHeaderTag(dataKey: CryptoKey, headerBytes: Uint8Array, tag: Uint8Array): Promise<void> {
  await subtle().decrypt({ name: 'AES-GCM', iv: buffer(HEADER_IV), additionalData: buffer(headerBytes) }, dataKey, buffer(tag));
}

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', buffer(bytes)));
}

function chunkIv(index: number): Uint8Array<ArrayBuffer> {
  const iv = new Uint8Array(12);
  writeU32(iv, 8, index);
  return iv;
}

/** Associated data of chunk `index`: SHA-256 of the header bytes · index u32 BE · last flag (1 byte). */
function chunkAad(headerHash: Uint8Array, index: number, last: boolean): Uint8Array<ArrayBuffer> {
  const tail = new Uint8Array(5);
  writeU32(tail, 0, index);
  tail[4] = last ? 1 : 0;
  return buffer(concatBytes([headerHash, tail]));
}

export async function encryptChunk(dataKey: CryptoKey, headerHash: Uint8Array, index: number, last: boolean, plain: Uint8Array): Promise<Uint8Array> {
  if (index > MAX_CHUNKS) throw new RangeError('too many chunks');
  return new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv: chunkIv(index), additionalData: chunkAad(headerHash, index, last) }, dataKey, buffer(plain)));
}

/** Throws when the chunk is not chunk `index` of this header with this last flag, unaltered. */
export async function decryptChunk(dataKey: CryptoKey, headerHash: Uint8Array, index: number, last: boolean, sealed: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: chunkIv(index), additionalData: chunkAad(headerHash, index, last) }, dataKey, buffer(sealed)));
}
