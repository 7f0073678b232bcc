import { quantity, repeat, timing } from '../measure.mjs';
import { withHeap } from './backup.mjs';

/**
 * restore: the backup from `backup` restored into a fresh, empty installation (its own database,
 * as a new installation's first-run screen has it), through the app's commands: previewRestore
 * (opened with the benchmark profile's passphrase — one PBKDF2 600 000 derivation, ≈ 0.1–0.2 s, is
 * in the figure —, every chunk authenticated and counted, nothing written) and applyRestore (one
 * transaction, every row as stored). A new database per run, deleted afterwards. Target ≤ 1.5 ×
 * raw-put; `-preview` alone; `-longest-task` < 100 ms; `-heap-peak-mb` < 250 MB.
 */
export default {
  id: 'restore',
  async run(bench) {
    const tasks = [];
    const previews = [];
    const peaks = [];
    const afters = [];
    const samples = await repeat({
      warmup: bench.warmup,
      runs: bench.runs,
      log: bench.log,
      label: 'restore',
      once: async (i) => {
        const measured = await withHeap(bench, () => bench.call('restoreOnce', i));
        const result = measured.value;
        if (result.written !== bench.records) throw new Error(`restore wrote ${result.written} of ${bench.records}`);
        if (i >= bench.warmup) {
          tasks.push(result.longestTaskMs);
          previews.push(result.previewMs);
          peaks.push(measured.peakMb);
          afters.push(measured.afterMb);
        }
        return result.ms;
      },
    });
    return [
      timing(bench.name('restore'), samples, { note: 'backup into an empty installation: open (one PBKDF2), authenticate + count every chunk, then one transaction' }),
      timing(bench.name('restore', '-preview'), previews, { note: 'extra: the check before writing (part of restore)' }),
      timing(bench.name('restore', '-longest-task'), tasks, { note: 'longest main-thread task during the restore (Long Tasks API; 0 = none of 50 ms or more)' }),
      quantity(bench.name('restore', '-heap-peak-mb'), peaks, 'MB', { note: `harness page's V8 heap, peak of 50 ms CDP samples during the restore; after it (GC): ${afters.map((v) => v.toFixed(1)).join(' / ')} MB` }),
    ];
  },
};
