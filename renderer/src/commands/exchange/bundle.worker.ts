// First: no module may make a zod schema before zod is told not to try eval.
import '../../../../shared/security/no-eval';
import { createWorkerHost } from './worker-host';
import type { FromWorker, ToWorker } from './worker-protocol';

/**
 * The bundle worker: encodes and decodes .otk bundles (PBKDF2, deflate, AES-GCM, JSON, record
 * checks) off the UI thread, posting progress. A module worker; Vite bundles it from
 *   new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module' })
 * (see ./worker-client.ts). It writes nothing to the database; for a full export other instances
 * (the readers, taking turns page by page) read the big tables as stored, each from its own
 * read-only connection, open them with the data key posted to them (./stored-pages.ts) and send
 * their lines to the first (./worker-protocol.ts).
 */

/** The part of DedicatedWorkerGlobalScope used here (the renderer compiles against the DOM lib, not WebWorker). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
}

const scope = self as unknown as WorkerScope;
const handle = createWorkerHost((message, transfer) => scope.postMessage(message, transfer ?? []));
scope.addEventListener('message', (event) => handle(event.data));
