import type { BundleEntry } from '../../../../shared/sync/bundle';
import { decodeJob, encodeJob } from '../../../../shared/sync/wire/codec';
import type { EntryType, ExchangeProgress, WireRecords } from '../../../../shared/sync/wire/types';
import { openStoredPage } from './stored-pages';
import { DECODED_BATCH, type FromWorker, type SerializedError, type ToWorker } from './worker-protocol';

/**
 * The bundle worker's logic, apart from the worker global so that tests can drive it in-process.
 * `post(message, transfer)` sends a message back to the client.
 */

/**
 * An async queue of batches, filled by messages and drained by the encoder in the order they
 * came. A batch may still be on its way (a stored page being opened): the encoder waits for it, so
 * opening the next pages overlaps encoding this one.
 */
class BatchQueue implements AsyncIterable<readonly BundleEntry[]> {
  private batches: Array<Promise<readonly BundleEntry[]>> = [];
  private ended = false;
  private wake: (() => void) | null = null;

  push(batch: readonly BundleEntry[] | Promise<readonly BundleEntry[]>): void {
    const pending = Promise.resolve(batch);
    // A failed batch fails the encoder when it gets there; never an unhandled rejection meanwhile.
    pending.catch(() => undefined);
    this.batches.push(pending);
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
      const batch = this.batches.shift();
      if (batch) {
        yield await batch;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

function serialize(error: unknown): SerializedError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

export function createWorkerHost(post: (message: FromWorker, transfer?: Transferable[]) => void): (message: ToWorker) => void {
  const queues = new Map<number, BatchQueue>();
  /** Each encode job's data key, for its stored pages. */
  const keys = new Map<number, CryptoKey | undefined>();
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
          });
        break;
      }
      case 'encode-stored':
        queues.get(message.id)?.push(openStoredPage(message.page, keys.get(message.id)));
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
