/**
 * Long pure work as steps: a generator that yields between pieces of work (about `STEP_ITEMS`
 * items each), returning its result at the end. `finish` runs it through at once (tests, Node,
 * small inputs); the renderer runs it in time slices (renderer/src/queries/run-steps.ts), so a
 * summary over 100 000 cases never holds the UI thread for long. One definition of the work
 * serves both.
 */
export type Steps<T> = Generator<void, T, void>;

/** Items (e.g. cases) between two yields: a few milliseconds of simple work. */
export const STEP_ITEMS = 2_000;

export function finish<T>(steps: Steps<T>): T {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}
