import { repeat, timing } from '../measure.mjs';
import { withCpuProfile } from '../cpu-profile.mjs';

/**
 * export: a full encrypted bundle of every case through the app's command as the app runs it
 * (exportBundle: keyset reads of the keyed database, each record's sealed fields opened, on the
 * page's thread; JSON lines, deflate and AES-256-GCM chunks in the bundle worker), key derivation
 * excluded (that is `kdf`); target ≤ 2.0 × raw-getall. Also the longest main-thread task meanwhile
 * (`-longest-task`). The last bundle is kept for `import`.
 */
export default {
  id: 'export',
  async run(bench) {
    let shape = null;
    const longest = [];
    let warm = bench.warmup;
    const samples = await repeat({
      warmup: bench.warmup,
      runs: bench.runs,
      log: bench.log,
      label: 'export',
      once: async () => {
        shape = await withCpuProfile(bench, 'export', () => bench.call('exportOnce'));
        if (warm > 0) warm--;
        else longest.push(shape.longestTask);
        bench.log(`    longest task ${Math.round(shape.longestTask)} ms (${shape.tasks})`);
        return shape.ms;
      },
    });
    if (shape.records !== bench.records) throw new Error(`the bundle holds ${shape.records} of ${bench.records} cases`);
    return [
      timing(bench.name('export'), samples, { note: `full bundle, ${(shape.bytes / 1048576).toFixed(1)} MiB for ${shape.records} cases; encoded in the bundle worker, as the app does` }),
      timing(`${bench.name('export')}-longest-task`, longest, { note: 'extra: the longest main-thread task (Long Tasks API) during export; 0 = none over 50 ms' }),
    ];
  },
};
