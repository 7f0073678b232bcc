/**
 * The one clock. Nothing in shared/, renderer/ or electron/ reads the current time but through a
 * `Clock` it was given: the command context's `now`, or the clock the app root builds from
 * `systemClock`. Tests hand in a fixed clock, so data written and data checked agree on "now"
 * whatever the machine's date. ESLint forbids `Date.now()` and argument-less `new Date()` everywhere
 * else (eslint.config.js, proven by tests/unit/lint/clock.test.ts).
 */
export type Clock = () => Date;

/** The machine's wall clock: the only reading of the current time in product code. */
export const systemClock: Clock = () => new Date();
