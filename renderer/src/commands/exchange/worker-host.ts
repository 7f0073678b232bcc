import { encodeEntryLines, type BundleEntry, type EncodedEntries } from '../../../../shared/sync/bundle';
import { decodeJob, encodeJob, type EntryBatch } from '../../../../shared/sync/wire/codec';
import type { EntryType, ExchangeProgress, WireRecords } from '../../../../shared/sync/wire/types';
import { openAsIs, openedPages, pageRanges, pagesIn, type PageRange } from './stored-pages';
import { DECODED_BATCH, LINES_AHEAD, type EncoderToReader, type FromWorker, type LeadToFollower, type ReadShare, type ReaderToEncoder, type SerializedError, type ToWorker } from './worker-protocol';

/**
 * The bundle worker's logic, apart from the worker global so that tests can drive it in-process.
 * `post(message, transfer)` sends a message back to the client. One instance encodes and decodes;
 * for a full export a second one reads the stored tables (./worker-protocol.ts says who does what).
 */

/**
 * An async queue of batches, filled by messages and drained by the encoder in the order they
 * came. An item is a batch, or a whole stored table whose lines arrive from the reader while it is
 * drained.
 */
class BatchQueue implements AsyncIterable<EntryBatch> {
  private items: Array<readonly BundleEntry[] | (() => AsyncIterable<EncodedEntries>)> = [];
  private ended = false;
  private wake: (() => void) | null = null;

  push(item: readonly BundleEntry[] | (() => AsyncIterable<EncodedEntries>)): void {
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

  async *[Symbol.asyncIterator](): AsyncGenerator<EntryBatch> {
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
  if (error instanceof Error || error instanceof DOMException) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(error) };
}

/** The reader's error, thrown again in the encoder as it was (the client revives it by name and code). */
function reviveHere(error: SerializedError): Error {
  return Object.assign(new Error(error.message), { name: error.name, ...(error.code ? { code: error.code } : {}) });
}

/** The ranges a lead posts to a follower (./worker-protocol.ts ReadShare). */
function pagesFromLead(lead: MessagePort): Promise<PageRange[]> {
  return new Promise<PageRange[]>((resolve) => {
    lead.onmessage = (event: MessageEvent<LeadToFollower>) => {
      lead.onmessage = null;
      lead.close();
      resolve(event.data.ranges);
    };
  });
}

/**
 * This reader's pages of the table: the lead cuts it and hands each follower its turns; a follower
 * waits for them. Reader k of n reads pages k, k + n, k + 2n, …
 */
async function shareOf(idb: IDBDatabase, table: string, share: ReadShare): Promise<PageRange[]> {
  if (share.kind === 'follow') return pagesFromLead(share.lead);
  const { followers } = share;
  let ranges: PageRange[] = [];
  const turnsOf = (reader: number) => ranges.filter((_, i) => i % (followers.length + 1) === reader);
  try {
    ranges = await pageRanges(idb, table);
  } finally {
    // A lead that fails still lets its followers end (its own failure reaches the encoder).
    // (The follower closes the channel once it has them.)
    followers.forEach((follower, k) => follower.postMessage({ kind: 'pages', ranges: turnsOf(k + 1) } satisfies LeadToFollower));
  }
  return turnsOf(0);
}

/**
 * Reader: its share of a stored table read from its own connection, each page opened with
 * `dataKey`, projected, serialised as lines and sent over `port` (an empty page too: the encoder
 * takes pages from the readers in turn) — at most LINES_AHEAD pages ahead of the encoder.
 */
async function readLines(message: Extract<ToWorker, { kind: 'read-lines' }>, database: WorkerDatabase): Promise<void> {
  const { port, source, dataKey, share } = message;
  const send = (data: ReaderToEncoder, transfer: Transferable[] = []) => port.postMessage(data, transfer);
  let ahead = 0;
  let room: (() => void) | null = null;
  port.onmessage = (event: MessageEvent<EncoderToReader>) => {
    if (event.data.kind !== 'ack') return;
    ahead--;
    const wake = room;
    room = null;
    wake?.();
  };
  let idb: IDBDatabase | null = null;
  try {
    idb = await openAsIs(database.indexedDB, source.database);
    const ranges = await shareOf(idb, source.table, share);
    for await (const entries of openedPages(pagesIn(idb, database.IDBKeyRange, source, ranges), dataKey)) {
      while (ahead >= LINES_AHEAD) await new Promise<void>((resolve) => (room = resolve));
      const lines = encodeEntryLines(entries);
      ahead++;
      send({ kind: 'lines', lines }, [lines.bytes.buffer as ArrayBuffer]);
    }
    send({ kind: 'end' });
  } catch (error) {
    send({ kind: 'failed', error: serialize(error) });
  } finally {
    port.onmessage = null;
    idb?.close();
  }
}

/**
 * Encoder: a stored table's lines as they arrive from its readers, one page from each in turn (so
 * in key order), each acknowledged to its reader once taken. A reader that has ended leaves the turn.
 */
async function* linesFrom(ports: readonly MessagePort[]): AsyncGenerator<EncodedEntries> {
  const arrived = ports.map((): ReaderToEncoder[] => []);
  let wake: (() => void) | null = null;
  ports.forEach((port, k) => {
    port.onmessage = (event: MessageEvent<ReaderToEncoder>) => {
      arrived[k]!.push(event.data);
      const resume = wake;
      wake = null;
      resume?.();
    };
  });
  const turns = ports.map((_, k) => k);
  try {
    for (let turn = 0; turns.length > 0; ) {
      const k = turns[turn]!;
      const data = arrived[k]!.shift();
      if (!data) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (data.kind === 'failed') throw reviveHere(data.error);
      if (data.kind === 'end') {
        turns.splice(turn, 1);
        if (turn >= turns.length) turn = 0;
        continue;
      }
      if (data.lines.bytes.length > 0) yield data.lines;
      ports[k]!.postMessage({ kind: 'ack' } satisfies EncoderToReader);
      turn = (turn + 1) % turns.length;
    }
  } finally {
    for (const port of ports) {
      port.onmessage = null;
      port.close();
    }
  }
}

export function createWorkerHost(post: (message: FromWorker, transfer?: Transferable[]) => void, database: () => WorkerDatabase = globalDatabase): (message: ToWorker) => void {
  const queues = new Map<number, BatchQueue>();
  const progress = (id: number) => (p: ExchangeProgress) => post({ kind: 'progress', id, progress: p });

  return (message) => {
    switch (message.kind) {
      case 'encode-start': {
        const queue = new BatchQueue();
        queues.set(message.id, queue);
        encodeJob(message.job, queue, { onProgress: progress(message.id) })
          .then(
            ({ header, bytes }) => post({ kind: 'encoded', id: message.id, header, bytes }, [bytes.buffer as ArrayBuffer]),
            (error: unknown) => post({ kind: 'failed', id: message.id, error: serialize(error) }),
          )
          .finally(() => queues.delete(message.id));
        break;
      }
      case 'encode-lines': {
        const { ports } = message;
        const queue = queues.get(message.id);
        if (queue) queue.push(() => linesFrom(ports));
        else ports.forEach((port) => port.close()); // the job has failed meanwhile
        break;
      }
      case 'encode-batch':
        queues.get(message.id)?.push(message.batch);
        break;
      case 'encode-end':
        queues.get(message.id)?.end();
        break;
      case 'read-lines':
        void readLines(message, database());
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
