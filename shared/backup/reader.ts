import { readU16, readU32 } from '../sync/bundle/bytes';
import { MAX_CHUNKS, sha256, verifyHeaderTag } from '../sync/bundle/cipher';
import { openChunk } from './chunk-cipher';
import { FRAME_LENGTH_BYTES, MAGIC, MAX_HEADER_BYTES, PREFIX_BYTES, TAG_BYTES } from '../sync/bundle/format';
import { ContentDigest } from './digest';
import { BackupError, isBackupError } from './errors';
import { BACKUP_FORMAT_VERSION, EXCHANGE_FORMAT_VERSION, type BackupEntry } from './format';
import { backupHeaderSchema, type BackupHeader } from './header';
import { openInstallationKey, unwrapBackupKey, type OpenedKey } from './keys';
import { LineCounter, LineParser } from './lines';
import { SequentialReader, type ByteSource } from './source';

/**
 * Opens a backup: every check that can refuse it runs before a row is handed out, in this order —
 * what the file is (magic, format version: an exchange file or a newer format is named), its
 * header, the key (recovery key or a coordinator's passphrase, or the installation key itself
 * when checking a backup just written), the header tag, the database version; then `scan`
 * authenticates every chunk and counts the lines against the header, and `entries` parses them.
 * Throws only BackupError.
 */

export interface OpenOptions {
  /** This app's database version: a newer backup is refused ('newer-format'). */
  supportedDatabaseVersion: number;
  /** The oldest database version this app restores verbatim ('older-database' below it). */
  minDatabaseVersion?: number;
  /** Refuse weaker PBKDF2 than this (default 600 000; tests lower it). */
  minIterations?: number;
}

export interface ReadProgress {
  /** File bytes read so far, of `total`. */
  done: number;
  total: number;
}

export interface ReadOptions {
  onProgress?: (progress: ReadProgress) => void;
  signal?: AbortSignal;
  /** Called after each decompressed piece: the caller may give the event loop a turn there. */
  pause?: () => Promise<void> | null;
}

export interface ScanResult {
  /** Lines per entry type, as read (equal to the header's). */
  counts: Record<string, number>;
  /** ./digest of the payload. */
  digest: string;
}

export interface OpenedBackup {
  /** Authenticated. */
  header: BackupHeader;
  /** Which way in opened it (absent when opened with the installation key itself). */
  opener: Omit<OpenedKey, 'key'> | null;
  /** Authenticates every chunk, counts lines per type against the header, computes the digest. */
  scan(options?: ReadOptions): Promise<ScanResult>;
  /** The rows, in batches of at most `batch` consecutive entries of one type. Call scan first: this authenticates as it goes. */
  entries(options?: ReadOptions & { batch?: number }): AsyncGenerator<{ type: string; records: unknown[] }>;
}

/** How to open it: what the person typed, or (checking a backup just written) the installation key. */
export type BackupSecret = string | { installationKey: CryptoKey };

function fail(code: BackupError['code'], message: string, cause?: unknown): never {
  throw new BackupError(code, message, {}, { cause });
}

interface Layout {
  header: BackupHeader;
  prefix: Uint8Array;
  tag: Uint8Array;
  framesAt: number;
}

async function readLayout(source: ByteSource): Promise<Layout> {
  const start = await source.read(0, Math.min(source.size, PREFIX_BYTES));
  if (start.length < MAGIC.length || MAGIC.some((byte, i) => start[i] !== byte)) fail('not-a-backup', 'no OTKB magic bytes');
  if (start.length < PREFIX_BYTES) fail('truncated', 'the file ends inside the prefix');
  const version = readU16(start, 4);
  if (version === EXCHANGE_FORMAT_VERSION) fail('exchange-file', 'an exchange bundle, not a backup');
  if (version > BACKUP_FORMAT_VERSION) fail('newer-format', `format version ${version} is newer than ${BACKUP_FORMAT_VERSION}`);
  if (version !== BACKUP_FORMAT_VERSION) fail('invalid-header', `format version ${version} does not exist`);
  const headerLength = readU32(start, 6);
  if (headerLength === 0 || headerLength > MAX_HEADER_BYTES) fail('invalid-header', `header length ${headerLength} out of range`);
  const framesAt = PREFIX_BYTES + headerLength + TAG_BYTES;
  if (source.size < framesAt) fail('truncated', 'the file ends inside the header');
  const head = await source.read(0, framesAt);
  if (head.length < framesAt) fail('truncated', 'the file ends inside the header');
  const prefix = head.slice(0, PREFIX_BYTES + headerLength);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(prefix.subarray(PREFIX_BYTES)));
  } catch (error) {
    fail('invalid-header', 'the header is not UTF-8 JSON', error);
  }
  const parsed = backupHeaderSchema.safeParse(json);
  if (!parsed.success) fail('invalid-header', `the header is not valid: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`, parsed.error);
  return { header: parsed.data, prefix, tag: head.slice(framesAt - TAG_BYTES, framesAt), framesAt };
}

/** The header as written, NOT authenticated (e.g. to name the installation before asking for a key). */
export async function readBackupHeader(source: ByteSource): Promise<BackupHeader> {
  try {
    return (await readLayout(source)).header;
  } catch (error) {
    if (isBackupError(error)) throw error;
    throw new BackupError('not-a-backup', 'the file could not be read', {}, { cause: error });
  }
}

/** The decrypted (still compressed) chunks, in order, each authenticated before it is handed on. */
async function* openChunks(source: ByteSource, layout: Layout, dataKey: CryptoKey, options: ReadOptions): AsyncGenerator<Uint8Array> {
  const headerHash = await sha256(layout.prefix);
  const maxSealed = layout.header.payload.chunkBytes + TAG_BYTES;
  const reader = new SequentialReader(source);
  await reader.take(layout.framesAt);
  for (let index = 0; ; index++) {
    options.signal?.throwIfAborted();
    if (reader.remaining === 0) fail('truncated', `the file ends after chunk ${index} without its last chunk`);
    if (reader.remaining < FRAME_LENGTH_BYTES) fail('truncated', 'the file ends inside a chunk length');
    if (index > MAX_CHUNKS) fail('tampered', 'too many chunks');
    const length = readU32(await reader.take(FRAME_LENGTH_BYTES), 0);
    if (length < TAG_BYTES || length > maxSealed) fail('tampered', `chunk ${index} has an impossible length`);
    if (reader.remaining < length) fail('truncated', `the file ends inside chunk ${index}`);
    const sealed = await reader.take(length);
    const atEnd = reader.remaining === 0;
    let plain: Uint8Array;
    try {
      plain = await openChunk(dataKey, headerHash, index, atEnd, sealed);
    } catch (error) {
      if (atEnd) {
        const intact = await openChunk(dataKey, headerHash, index, false, sealed).then(
          () => true,
          () => false,
        );
        if (intact) fail('truncated', `the file ends after chunk ${index}; later chunks are missing`);
      }
      fail('tampered', `chunk ${index} does not authenticate`, error);
    }
    options.onProgress?.({ done: reader.position, total: source.size });
    yield plain;
    if (atEnd) return;
  }
}

/** The payload's bytes as the header says they are packed: chunks as they are, or inflated. */
async function* unpack(header: BackupHeader, chunks: AsyncIterable<Uint8Array>, onChunk?: (chunk: Uint8Array) => Promise<void>): AsyncGenerator<Uint8Array> {
  if (header.payload.compression === 'deflate-raw') return yield* inflate(chunks, onChunk);
  for await (const chunk of chunks) {
    await onChunk?.(chunk);
    yield chunk;
  }
}

/** Decompresses chunks as they come; a chunk's own failure (tampered, truncated) wins over the inflater's. */
async function* inflate(chunks: AsyncIterable<Uint8Array>, onChunk?: (chunk: Uint8Array) => Promise<void>): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let feedError: unknown = null;
  const feeding = (async () => {
    for await (const chunk of chunks) {
      await onChunk?.(chunk);
      await writer.write(chunk as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
  })();
  feeding.catch((error: unknown) => {
    feedError = error;
    void writer.abort(error).catch(() => undefined);
  });
  let finished = false;
  try {
    for (;;) {
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch (error) {
        await feeding.catch(() => undefined);
        if (isBackupError(feedError)) throw feedError;
        if (feedError instanceof Error && feedError.name === 'AbortError') throw feedError;
        fail('invalid-payload', 'the payload does not decompress', error);
      }
      if (read.done) break;
      yield read.value;
    }
    try {
      await feeding;
    } catch (error) {
      if (isBackupError(error) || (error instanceof Error && error.name === 'AbortError')) throw error;
      fail('invalid-payload', 'the payload does not decompress', error);
    }
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
  }
}

function checkCounts(found: Record<string, number>, header: BackupHeader): void {
  const types = new Set([...Object.keys(found), ...Object.keys(header.counts)]);
  for (const type of types) {
    if ((found[type] ?? 0) !== (header.counts[type] ?? 0)) fail('invalid-payload', `the payload holds ${found[type] ?? 0} ${type} rows, the header says ${header.counts[type] ?? 0}`);
  }
}

function rethrow(error: unknown): never {
  if (isBackupError(error)) throw error;
  if (error instanceof Error && error.name === 'AbortError') throw error;
  // WebCrypto or the runtime failed in a way not foreseen: still a refusal, never a crash.
  throw new BackupError('tampered', 'the backup could not be read', {}, { cause: error });
}

export async function openBackup(source: ByteSource, secret: BackupSecret, options: OpenOptions): Promise<OpenedBackup> {
  try {
    const layout = await readLayout(source);
    const { header } = layout;
    let installationKey: CryptoKey;
    let opener: OpenedBackup['opener'] = null;
    if (typeof secret === 'string') {
      const opened = await openInstallationKey(header.keys, secret, { minIterations: options.minIterations });
      installationKey = opened.key;
      opener = { method: opened.method, profileId: opened.profileId };
    } else {
      installationKey = secret.installationKey;
    }
    const dataKey = await unwrapBackupKey(installationKey, header.key.iv, header.key.wrapped);
    try {
      await verifyHeaderTag(dataKey, layout.prefix, layout.tag);
    } catch (error) {
      fail('tampered', 'the header does not authenticate', error);
    }
    if (header.databaseVersion > options.supportedDatabaseVersion) fail('newer-format', `database version ${header.databaseVersion} is newer than ${options.supportedDatabaseVersion}`);
    if (header.databaseVersion < (options.minDatabaseVersion ?? 1)) fail('older-database', `database version ${header.databaseVersion} is older than ${options.minDatabaseVersion}`);

    return {
      header,
      opener,
      async scan(readOptions = {}) {
        try {
          const digest = new ContentDigest();
          const counter = new LineCounter();
          for await (const piece of unpack(header, openChunks(source, layout, dataKey, readOptions), (chunk) => digest.add(chunk))) {
            counter.feed(piece);
            await readOptions.pause?.();
          }
          const counts = counter.end();
          checkCounts(counts, header);
          return { counts, digest: await digest.hex() };
        } catch (error) {
          rethrow(error);
        }
      },
      async *entries(readOptions = {}) {
        const size = readOptions.batch ?? 2000;
        const parser = new LineParser();
        const counts: Record<string, number> = {};
        let batch: BackupEntry[] = [];
        const flush = function* (): Generator<{ type: string; records: unknown[] }> {
          let start = 0;
          for (let i = 1; i <= batch.length; i++) {
            if (i === batch.length || batch[i]!.type !== batch[start]!.type) {
              // At most `size` rows per batch: one decompressed piece can hold many more lines.
              for (let from = start; from < i; from += size) yield { type: batch[start]!.type, records: batch.slice(from, Math.min(i, from + size)).map((entry) => entry.record) };
              start = i;
            }
          }
          batch = [];
        };
        try {
          for await (const piece of unpack(header, openChunks(source, layout, dataKey, readOptions))) {
            for (const entry of parser.feed(piece)) {
              counts[entry.type] = (counts[entry.type] ?? 0) + 1;
              batch.push(entry);
            }
            if (batch.length >= size) yield* flush();
            await readOptions.pause?.();
          }
          parser.feed(null);
          checkCounts(counts, header);
        } catch (error) {
          rethrow(error);
        }
        if (batch.length > 0) yield* flush();
      },
    };
  } catch (error) {
    rethrow(error);
  }
}
