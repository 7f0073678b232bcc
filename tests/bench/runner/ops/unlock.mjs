import { repeat, timing } from '../measure.mjs';

/**
 * unlock: what the lock screen's submit runs, without the UI — unlockProfile for the benchmark's
 * profile in the harness page: PBKDF2-SHA-256 at 600 000 iterations (the same derivation `kdf`
 * times), the data key unwrapped (AES-KW), the index key opened, the unlock audited. Part of every
 * cold-start figure measured from the unlock (cold-start-…-unlocked is the same in the app page,
 * plus React rendering the open session). Does not depend on the record count: no suffix.
 */
export default {
  id: 'unlock',
  name: () => 'unlock',
  async run(bench) {
    const samples = await repeat({ warmup: bench.warmup, runs: bench.runs, once: () => bench.call('unlockOnce') });
    return [timing('unlock', samples, { note: 'unlockProfile: PBKDF2 600 000 + unwrap + index key + audit event' })];
  },
};
