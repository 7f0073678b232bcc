import { repeat, timing } from '../measure.mjs';
import { withCpuProfile } from '../cpu-profile.mjs';

/**
 * import: the full bundle from `export` read into a fresh, empty installation through the app's
 * commands as the app runs them (previewImport: decrypt and check in the bundle worker, plan on the
 * page's thread in slices; applyImport: every case and list row sealed under the new installation's
 * data key, then one transaction that only writes), key derivation excluded; target ≤ 1.3 ×
 * raw-put (an unencrypted floor). A new database per run, with its own keyring and profile (set up
 * untimed), deleted afterwards. Also: where the time went (`-decode`, `-validate`, `-plan`,
 * `-seal`, `-write`) and the longest main-thread task meanwhile (`-longest-task`).
 */
const SPLIT = ['decode', 'validate', 'plan', 'seal', 'write'];

export default {
  id: 'import',
  async run(bench) {
    const longest = [];
    const split = Object.fromEntries(SPLIT.map((part) => [part, []]));
    let warm = bench.warmup;
    const samples = await repeat({
      warmup: bench.warmup,
      runs: bench.runs,
      log: bench.log,
      label: 'import',
      once: async (i) => {
        const result = await withCpuProfile(bench, 'import', () => bench.call('importOnce', i));
        if (result.written !== bench.records) throw new Error(`import wrote ${result.written} of ${bench.records}`);
        if (warm > 0) warm--;
        else {
          longest.push(result.longestTask);
          for (const part of SPLIT) split[part].push(result.split[part]);
        }
        bench.log(`    split ${SPLIT.map((part) => `${part} ${Math.round(result.split[part])}`).join(', ')}; longest task ${Math.round(result.longestTask)} ms (${result.tasks})`);
        return result.ms;
      },
    });
    return [
      timing(bench.name('import'), samples, { note: 'full bundle into an empty installation: decode and check in the bundle worker, plan, seal, one transaction' }),
      ...SPLIT.map((part) => timing(`${bench.name('import')}-${part}`, split[part], { note: `extra: the ${part} part of import (see tests/bench/README.md)` })),
      timing(`${bench.name('import')}-longest-task`, longest, { note: 'extra: the longest main-thread task (Long Tasks API) during import; 0 = none over 50 ms' }),
    ];
  },
};
