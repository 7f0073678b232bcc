import {
  decodeBundle,
  encodeBundle,
  isBundleError,
  type BundleEntry,
  type BundleHeader,
  type BundleInput,
  type BundleKey,
  type DecodeExpectations,
  type EncodedBundle,
  type EncodedEntries,
  isEncodedEntries,
} from '../bundle';
import { validateEntries } from './validate';
import { refusal, type ImportRefusal, type ProgressListener, type WireRecords } from './types';

/**
 * The CPU-heavy half of an exchange — deflate, AES-GCM, PBKDF2, JSON and the record checks — as
 * functions over plain, structured-cloneable data, so the same code runs on the main thread (tests,
 * small bundles) and in the bundle worker (./bundle.worker.ts, ./worker-client.ts). Nothing here
 * touches the database.
 */

/** Everything an encoder needs besides the records (all structured-cloneable). */
export interface EncodeJob {
  input: Omit<BundleInput, 'entries'>;
  /** The passphrase, or a key derived from it beforehand (deriveBundleKey; a CryptoKey crosses to a worker). */
  passphrase: string | BundleKey;
  options: { iterations?: number; minIterations?: number; chunkBytes?: number; now: Date; bundleId?: string };
}

export interface DecodeJob {
  bytes: Uint8Array;
  /** The passphrase, or a key derived beforehand with the bundle's salt and iterations (header.kdf). */
  passphrase: string | BundleKey;
  expectations: DecodeExpectations;
}

export type DecodeOutcome = { ok: true; header: BundleHeader; records: WireRecords } | { ok: false; refusal: ImportRefusal; header?: BundleHeader };

export interface CodecCallOptions {
  onProgress?: ProgressListener;
  signal?: AbortSignal;
}

/** Encodes and decodes bundles, here or in a worker. */
export interface BundleCodec {
  /** `entries` arrive in batches (read from the database page by page). */
  encode(job: EncodeJob, entries: AsyncIterable<readonly BundleEntry[]>, options?: CodecCallOptions): Promise<EncodedBundle>;
  decode(job: DecodeJob, options?: CodecCallOptions): Promise<DecodeOutcome>;
}

/** A batch of entries, or entries already serialised as lines (in the bundle worker, by its reader). */
export type EntryBatch = readonly BundleEntry[] | EncodedEntries;

const sizeOf = (batch: EntryBatch): number => (isEncodedEntries(batch) ? Object.values(batch.counts).reduce((sum, n) => sum + n, 0) : batch.length);

/** Passes the batches on, counting records for progress and stopping when aborted. */
async function* watched(entries: AsyncIterable<EntryBatch>, options: CodecCallOptions): AsyncGenerator<EntryBatch> {
  let done = 0;
  for await (const batch of entries) {
    options.signal?.throwIfAborted();
    yield batch;
    done += sizeOf(batch);
    options.onProgress?.({ phase: 'encoding', done });
  }
  options.signal?.throwIfAborted();
}

export async function encodeJob(job: EncodeJob, entries: AsyncIterable<EntryBatch>, options: CodecCallOptions = {}): Promise<EncodedBundle> {
  options.signal?.throwIfAborted();
  const encoded = await encodeBundle({ ...job.input, entries: watched(entries, options) }, job.passphrase, job.options);
  options.signal?.throwIfAborted();
  return encoded;
}

/**
 * Opens, authenticates, decompresses and checks a bundle. Every refusal comes back as a value
 * (BundleError codes from the codec, the importer's own codes from the checks); other exceptions
 * are bugs and are thrown.
 */
export async function decodeJob(job: DecodeJob, options: CodecCallOptions = {}): Promise<DecodeOutcome> {
  options.signal?.throwIfAborted();
  options.onProgress?.({ phase: 'decoding', done: 0 });
  let header: BundleHeader | undefined;
  try {
    const bundle = await decodeBundle(job.bytes, job.passphrase, job.expectations);
    header = bundle.header;
    if (header.sender.installationId === job.expectations.installationId) return { ok: false, refusal: refusal('own-bundle'), header };
    const total = Object.values(header.counts).reduce((sum, n) => sum + n, 0);
    const byType: Record<string, unknown[]> = {};
    let done = 0;
    for await (const entry of bundle.entries()) {
      (byType[entry.type] ??= []).push(entry.record);
      if (++done % 5000 === 0) {
        options.signal?.throwIfAborted();
        options.onProgress?.({ phase: 'decoding', done, total });
      }
    }
    options.onProgress?.({ phase: 'validating', done: 0, total });
    const checked = await validateEntries(header, byType);
    options.signal?.throwIfAborted();
    options.onProgress?.({ phase: 'validating', done: total, total });
    return checked.ok ? { ok: true, header, records: checked.records } : { ok: false, refusal: checked.refusal, header };
  } catch (error) {
    if (isBundleError(error)) return { ok: false, refusal: refusal(error.code), ...(header ? { header } : {}) };
    throw error;
  }
}

/** The codec on the calling thread. */
export const inlineCodec: BundleCodec = {
  encode: encodeJob,
  decode: decodeJob,
};
