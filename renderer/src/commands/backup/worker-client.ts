import { BackupError, type BackupErrorCode, type BackupWritten } from '../../../../shared/backup';
import type { OtkDatabase } from '../../db/schema';
import type { BackupWork, Spooled, SpoolJob, WorkOptions } from './spool';
import type { FromBackupWorker, SerializedError, ToBackupWorker } from './worker-protocol';

/**
 * A backup's spool and check in the backup workers (./worker-protocol.ts): two workers per
 * backup, a reader and a writer, ended with the backup (`dispose`). Cancelling (the AbortSignal)
 * or a failure in either terminates both at once: the spool, which only the writer holds, is gone
 * with it, and no file was written anywhere.
 */

/** What the client needs of a Worker (tests pass an in-process stand-in). */
export interface BackupWorkerLike {
  postMessage(message: ToBackupWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: { data: FromBackupWorker }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
  terminate(): void;
}

export function defaultBackupWorker(): BackupWorkerLike {
  return new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module', name: 'otk-backup' }) as unknown as BackupWorkerLike;
}

const abortError = () => new DOMException('The backup was cancelled', 'AbortError');

/** DOMException names a worker's failure keeps (a cancel, a full disk). */
const DOM_NAMES = new Set(['AbortError', 'QuotaExceededError', 'NotFoundError', 'InvalidStateError', 'UnknownError', 'DataError', 'OperationError']);

export function reviveError(error: SerializedError): Error {
  if (error.name === 'BackupError' && error.code) return new BackupError(error.code as BackupErrorCode, error.message, error.params ?? {});
  if (DOM_NAMES.has(error.name)) return new DOMException(error.message, error.name);
  const revived = new Error(error.message);
  revived.name = error.name;
  return revived;
}

export function workerBackupWork(createWorker: () => BackupWorkerLike = defaultBackupWorker): BackupWork {
  const workers: BackupWorkerLike[] = [];
  const pending = new Map<number, { resolve: (message: FromBackupWorker) => void; reject: (error: unknown) => void; onProgress?: WorkOptions['onProgress'] }>();
  let nextId = 1;

  const stop = (error: unknown) => {
    for (const worker of workers.splice(0)) worker.terminate();
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };

  const started = (): BackupWorkerLike => {
    const worker = createWorker();
    worker.addEventListener('message', ({ data }) => {
      const job = pending.get(data.id);
      if (!job) return;
      if (data.kind === 'progress') return job.onProgress?.(data.progress);
      pending.delete(data.id);
      if (data.kind === 'failed') {
        // One side failed: the other's half-done work goes with it.
        const error = reviveError(data.error);
        job.reject(error);
        stop(error);
      } else job.resolve(data);
    });
    worker.addEventListener('error', () => stop(new Error('a backup worker failed')));
    workers.push(worker);
    return worker;
  };
  const worker = (at: number) => workers[at] ?? started();

  /** Sends jobs and waits for the answer of the last one; the others' answers must come without failure. */
  const run = async (options: WorkOptions, send: (ids: number[]) => void, count: number): Promise<FromBackupWorker[]> => {
    options.signal?.throwIfAborted();
    const ids = Array.from({ length: count }, () => nextId++);
    const answers = ids.map(
      (id) =>
        new Promise<FromBackupWorker>((resolve, reject) => {
          pending.set(id, { resolve, reject, onProgress: options.onProgress });
        }),
    );
    for (const answer of answers) answer.catch(() => undefined);
    const onAbort = () => stop(abortError());
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      send(ids);
      return await Promise.all(answers);
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
    }
  };

  return {
    async spool(db: OtkDatabase, job: SpoolJob, options: WorkOptions = {}): Promise<Spooled> {
      const [, spooled] = await run(
        options,
        ([readId, writeId]) => {
          const channel = new MessageChannel();
          const reader = worker(0);
          const writer = worker(1);
          writer.postMessage({ kind: 'write', id: writeId!, job, port: channel.port2 }, [channel.port2]);
          reader.postMessage({ kind: 'read', id: readId!, database: db.name, port: channel.port1 }, [channel.port1]);
        },
        2,
      );
      if (spooled?.kind !== 'spooled') throw new Error(`unexpected backup worker answer ${spooled?.kind}`);
      return { blob: spooled.blob, written: spooled.written, stats: spooled.stats };
    },

    async check(blob: Blob, written: BackupWritten, job: Pick<SpoolJob, 'installationKey' | 'databaseVersion'>, options: WorkOptions = {}): Promise<void> {
      const [answer] = await run(options, ([id]) => worker(1).postMessage({ kind: 'check', id: id!, blob, written, job }), 1);
      if (answer?.kind !== 'checked') throw new Error(`unexpected backup worker answer ${answer?.kind}`);
    },

    async bytesOf(blob: Blob): Promise<Uint8Array> {
      const [answer] = await run({}, ([id]) => worker(1).postMessage({ kind: 'bytes', id: id!, blob }), 1);
      if (answer?.kind !== 'bytes') throw new Error(`unexpected backup worker answer ${answer?.kind}`);
      return answer.bytes;
    },

    dispose() {
      stop(abortError());
    },
  };
}
