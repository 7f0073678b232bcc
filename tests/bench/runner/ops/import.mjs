/**
 * import: the full bundle read back into an empty database, key derivation excluded; target
 * ≤ 1.3 × raw-put. To fill in: importOnce() in tests/bench/page/harness.ts (fresh database per run)
 * and a run() here. (seed is today's bulk path; the bundle import will be a different command.)
 */
export default {
  id: 'import',
  pending: 'not built yet: importing an encrypted bundle comes with the sync-by-file work',
};
