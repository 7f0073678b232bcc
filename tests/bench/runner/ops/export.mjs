/**
 * export: the full encrypted bundle of every case, key derivation excluded (that is `kdf`); target
 * ≤ 2.5 × raw-getall. To fill in: exportOnce() in tests/bench/page/harness.ts timing the read +
 * encrypt + write of the bundle with a pre-derived key, and a run() here.
 */
export default {
  id: 'export',
  pending: 'not built yet: encrypted export bundles come with the sync-by-file work',
};
