import { repeat, timing } from '../measure.mjs';

/**
 * export: a full encrypted bundle of every case through the app's command (exportBundle: keyset
 * reads of the keyed database, each record's sealed fields opened, JSON lines, deflate, AES-256-GCM chunks), key derivation excluded (that is `kdf`); target
 * ≤ 2.5 × raw-getall. Timed in the harness page; the last bundle is kept for `import`.
 */
export default {
  id: 'export',
  async run(bench) {
    let shape = null;
    const samples = await repeat({
      warmup: bench.warmup,
      runs: bench.runs,
      log: bench.log,
      label: 'export',
      once: async () => {
        shape = await bench.call('exportOnce');
        return shape.ms;
      },
    });
    if (shape.records !== bench.records) throw new Error(`the bundle holds ${shape.records} of ${bench.records} cases`);
    return [timing(bench.name('export'), samples, { note: `full bundle, ${(shape.bytes / 1048576).toFixed(1)} MiB for ${shape.records} cases; encoded on the page thread (the app uses a worker)` })];
  },
};
