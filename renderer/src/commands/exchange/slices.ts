import { nextTask } from '../../db/next-task';

/**
 * Long work on the UI thread in slices: `pause()` returns a promise that yields to the event loop
 * once `budgetMs` of work ran since the last yield (null before that, so a tight loop pays one
 * clock read per item). Planning 100 000 cases then never blocks a click for more than a slice.
 *
 * Never inside an IndexedDB transaction: a yielded task lets the transaction commit. The import's
 * preview uses it; the applying transaction does not.
 */
export const SLICE_MS = 8;

export { nextTask };

export function timeSlicer(budgetMs = SLICE_MS): () => Promise<void> | null {
  let since = performance.now();
  return () => {
    if (performance.now() - since < budgetMs) return null;
    return nextTask().then(() => {
      since = performance.now();
    });
  };
}
