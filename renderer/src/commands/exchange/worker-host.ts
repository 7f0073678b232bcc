import type { BundleEntry } from '../../../../shared/sync/bundle';
import { decodeJob, encodeJob } from '../../../../shared/sync/wire/codec';
import type { EntryType, ExchangeProgress, WireRecords } from '../../../../shared/sync/wire/types';
import { openAsIs, openedPages, type StoredSource } from './stored-pages';
import { DECODED_BATCH, type FromWorker, type SerializedError, type ToWorker } from './worker-protocol';

/**
 * The bundle worker's logic, apart from the worker global so that tests can drive it in-process.
 * `post(message, transfer)` sends a message back to the client.
 */

/**
 * An async queue of batches, filled by messages and drained by the encoder in the order they
 * came. An item is a batch, or a whole stored table read and opened here while it is drained
 * (its next page read ahead while the encoder works on the current one).
 */
class BatchQueue implements AsyncIterable<readonly BundleEntry[]> {
  private items: Array<readonly BundleEntry[] | (() => AsyncIterable<readonly BundleEntry[]>)> = [];
  private ended = false;
  private wake: (() => void) | null = null;

  push(item: readonly BundleEntry[] | (() => AsyncIterable<readonly BundleEntry[]>)): void {
    this.items.push(item);
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<readonly BundleEntry[]> {
    for (;;) {
      const item = this.items.shift();
      if (typeof item === 'function') {
        yield* item();
        continue;
      }
      if (item) {
        yield item;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

/** Where the worker reads the app's database (its own IndexedDB; tests pass another implementation). */
export interface WorkerDatabase {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

const globalDatabase = (): WorkerDatabase => ({ indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange });

function serialize(error: unknown): SerializedError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

export function createWorkerHost(post: (message: FromWorker, transfer?: Transferable[]) => void, database: () => WorkerDatabase = globalDatabase): (message: ToWorker) => void {
  const queues = new Map<number, BatchQueue>();
  /** Each encode job's data key, for its stored tables. */
  const keys = new Map<number, CryptoKey | undefined>();
  /** Each encode job's read connection to the app's database (opened on its first stored table, closed at its end). */
  const connections = new Map<number, Promise<IDBDatabase>>();

  /** A stored table of job `id`, read from the job's connection and opened page by page. */
  const readStored = (id: number, source: StoredSource) =>
    async function* (): AsyncGenerator<readonly BundleEntry[]> {
      const { indexedDB, IDBKeyRange } = database();
      let connection = connections.get(id);
      if (!connection) connections.set(id, (connection = openAsIs(indexedDB, source.database)));
      yield* openedPages(await connection, IDBKeyRange, source, keys.get(id));
    };
  const progress = (id: number) => (p: ExchangeProgress) => post({ kind: 'progress', id, progress: p });

  return (message) => {
    switch (message.kind) {
      case 'encode-start': {
        const queue = new BatchQueue();
        queues.set(message.id, queue);
        keys.set(message.id, message.dataKey);
        encodeJob(message.job, queue, { onProgress: progress(message.id) })
          .then(
            ({ header, bytes }) => post({ kind: 'encoded', id: message.id, header, bytes }, [bytes.buffer as ArrayBuffer]),
            (error: unknown) => post({ kind: 'failed', id: message.id, error: serialize(error) }),
          )
          .finally(() => {
            queues.delete(message.id);
            keys.delete(message.id);
            connections.get(message.id)?.then((idb) => idb.close(), () => undefined);
            connections.delete(message.id);
          });
        break;
      }
      case 'encode-read':
        queues.get(message.id)?.push(readStored(message.id, message.source));
        break;
      case 'encode-batch':
        queues.get(message.id)?.push(message.batch);
        break;
      case 'encode-end':
        queues.get(message.id)?.end();
        break;
      case 'decode':
        decodeJob(message.job, { onProgress: progress(message.id) }).then(
          (outcome) => {
            if (!outcome.ok) return post({ kind: 'decoded', id: message.id, outcome });
            const none = Object.fromEntries(Object.keys(outcome.records).map((type) => [type, []])) as unknown as WireRecords;
            for (const [type, records] of Object.entries(outcome.records) as Array<[EntryType, unknown[]]>) {
              for (let start = 0; start < records.length; start += DECODED_BATCH) post({ kind: 'decoded-records', id: message.id, type, records: records.slice(start, start + DECODED_BATCH) });
            }
            post({ kind: 'decoded', id: message.id, outcome: { ...outcome, records: none } });
          },
          (error: unknown) => post({ kind: 'failed', id: message.id, error: serialize(error) }),
        );
        break;
    }
  };
}
