import { uuidv7 } from '../../ids';
import type { Scope } from '../scope';
import { concatBytes, toBase64, writeU16, writeU32 } from './bytes';
import { encryptChunk, headerTag, newDataKey, sha256, wrapDataKey } from './cipher';
import { BundleError } from './errors';
import { DEFAULT_CHUNK_BYTES, FORMAT_VERSION, FRAME_LENGTH_BYTES, MAGIC, MAX_HEADER_BYTES, PREFIX_BYTES } from './format';
import { bundleHeaderSchema, type BundleHeader, type Recipient } from './header';
import { deriveBundleKey, type BundleKey } from './kdf';
import { MIN_KDF_ITERATIONS } from './kdf-params';
import { compressEntries, type EntrySource } from './payload';

export interface BundleInput {
  /** Version of the record shapes inside (SYNC_SCHEMA_VERSION). */
  schemaVersion: number;
  sender: { installationId: string; name: string };
  recipient: Recipient;
  scope: Scope;
  /** The clock range the bundle covers: `from` null for full bundles, `to` the sender's clock now. */
  clock: { from: string | null; to: string };
  /** Peer → newest clock of its full/delta bundles imported here (see ../exchange). */
  acknowledged?: Record<string, string>;
  /** Records with their type, one by one or in batches; arrays, generators or async generators. */
  entries: EntrySource;
}

export interface EncodeOptions {
  /** PBKDF2 iterations when `secret` is a passphrase (default 600 000). */
  iterations?: number;
  /** Refuse a weaker key than this (default 600 000); tests lower it explicitly. */
  minIterations?: number;
  /** Compressed bytes per chunk (default 1 MiB). */
  chunkBytes?: number;
  /** When the bundle is written (from the caller's clock): its `created` time and its id's moment. */
  now: Date;
  bundleId?: string;
}

export interface EncodedBundle {
  header: BundleHeader;
  bytes: Uint8Array;
}

/**
 * Writes an .otk bundle (docs/bundle-format.md). `secret` is the passphrase, or a key from
 * deriveBundleKey (its salt and iteration count go into the header). Invalid input is a
 * programming error: it throws BundleError('invalid-header') or a TypeError naming the problem.
 */
export async function encodeBundle(input: BundleInput, secret: string | BundleKey, options: EncodeOptions): Promise<EncodedBundle> {
  if (secret === '') throw new RangeError('encodeBundle: the passphrase is empty');
  const minIterations = options.minIterations ?? MIN_KDF_ITERATIONS;
  const key = typeof secret === 'string' ? await deriveBundleKey(secret, { iterations: options.iterations, minIterations }) : secret;
  if (key.kdf.iterations < minIterations) throw new BundleError('weak-kdf', `PBKDF2 with ${key.kdf.iterations} iterations is below ${minIterations}`);
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;

  const { chunks, counts } = await compressEntries(input.entries, chunkBytes);
  const { entries: _entries, ...fields } = input;
  return sealBundle({ ...fields, counts }, chunks, key, { ...options, chunkBytes });
}

/**
 * The second half of encodeBundle: header, key wrap, header tag and encrypted chunks around an
 * already compressed payload. Exported for tests that need authentic bundles with a broken payload.
 */
export async function sealBundle(
  fields: Omit<BundleInput, 'entries'> & { counts: Record<string, number> },
  chunks: readonly Uint8Array[],
  key: BundleKey,
  options: EncodeOptions & { chunkBytes: number },
): Promise<EncodedBundle> {
  if (chunks.length === 0) throw new TypeError('a bundle has at least one chunk');
  const dataKey = await newDataKey();
  const wrap = await wrapDataKey(dataKey, key.kek);
  const now = options.now;
  const candidate = {
    format: FORMAT_VERSION,
    schemaVersion: fields.schemaVersion,
    bundleId: options.bundleId ?? uuidv7(now.getTime()),
    created: now.toISOString(),
    sender: fields.sender,
    recipient: fields.recipient,
    scope: fields.scope,
    clock: fields.clock,
    counts: fields.counts,
    acknowledged: fields.acknowledged ?? {},
    kdf: key.kdf,
    key: { alg: 'AES-256-GCM', iv: toBase64(wrap.iv), wrapped: toBase64(wrap.wrapped) },
    payload: { encoding: 'json-lines', compression: 'deflate-raw', cipher: 'AES-256-GCM', chunkBytes: options.chunkBytes },
  };
  const parsed = bundleHeaderSchema.safeParse(candidate);
  if (!parsed.success) throw new BundleError('invalid-header', `cannot write this header: ${parsed.error.message}`);
  const header = parsed.data;

  const json = new TextEncoder().encode(JSON.stringify(header));
  if (json.length > MAX_HEADER_BYTES) throw new BundleError('invalid-header', 'the header is too large');
  const prefix = new Uint8Array(PREFIX_BYTES + json.length);
  prefix.set(MAGIC, 0);
  writeU16(prefix, 4, FORMAT_VERSION);
  writeU32(prefix, 6, json.length);
  prefix.set(json, PREFIX_BYTES);

  const parts: Uint8Array[] = [prefix, await headerTag(dataKey, prefix)];
  const headerHash = await sha256(prefix);
  for (let index = 0; index < chunks.length; index++) {
    const sealed = await encryptChunk(dataKey, headerHash, index, index === chunks.length - 1, chunks[index]!);
    const length = new Uint8Array(FRAME_LENGTH_BYTES);
    writeU32(length, 0, sealed.length);
    parts.push(length, sealed);
  }
  return { header, bytes: concatBytes(parts) };
}
