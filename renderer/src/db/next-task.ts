/**
 * A promise that settles in a new task of the event loop: scheduler.yield() where the browser has
 * it, else a message on a fresh channel (no timer clamping, unlike setTimeout after a few nests).
 * Long work on the UI thread awaits it between slices so that no task blocks input for long.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Work between two turns of the event loop for interactive work: well under the 50 ms a long task starts at. */
export const SLICE_MS = 8;

/**
 * The budget for long bulk work where throughput counts and the target is a task under 100 ms
 * (backups and restores of 100 000 cases): fewer turns, each still short.
 */
export const BULK_SLICE_MS = 25;

/**
 * Long work on the UI thread in slices: `pause()` returns a promise that yields to the event loop
 * (a key press, a click, a frame) once `budgetMs` of work ran since the last turn, and null before
 * that, so a tight loop pays one clock read per item and `await pause()` costs nothing between
 * turns. The import's preview and sealing, backups and restores, and summaries (queries/run-steps)
 * all slice with it. performance.now() is a monotonic timer, not the clock of record.
 *
 * Never inside an IndexedDB transaction: a yielded task lets the transaction commit.
 */
export function timeSlicer(budgetMs = SLICE_MS): () => Promise<void> | null {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return null;
    return nextTask().then(() => {
      since = performance.now();
    });
  };
}
