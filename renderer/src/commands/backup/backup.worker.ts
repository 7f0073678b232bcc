// First: no module may make a zod schema before zod is told not to try eval.
import '../../../../shared/security/no-eval';
import { createBackupWorkerHost } from './worker-host';
import type { FromBackupWorker, ToBackupWorker } from './worker-protocol';

/**
 * A backup worker (reader or writer of a backup's spool, or its check; ./worker-protocol.ts). A
 * module worker; Vite bundles it from
 *   new Worker(new URL('./backup.worker.ts', import.meta.url), { type: 'module' })
 * (./worker-client.ts). It writes nothing to the database: the reader opens its own read-only
 * connection, the writer holds the spool until the client has it.
 */

/** The part of DedicatedWorkerGlobalScope used here (the renderer compiles against the DOM lib, not WebWorker). */
interface WorkerScope {
  postMessage(message: FromBackupWorker, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToBackupWorker>) => void): void;
}

const scope = self as unknown as WorkerScope;
const handle = createBackupWorkerHost((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.addEventListener('message', (event) => handle(event.data));
