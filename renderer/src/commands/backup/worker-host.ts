import { encodeLines, entryTypeOf, type BackupWriter } from '../../../../shared/backup';
import { openAsIs } from '../exchange/stored-pages';
import { blobSink, blobSource } from './files';
import { readSnapshot } from './snapshot';
import { checkReadBack, totalOf, writerFor } from './spool';
import { LINES_AHEAD, type FromBackupWorker, type ReaderToWriter, type SerializedError, type ToBackupWorker, type WriterToReader } from './worker-protocol';

/**
 * The backup workers' logic, apart from the worker global so that tests drive it in-process
 * (./worker-protocol.ts says who does what). `post(message, transfer)` answers the client.
 */

/** Where a worker reads the app's database (its own IndexedDB; tests pass another). */
export interface BackupWorkerDatabase {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

const globalDatabase = (): BackupWorkerDatabase => ({ indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange });

export function serializeError(error: unknown): SerializedError {
  if (error instanceof Error || error instanceof DOMException) {
    const { code, params } = error as { code?: unknown; params?: unknown };
    return {
      name: error.name,
      message: error.message,
      ...(typeof code === 'string' ? { code } : {}),
      ...(params && typeof params === 'object' ? { params: { ...(params as Record<string, string | number>) } } : {}),
    };
  }
  return { name: 'Error', message: String(error) };
}

/** Reader: the snapshot from this worker's own connection, each page serialised and sent over `port`. */
async function read(message: Extract<ToBackupWorker, { kind: 'read' }>, post: (message: FromBackupWorker) => void, database: BackupWorkerDatabase): Promise<void> {
  const { id, port } = message;
  let ahead = 0;
  let room: (() => void) | null = null;
  port.onmessage = (event: MessageEvent<WriterToReader>) => {
    if (event.data.kind !== 'ack') return;
    ahead--;
    const wake = room;
    room = null;
    wake?.();
  };
  const send = (data: ReaderToWriter, transfer: Transferable[] = []) => port.postMessage(data, transfer);
  const started = performance.now();
  const stats = { encodeMs: 0, aheadMs: 0, totalMs: 0 };
  const idb = await openAsIs(database.indexedDB, message.database);
  try {
    let done = 0;
    let total = 0;
    await readSnapshot(
      // The schema version is the writer's (its job's databaseVersion); the reader only reads.
      { idb, keyRange: database.IDBKeyRange, version: 0 },
      {
        begin: async (info) => {
          total = totalOf(info);
          send({ kind: 'begin', info });
        },
        rows: async (table, rows) => {
          const waiting = performance.now();
          while (ahead >= LINES_AHEAD) await new Promise<void>((resolve) => (room = resolve));
          const encoding = performance.now();
          const bytes = encodeLines(entryTypeOf(table), rows);
          stats.aheadMs += encoding - waiting;
          stats.encodeMs += performance.now() - encoding;
          ahead++;
          send({ kind: 'lines', type: entryTypeOf(table), count: rows.length, bytes }, [bytes.buffer as ArrayBuffer]);
          done += rows.length;
          post({ kind: 'progress', id, progress: { phase: 'writing', done, total } });
        },
      },
    );
    stats.totalMs = performance.now() - started;
    send({ kind: 'end', stats });
  } finally {
    idb.close();
  }
}

/** Writer: the lines from `port` compressed, sealed and spooled; the Blob answered. */
function write(message: Extract<ToBackupWorker, { kind: 'write' }>): Promise<FromBackupWorker> {
  const { id, job, port } = message;
  const spool = blobSink();
  let writer: BackupWriter | null = null;
  return new Promise<FromBackupWorker>((resolve, reject) => {
    let queue = Promise.resolve();
    let busyMs = 0;
    let idleSince = performance.now();
    let idleMs = 0;
    let handlingSince = 0;
    const fail = (error: unknown) => {
      port.onmessage = null;
      void writer?.abort(error);
      void spool.abort();
      reject(error);
    };
    const handle = async (data: ReaderToWriter) => {
      const start = performance.now();
      handlingSince = start;
      idleMs += start - idleSince;
      try {
        await handleIn(data);
      } finally {
        idleSince = performance.now();
        busyMs += idleSince - start;
      }
    };
    const handleIn = async (data: ReaderToWriter) => {
      if (data.kind === 'begin') writer = await writerFor(data.info, job, spool);
      else if (data.kind === 'lines') {
        await writer!.addEncoded(data.type, data.count, data.bytes);
        port.postMessage({ kind: 'ack' } satisfies WriterToReader);
      } else {
        const written = await writer!.finish();
        await spool.close();
        port.onmessage = null;
        resolve({ kind: 'spooled', id, blob: spool.blob(), written, stats: { ...data.stats, busyMs: busyMs + performance.now() - handlingSince, idleMs } });
      }
    };
    port.onmessage = (event: MessageEvent<ReaderToWriter>) => {
      queue = queue.then(() => handle(event.data)).catch(fail);
    };
  });
}

export function createBackupWorkerHost(post: (message: FromBackupWorker, transfer?: Transferable[]) => void, database: () => BackupWorkerDatabase = globalDatabase): (message: ToBackupWorker) => void {
  const failed = (id: number) => (error: unknown) => post({ kind: 'failed', id, error: serializeError(error) });
  return (message) => {
    switch (message.kind) {
      case 'read':
        read(message, post, database()).then(() => post({ kind: 'read', id: message.id }), failed(message.id));
        break;
      case 'write':
        write(message).then(post, failed(message.id));
        break;
      case 'check':
        checkReadBack(blobSource(message.blob), message.written, message.job, { onProgress: (progress) => post({ kind: 'progress', id: message.id, progress }) }).then(
          () => post({ kind: 'checked', id: message.id }),
          failed(message.id),
        );
        break;
      case 'bytes':
        message.blob.arrayBuffer().then((buffer) => post({ kind: 'bytes', id: message.id, bytes: new Uint8Array(buffer) }, [buffer]), failed(message.id));
        break;
    }
  };
}
