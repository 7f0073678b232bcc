import { uuidv7 } from '../ids';
import { writeU16, writeU32 } from '../sync/bundle/bytes';
import { headerTag, MAX_CHUNKS, sha256 } from '../sync/bundle/cipher';
import { sealChunk } from './chunk-cipher';
import { FRAME_LENGTH_BYTES, MAGIC, MAX_HEADER_BYTES, PREFIX_BYTES } from '../sync/bundle/format';
import { ContentDigest } from './digest';
import { BackupError } from './errors';
import { BACKUP_CHUNK_BYTES, BACKUP_FORMAT_VERSION, DEFAULT_BACKUP_COMPRESSION, type BackupCompression } from './format';
import { backupHeaderSchema, type BackupHeader, type KeySlot } from './header';
import { newBackupKey, wrapBackupKey } from './keys';
import { linesOf } from './lines';
import { Chunker, deflater } from './chunker';

/**
 * Writes a backup as a stream: the header first (its counts are known before any row is read —
 * the database counts them in the same snapshot), then rows batch by batch as JSON lines (as they
 * are, or through one raw-deflate stream: `compression`), cut into chunks of `chunkBytes`, each
 * sealed and handed to the sink once the next one begins (a chunk's associated data says whether
 * it is the last); a chunk is sealed while the next one fills. Nothing holds the whole file:
 * memory is one batch of rows and a chunk or two.
 */

/** Receives the file's bytes in order. A sink that fails stops the writer. */
export interface BackupSink {
  write(bytes: Uint8Array): Promise<void>;
}

export interface BackupWriteInput {
  sender: { installationId: string; name: string };
  app: { version: string };
  databaseVersion: number;
  /** Rows per entry type, exactly as many as will be added. */
  counts: Record<string, number>;
  /** Who may open it (./keys keySlotsOf). */
  slots: readonly KeySlot[];
  /** The unlocked installation data key (encrypt): it wraps the backup's own key. */
  installationKey: CryptoKey;
  /** From the caller's clock: `created` and the backup id's moment. */
  now: Date;
  backupId?: string;
  chunkBytes?: number;
  /** How the payload is packed (./format; default DEFAULT_BACKUP_COMPRESSION). */
  compression?: BackupCompression;
  /**
   * Called between slices of ROWS_PER_SLICE rows (serialising and compressing a slice is one
   * piece of synchronous work): the caller may give the event loop a turn there, so a page stays
   * responsive while a large table is written.
   */
  pause?: () => Promise<void> | null;
}

/** Rows serialised and compressed at a time (≈ 0.3 MB of JSON for consultations). */
const ROWS_PER_SLICE = 100;

export interface BackupWritten {
  header: BackupHeader;
  /** Bytes written to the sink. */
  bytes: number;
  /** ./digest: what a check of the file must find again. */
  digest: string;
  counts: Record<string, number>;
}

export interface BackupWriter {
  readonly header: BackupHeader;
  /** Adds rows of one type (awaits room in the pipeline: back-pressure from the sink). */
  add(type: string, rows: readonly unknown[]): Promise<void>;
  /**
   * Adds `count` rows of one type already serialised by `encodeLines` (another thread may
   * serialise while this one compresses and seals). The read-back check counts the lines again.
   */
  addEncoded(type: string, count: number, bytes: Uint8Array): Promise<void>;
  /** Ends the payload; checks the counts; the last chunk is written. */
  finish(): Promise<BackupWritten>;
  /** Stops: nothing more is written (the caller removes what the sink holds). */
  abort(reason?: unknown): Promise<void>;
}

const lineEncoder = new TextEncoder();

/** Rows of one type as the payload's JSON lines, UTF-8 (what `addEncoded` takes). */
export function encodeLines(type: string, rows: readonly unknown[]): Uint8Array {
  return lineEncoder.encode(linesOf(type, rows));
}

export async function createBackupWriter(input: BackupWriteInput, sink: BackupSink): Promise<BackupWriter> {
  const chunkBytes = input.chunkBytes ?? BACKUP_CHUNK_BYTES;
  const compression = input.compression ?? DEFAULT_BACKUP_COMPRESSION;
  const dataKey = await newBackupKey();
  const wrap = await wrapBackupKey(dataKey, input.installationKey);
  const parsed = backupHeaderSchema.safeParse({
    format: BACKUP_FORMAT_VERSION,
    scope: { kind: 'backup' },
    backupId: input.backupId ?? uuidv7(input.now.getTime()),
    created: input.now.toISOString(),
    sender: input.sender,
    app: input.app,
    databaseVersion: input.databaseVersion,
    counts: input.counts,
    keys: input.slots,
    key: { alg: 'AES-256-GCM', ...wrap },
    payload: { encoding: 'json-lines', compression, cipher: 'AES-256-GCM', chunkBytes },
  });
  if (!parsed.success) throw new BackupError('invalid-header', `cannot write this header: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  const header = parsed.data;

  const json = new TextEncoder().encode(JSON.stringify(header));
  if (json.length > MAX_HEADER_BYTES) throw new BackupError('invalid-header', 'the header is too large');
  const prefix = new Uint8Array(PREFIX_BYTES + json.length);
  prefix.set(MAGIC, 0);
  writeU16(prefix, 4, BACKUP_FORMAT_VERSION);
  writeU32(prefix, 6, json.length);
  prefix.set(json, PREFIX_BYTES);
  const headerHash = await sha256(prefix);
  const tag = await headerTag(dataKey, prefix);
  const opening = new Uint8Array(prefix.length + tag.length);
  opening.set(prefix);
  opening.set(tag, prefix.length);
  await sink.write(opening);

  let written = opening.length;
  let index = 0;
  const digest = new ContentDigest();
  const emit = async (plain: Uint8Array, last: boolean) => {
    if (index > MAX_CHUNKS) throw new RangeError('too many chunks');
    const chunkIndex = index++;
    const [sealed] = await Promise.all([sealChunk(dataKey, headerHash, chunkIndex, last, plain), digest.add(plain)]);
    const frame = new Uint8Array(FRAME_LENGTH_BYTES + sealed.length);
    writeU32(frame, 0, sealed.length);
    frame.set(sealed, FRAME_LENGTH_BYTES);
    await sink.write(frame);
    written += frame.length;
  };
  const chunker = new Chunker(chunkBytes, emit);

  let failure: unknown = null;
  // deflate-raw: a pump reads the compressed bytes into the chunker while rows are added.
  const deflating = compression === 'deflate-raw' ? deflater(chunker) : null;
  deflating?.pump.catch((error: unknown) => {
    failure = error;
  });
  const counts: Record<string, number> = {};
  let finished = false;
  const put = async (bytes: Uint8Array) => {
    try {
      await (deflating ? deflating.writer.write(bytes) : chunker.push(bytes));
    } catch (error) {
      throw failure ?? error;
    }
  };
  const ready = () => {
    if (failure) throw failure;
    if (finished) throw new Error('the backup is finished');
  };
  return {
    header,
    async add(type, rows) {
      ready();
      if (rows.length === 0) return;
      counts[type] = (counts[type] ?? 0) + rows.length;
      for (let at = 0; at < rows.length; at += ROWS_PER_SLICE) {
        if (at > 0) await input.pause?.();
        await put(encodeLines(type, rows.slice(at, at + ROWS_PER_SLICE)));
      }
    },
    async addEncoded(type, count, bytes) {
      ready();
      if (count === 0) return;
      counts[type] = (counts[type] ?? 0) + count;
      await put(bytes);
    },
    async finish() {
      if (failure) throw failure;
      finished = true;
      try {
        if (deflating) {
          await deflating.writer.close();
          await deflating.pump;
        }
        await chunker.end();
      } catch (error) {
        throw failure ?? error;
      }
      // A payload that disagrees with its header never gets its last chunk: the file stays unreadable.
      const types = new Set([...Object.keys(counts), ...Object.keys(header.counts)]);
      for (const type of types) {
        if ((counts[type] ?? 0) !== (header.counts[type] ?? 0)) throw new BackupError('invalid-payload', `${counts[type] ?? 0} ${type} rows written, the header says ${header.counts[type] ?? 0}`);
      }
      await chunker.last();
      return { header, bytes: written, digest: await digest.hex(), counts };
    },
    async abort(reason) {
      finished = true;
      failure ??= reason ?? new Error('the backup was stopped');
      await deflating?.writer.abort(reason).catch(() => undefined);
      await deflating?.pump.catch(() => undefined);
      await chunker.settled();
    },
  };
}
