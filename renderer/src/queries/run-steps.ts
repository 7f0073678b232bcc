import { SLICE_MS, timeSlicer } from '../db/next-task';
import type { Steps } from '../../../shared/steps';

/**
 * Runs pure work written as steps (shared/steps.ts) on the UI thread in slices: after each
 * `budgetMs` of work the event loop gets a turn (a key press, a click, a frame), so a summary over
 * 100 000 cases never freezes the screen. An aborted signal (the user changed the request, the
 * screen closed) stops it at the next turn with the signal's reason.
 */
export async function runSteps<T>(steps: Steps<T>, { signal, budgetMs = SLICE_MS }: { signal?: AbortSignal; budgetMs?: number } = {}): Promise<T> {
  signal?.throwIfAborted();
  const pause = timeSlicer(budgetMs);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    const turn = pause();
    if (turn) {
      await turn;
      signal?.throwIfAborted();
    }
  }
}
