import fc from 'fast-check';

/**
 * Property tests are reproducible: every run of the suite uses the same seed, so a run that passes
 * today passes tomorrow, and a failure names the seed and path that reproduce it. To explore other
 * inputs, set FC_SEED (any integer) — a failure found that way is a bug to fix, and its seed becomes
 * a regression case.
 */
const seed = Number(process.env.FC_SEED ?? 20261123);
if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, not ${process.env.FC_SEED}`);
fc.configureGlobal({ seed });
