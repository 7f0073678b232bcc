import { nextTask } from '../db/next-task';
import type { Steps } from '../../../shared/steps';

/** Work between two turns of the event loop: well under the 50 ms a long task starts at. */
export const STEP_BUDGET_MS = 8;

/**
 * Runs pure work written as steps (shared/steps.ts) on the UI thread in slices: after each
 * `budgetMs` of work the event loop gets a turn (a key press, a click, a frame), so a summary over
 * 100 000 cases never freezes the screen. An aborted signal (the user changed the request, the
 * screen closed) stops it at the next turn with the signal's reason.
 */
export async function runSteps<T>(steps: Steps<T>, { signal, budgetMs = STEP_BUDGET_MS }: { signal?: AbortSignal; budgetMs?: number } = {}): Promise<T> {
  signal?.throwIfAborted();
  let since = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - since >= budgetMs) {
      await nextTask();
      signal?.throwIfAborted();
      since = performance.now();
    }
  }
}
