import { repeat, timing } from '../measure.mjs';

/**
 * kdf: deriving the bundle key (PBKDF2-SHA-256 at the codec's default 600 000 iterations, WebCrypto
 * in the page), reported apart from export and import, which take a pre-derived key. The profile
 * unlock derives its wrapping key with the same PBKDF2-SHA-256 at 600 000 iterations, so this is
 * also the derivation inside `unlock` and every cold-start figure measured from the unlock. Independent of
 * the record count, so its name has no count suffix.
 */
export default {
  id: 'kdf',
  name: () => 'kdf',
  async run(bench) {
    const samples = await repeat({ warmup: bench.warmup, runs: bench.runs, once: (i) => bench.call('kdfOnce', i) });
    return [timing('kdf', samples, { note: 'deriveBundleKey: PBKDF2-SHA-256, 600 000 iterations' })];
  },
};
