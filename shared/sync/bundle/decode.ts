import { fromBase64, readU16, readU32 } from './bytes';
import { decryptChunk, MAX_CHUNKS, sha256, unwrapDataKey, verifyHeaderTag } from './cipher';
import { BundleError } from './errors';
import { FORMAT_VERSION, FRAME_LENGTH_BYTES, MAGIC, MAX_HEADER_BYTES, PREFIX_BYTES, TAG_BYTES, type BundleEntry } from './format';
import { bundleHeaderSchema, type BundleHeader } from './header';
import { deriveBundleKey, type BundleKey } from './kdf';
import { MIN_KDF_ITERATIONS } from './kdf-params';
import { decompressEntries } from './payload';
import { BACKUP_FORMAT_VERSION } from '../../backup/format';

export interface DecodeExpectations {
  /** This installation: a bundle addressed to another one is refused ('wrong-recipient'). */
  installationId: string;
  /** The newest record schema this app can validate (SYNC_SCHEMA_VERSION). */
  supportedSchemaVersion: number;
  /** Refuse weaker key derivation (default 600 000). Tests lower it explicitly for speed. */
  minIterations?: number;
  /** Accept bundles addressed to a named recipient rather than an installation (default true). */
  acceptNamedRecipient?: boolean;
}

export interface DecodedBundle {
  /** Authenticated. */
  header: BundleHeader;
  /**
   * The records, decompressed one by one (iterate as often as needed). Every chunk was already
   * authenticated; this throws only BundleError('invalid-payload'), for a sender's bug.
   */
  entries(): AsyncGenerator<BundleEntry>;
}

interface Layout {
  header: BundleHeader;
  prefix: Uint8Array;
  tag: Uint8Array;
  framesAt: number;
}

function fail(code: BundleError['code'], message: string, cause?: unknown): never {
  throw new BundleError(code, message, { cause });
}

function readLayout(bytes: Uint8Array): Layout {
  if (bytes.length < MAGIC.length || MAGIC.some((byte, i) => bytes[i] !== byte)) fail('not-a-bundle', 'no OTKB magic bytes');
  if (bytes.length < PREFIX_BYTES) fail('truncated', 'the file ends inside the prefix');
  const version = readU16(bytes, 4);
  if (version === BACKUP_FORMAT_VERSION) fail('backup-file', 'an installation backup, not an exchange bundle');
  if (version > FORMAT_VERSION) fail('newer-format', `format version ${version} is newer than ${FORMAT_VERSION}`);
  if (version < 1) fail('invalid-header', `format version ${version} does not exist`);
  const headerLength = readU32(bytes, 6);
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES) fail('invalid-header', `header length ${headerLength} out of range`);
  if (bytes.length < PREFIX_BYTES + headerLength + TAG_BYTES) fail('truncated', 'the file ends inside the header');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength)));
  } catch (error) {
    fail('invalid-header', 'the header is not UTF-8 JSON', error);
  }
  const parsed = bundleHeaderSchema.safeParse(json);
  if (!parsed.success) fail('invalid-header', `the header is not valid: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`, parsed.error);
  if (parsed.data.format !== version) fail('invalid-header', 'the header disagrees with the format version');
  const framesAt = PREFIX_BYTES + headerLength + TAG_BYTES;
  return { header: parsed.data, prefix: bytes.subarray(0, PREFIX_BYTES + headerLength), tag: bytes.subarray(framesAt - TAG_BYTES, framesAt), framesAt };
}

/**
 * The header as written, NOT authenticated: for showing who sent the bundle, to whom and what it
 * holds before asking for the passphrase. decodeBundle authenticates it.
 */
export function readBundleHeader(bytes: Uint8Array): BundleHeader {
  return readLayout(bytes).header;
}

async function openKey(header: BundleHeader, secret: string | BundleKey, minIterations: number): Promise<CryptoKey> {
  if (header.kdf.iterations < minIterations) fail('weak-kdf', `PBKDF2 with ${header.kdf.iterations} iterations is below ${minIterations}`);
  let kek: CryptoKey;
  if (typeof secret === 'string') {
    kek = (await deriveBundleKey(secret, { iterations: header.kdf.iterations, salt: header.kdf.salt, minIterations })).kek;
  } else {
    // A key derived beforehand fits only the salt and iterations it was derived with.
    if (secret.kdf.salt !== header.kdf.salt || secret.kdf.iterations !== header.kdf.iterations) fail('wrong-passphrase', 'the key was derived for another bundle');
    kek = secret.kek;
  }
  try {
    return await unwrapDataKey(kek, fromBase64(header.key.iv), fromBase64(header.key.wrapped));
  } catch (error) {
    fail('wrong-passphrase', 'the passphrase does not open this bundle', error);
  }
}

async function openChunks(bytes: Uint8Array, layout: Layout, dataKey: CryptoKey): Promise<Uint8Array[]> {
  const headerHash = await sha256(layout.prefix);
  const maxSealed = layout.header.payload.chunkBytes + TAG_BYTES;
  const chunks: Uint8Array[] = [];
  let offset = layout.framesAt;
  for (let index = 0; ; index++) {
    if (offset === bytes.length) fail('truncated', `the file ends after chunk ${index} without its last chunk`);
    if (bytes.length - offset < FRAME_LENGTH_BYTES) fail('truncated', 'the file ends inside a chunk length');
    if (index > MAX_CHUNKS) fail('tampered', 'too many chunks');
    const length = readU32(bytes, offset);
    if (length < TAG_BYTES || length > maxSealed) fail('tampered', `chunk ${index} has an impossible length`);
    const start = offset + FRAME_LENGTH_BYTES;
    if (bytes.length - start < length) fail('truncated', `the file ends inside chunk ${index}`);
    const sealed = bytes.subarray(start, start + length);
    offset = start + length;
    const atEnd = offset === bytes.length;
    try {
      chunks.push(await decryptChunk(dataKey, headerHash, index, atEnd, sealed));
    } catch (error) {
      if (atEnd) {
        // The file ends here: either this is the last chunk altered, or the real last chunk is gone.
        const intact = await decryptChunk(dataKey, headerHash, index, false, sealed).then(
          () => true,
          () => false,
        );
        if (intact) fail('truncated', `the file ends after chunk ${index}; later chunks are missing`);
      }
      fail('tampered', `chunk ${index} does not authenticate`, error);
    }
    if (atEnd) return chunks;
  }
}

/**
 * Opens and authenticates a bundle: every check that can refuse it runs here, before any record
 * is returned. Throws only BundleError (codes in ./errors).
 */
export async function decodeBundle(bytes: Uint8Array, secret: string | BundleKey, expectations: DecodeExpectations): Promise<DecodedBundle> {
  try {
    const layout = readLayout(bytes);
    const { header } = layout;
    const dataKey = await openKey(header, secret, expectations.minIterations ?? MIN_KDF_ITERATIONS);
    try {
      await verifyHeaderTag(dataKey, layout.prefix, layout.tag);
    } catch (error) {
      fail('tampered', 'the header does not authenticate', error);
    }
    if (header.schemaVersion > expectations.supportedSchemaVersion) {
      fail('newer-format', `record schema ${header.schemaVersion} is newer than ${expectations.supportedSchemaVersion}`);
    }
    const { recipient } = header;
    if (recipient.kind === 'installation' ? recipient.installationId !== expectations.installationId : expectations.acceptNamedRecipient === false) {
      fail('wrong-recipient', 'the bundle is addressed to another installation');
    }
    const chunks = await openChunks(bytes, layout, dataKey);
    return { header, entries: () => decompressEntries(chunks, header.counts) };
  } catch (error) {
    if (error instanceof BundleError) throw error;
    // WebCrypto or the runtime failed in a way not foreseen above: still a refusal, never a crash.
    throw new BundleError('tampered', 'the bundle could not be read', { cause: error });
  }
}
