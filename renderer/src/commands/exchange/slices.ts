/**
 * Long work on the UI thread in slices: `pause()` returns a promise that yields to the event loop
 * once `budgetMs` of work ran since the last yield (null before that, so a tight loop pays one
 * clock read per item). Planning 100 000 cases then never blocks a click for more than a slice.
 *
 * Never inside an IndexedDB transaction: a yielded task lets the transaction commit. The import's
 * preview uses it; the applying transaction does not.
 */
export const SLICE_MS = 12;

interface Scheduler {
  yield?: () => Promise<void>;
}

/** Resolves in a new task: scheduler.yield() where the browser has it, else a message (no timer clamping). */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
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

export function timeSlicer(budgetMs = SLICE_MS): () => Promise<void> | null {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return null;
    return nextTask().then(() => {
      since = performance.now();
    });
  };
}
