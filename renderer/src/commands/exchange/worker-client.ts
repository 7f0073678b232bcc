import { BundleError, type BundleEntry, type BundleErrorCode, type EncodedBundle } from '../../../../shared/sync/bundle';
import type { BundleCodec, CodecCallOptions, DecodeJob, DecodeOutcome, EncodeJob } from '../../../../shared/sync/wire/codec';
import { READERS_PER_TABLE, type FromWorker, type SerializedError, type ToWorker } from './worker-protocol';
import { isStoredSource, type ExportBatch, type StoredSource } from './stored-pages';
import { PROTECTION_ERROR_CODES, ProtectionError, type ProtectionErrorCode } from '../../../../shared/protection/errors';

/**
 * A BundleCodec that runs in the bundle worker, so that encoding or decoding 100 000 cases never
 * freezes the UI: progress arrives as messages, and cancelling (the AbortSignal) terminates the
 * worker at once — whatever it was doing stops, and the next job starts a fresh worker. The
 * database is written on the main thread by the commands; a full export's big tables are read
 * (read-only, as stored) and opened by other instances of the worker, taking turns page by page
 * (`encodeStored`, ./stored-pages.ts), which hand their lines straight to the first.
 *
 *   const codec = createWorkerCodec();
 *   await exportBundle(ctx, { …, codec, onProgress, signal });
 */

/** What the client needs of a Worker (tests pass an in-process stand-in). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: FromWorker }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
  terminate(): void;
}

export function defaultBundleWorker(): WorkerLike {
  return new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module', name: 'otk-bundle' }) as unknown as WorkerLike;
}

interface Pending {
  resolve: (message: FromWorker) => void;
  reject: (error: unknown) => void;
  onProgress?: CodecCallOptions['onProgress'];
  /** A decode's records, as their slices arrive ('decoded-records'). */
  records?: Record<string, unknown[]>;
}

function abortError(): DOMException {
  return new DOMException('The exchange was cancelled', 'AbortError');
}

function revive(error: SerializedError): Error {
  if (error.name === 'BundleError' && error.code) return new BundleError(error.code as BundleErrorCode, error.message);
  // A stored record that did not open in the worker: the middleware's own error, as on this thread.
  if (error.name === 'ProtectionError' && (PROTECTION_ERROR_CODES as readonly string[]).includes(error.code ?? '')) return new ProtectionError(error.code as ProtectionErrorCode, error.message);
  if (error.name === 'AbortError') return abortError();
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
}

export interface WorkerCodec extends BundleCodec {
  /**
   * As `encode`, with stored tables among the batches (./stored-pages): READERS_PER_TABLE other
   * instances of the worker (the readers) read them page by page in turn, each from its own
   * connection to the database, open them with `dataKey` (the middleware's function) and serialise
   * them, while the first compresses and seals (./worker-protocol.ts): reading, AES-GCM, JSON and
   * deflate run off the UI thread, on several threads. A row that does not open under the key
   * rejects the export (ProtectionError 'tampered').
   */
  encodeStored(job: EncodeJob, batches: AsyncIterable<ExportBatch>, dataKey: CryptoKey | undefined, options?: CodecCallOptions): Promise<EncodedBundle>;
  /** Terminates the workers (pending jobs are rejected with an AbortError). */
  dispose(): void;
}

export function createWorkerCodec(createWorker: () => WorkerLike = defaultBundleWorker): WorkerCodec {
  let worker: WorkerLike | null = null;
  /** The other instances, reading stored tables for the encoder (./worker-protocol.ts). */
  let readers: WorkerLike[] = [];
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: unknown) => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };

  /** Stops the readers (whatever they still read is for a job that has ended); the next export starts new ones. */
  const dropReaders = () => {
    for (const reader of readers) reader.terminate();
    readers = [];
  };

  const stop = (error: unknown) => {
    worker?.terminate();
    worker = null;
    dropReaders();
    failAll(error);
  };

  const currentReaders = (): WorkerLike[] => {
    while (readers.length < READERS_PER_TABLE) {
      const created = createWorker();
      // Their errors come to the encoder over the table's ports; a crash of a worker itself stops the job.
      created.addEventListener('error', () => stop(new Error('the bundle worker failed')));
      readers.push(created);
    }
    return readers;
  };

  /**
   * Has the readers read `source` and send its lines to the encoder's job `id`: a channel from
   * each reader to the encoder, and from the lead to each other reader (its share of the pages).
   */
  const readStored = (target: WorkerLike, id: number, source: StoredSource, dataKey: CryptoKey | undefined) => {
    const [lead, ...followers] = currentReaders();
    const lines = [lead!, ...followers].map(() => new MessageChannel());
    const shares = followers.map(() => new MessageChannel());
    const key = dataKey ? { dataKey } : {};
    const toLead = [lines[0]!.port1, ...shares.map((share) => share.port1)];
    lead!.postMessage({ kind: 'read-lines', source, ...key, port: lines[0]!.port1, share: { kind: 'lead', followers: shares.map((share) => share.port1) } }, toLead);
    followers.forEach((follower, k) => {
      const share = shares[k]!.port2;
      follower.postMessage({ kind: 'read-lines', source, ...key, port: lines[k + 1]!.port1, share: { kind: 'follow', lead: share } }, [lines[k + 1]!.port1, share]);
    });
    const ports = lines.map((channel) => channel.port2);
    target.postMessage({ kind: 'encode-lines', id, ports }, ports);
  };

  const current = (): WorkerLike => {
    if (worker) return worker;
    const created = createWorker();
    created.addEventListener('message', (event: { data: FromWorker }) => {
      const message = event.data;
      const job = pending.get(message.id);
      if (!job) return;
      if (message.kind === 'progress') return job.onProgress?.(message.progress);
      if (message.kind === 'decoded-records') {
        job.records ??= {};
        const into = (job.records[message.type] ??= []);
        for (const record of message.records) into.push(record);
        return;
      }
      pending.delete(message.id);
      if (message.kind === 'failed') job.reject(revive(message.error));
      else job.resolve(message);
    });
    created.addEventListener('error', () => stop(new Error('the bundle worker failed')));
    worker = created;
    return created;
  };

  /** Starts a job: its result message, rejected with an AbortError when `signal` fires. */
  const run = (id: number, options: CodecCallOptions): Promise<FromWorker> => {
    return new Promise<FromWorker>((resolve, reject) => {
      const onAbort = () => stop(abortError());
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => options.signal?.removeEventListener('abort', onAbort);
      const slot: Pending = {
        resolve: (message) => {
          done();
          // A decoded bundle's records came ahead of its outcome, in slices: put them back in.
          if (message.kind === 'decoded' && message.outcome.ok && slot.records) {
            const records = message.outcome.records as unknown as Record<string, unknown[]>;
            for (const [type, arrived] of Object.entries(slot.records)) records[type] = arrived;
          }
          resolve(message);
        },
        reject: (error) => {
          done();
          reject(error);
        },
        onProgress: options.onProgress,
      };
      pending.set(id, slot);
    });
  };

  const encodeIn = async (job: EncodeJob, batches: AsyncIterable<ExportBatch>, dataKey: CryptoKey | undefined, options: CodecCallOptions): Promise<EncodedBundle> => {
    options.signal?.throwIfAborted();
    const id = nextId++;
    const target = current();
    const result = run(id, options);
    result.catch(() => undefined);
    target.postMessage({ kind: 'encode-start', id, job });
    let sent = 0;
    try {
      for await (const batch of batches) {
        options.signal?.throwIfAborted();
        if (!pending.has(id)) break; // the worker failed or was stopped meanwhile
        if (isStoredSource(batch)) {
          // The readers read, open and serialise the table and send its lines straight to the
          // encoder over their own channels: progress comes as 'encoding'.
          readStored(target, id, batch, dataKey);
          continue;
        } else {
          target.postMessage({ kind: 'encode-batch', id, batch });
          sent += batch.length;
        }
        options.onProgress?.({ phase: 'reading', done: sent });
      }
    } catch (error) {
      // Reading failed or was cancelled: stop the worker's half-done job too.
      stop(error);
      throw error;
    }
    if (pending.has(id)) target.postMessage({ kind: 'encode-end', id });
    const message = await result.catch((error: unknown) => {
      // A failed job leaves no reader waiting for acknowledgements that will not come.
      dropReaders();
      throw error;
    });
    if (message.kind !== 'encoded') throw new Error(`unexpected worker answer ${message.kind}`);
    return { header: message.header, bytes: message.bytes };
  };

  return {
    encode(job: EncodeJob, entries: AsyncIterable<readonly BundleEntry[]>, options: CodecCallOptions = {}): Promise<EncodedBundle> {
      return encodeIn(job, entries, undefined, options);
    },

    encodeStored(job: EncodeJob, batches: AsyncIterable<ExportBatch>, dataKey: CryptoKey | undefined, options: CodecCallOptions = {}): Promise<EncodedBundle> {
      return encodeIn(job, batches, dataKey, options);
    },

    async decode(job: DecodeJob, options: CodecCallOptions = {}): Promise<DecodeOutcome> {
      options.signal?.throwIfAborted();
      const id = nextId++;
      const target = current();
      const result = run(id, options);
      target.postMessage({ kind: 'decode', id, job });
      const message = await result;
      if (message.kind !== 'decoded') throw new Error(`unexpected worker answer ${message.kind}`);
      return message.outcome;
    },

    dispose() {
      stop(abortError());
    },
  };
}
