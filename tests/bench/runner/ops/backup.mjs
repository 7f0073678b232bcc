import { quantity, repeat, timing } from '../measure.mjs';

/**
 * While `run()` runs in the harness page, samples the page's V8 heap through CDP every 50 ms
 * (Runtime.getHeapUsage; answered between the page's tasks) after a garbage collection before it,
 * and collects garbage again after it. `{ value, peakMb, afterMb, beforeMb }` in MB of 2^20 bytes.
 * The heap holds the harness page's own state too (the seed's stats, the kept backup Blob's parts
 * live outside it), so `peakMb` is an upper bound of what the operation needs. With the
 * environment variable BENCH_CPU_PROFILE=<path prefix>, each run's CPU profile is written to
 * `<prefix>-<time>.cpuprofile` (to find what a long task is made of; the figures then include the
 * profiler's cost).
 */
export async function withHeap(bench, run) {
  const page = await bench.benchPage();
  const session = await page.context().newCDPSession(page);
  const mb = (bytes) => bytes / 2 ** 20;
  try {
    await session.send('HeapProfiler.collectGarbage');
    const beforeMb = mb((await session.send('Runtime.getHeapUsage')).usedSize);
    let peak = beforeMb;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { usedSize } = await session.send('Runtime.getHeapUsage').catch(() => ({ usedSize: 0 }));
        peak = Math.max(peak, mb(usedSize));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    let value;
    const profile = process.env.BENCH_CPU_PROFILE;
    if (profile) {
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 200 });
      await session.send('Profiler.start');
    }
    try {
      value = await run();
    } finally {
      if (profile) {
        const { profile: data } = await session.send('Profiler.stop');
        const { writeFileSync } = await import('node:fs');
        writeFileSync(`${profile}-${Date.now()}.cpuprofile`, JSON.stringify(data));
      }
      sampling = false;
      await sampler;
    }
    await session.send('HeapProfiler.collectGarbage');
    const afterMb = mb((await session.send('Runtime.getHeapUsage')).usedSize);
    return { value, peakMb: peak, afterMb, beforeMb };
  } finally {
    await session.detach().catch(() => {});
  }
}

/**
 * backup: the app's full encrypted backup (writeBackup, the web build's 'download' target) of the
 * seeded database, timed in the harness page from the call until the file is saved: one snapshot
 * transaction → .otk into the Blob spool → read back and verified → handed to the bridge's
 * saveFile (the bench bridge keeps it for `restore` instead of clicking a download link).
 * Verification is INCLUDED; `-verify` reports it alone. Target ≤ 1.5 × raw-getall. Also
 * `-longest-task` (Long Tasks API during the backup; target < 100 ms) and `-heap-peak-mb` (CDP
 * samples during it; target < 250 MB).
 */
export default {
  id: 'backup',
  async run(bench) {
    let shape = null;
    const tasks = [];
    const phases = [];
    const verify = [];
    const peaks = [];
    const afters = [];
    const spools = [];
    const onPage = [];
    const onPageTasks = [];
    const samples = await repeat({
      warmup: bench.warmup,
      runs: bench.runs,
      log: bench.log,
      label: 'backup',
      once: async (i) => {
        const measured = await withHeap(bench, () => bench.call('backupOnce'));
        shape = measured.value;
        if (i >= bench.warmup) {
          tasks.push(shape.longestTaskMs);
          phases.push(shape.longestByPhase);
          verify.push(shape.verifyMs);
          peaks.push(measured.peakMb);
          afters.push(measured.afterMb);
          spools.push(shape.spool);
          // The same backup with the spool written and checked on the page (no workers), right after: the same load.
          const page = await bench.call('backupOnce', true);
          onPage.push(page.ms);
          onPageTasks.push(page.longestTaskMs);
        }
        return shape.ms;
      },
    });
    if (shape.consultations !== bench.records) throw new Error(`the backup holds ${shape.consultations} of ${bench.records} cases`);
    const size = `${(shape.bytes / 1048576).toFixed(1)} MiB, ${shape.rows} rows`;
    const ms = (v) => Math.round(v);
    const breakdown = spools.map((s) => (s ? `reader ${ms(s.totalMs)} (serialising ${ms(s.encodeMs)}, held back ${ms(s.aheadMs)}) / writer busy ${ms(s.busyMs)}, idle ${ms(s.idleMs)}` : 'on the page')).join('; ');
    return [
      timing(bench.name('backup'), samples, { note: `full encrypted backup (web build: Blob spool, read back and verified, then saveFile), ${size}; verification included; per run, the backup workers' spool in ms: ${breakdown}` }),
      timing(bench.name('backup', '-on-page'), onPage, { note: `extra: the same backup with the spool written and checked on the page thread (the path without workers), each run right after the measured one; longest tasks ${onPageTasks.join(' / ')} ms` }),
      timing(bench.name('backup', '-verify'), verify, { note: 'extra: the read-back check alone (part of backup)' }),
      timing(bench.name('backup', '-longest-task'), tasks, {
        note: `longest main-thread task during the backup (Long Tasks API; 0 = none of 50 ms or more); per run, the longest begun while writing / verifying / saving: ${phases.map((p) => `${p.writing}/${p.verifying}/${p.saving}`).join(', ')} ms`,
      }),
      quantity(bench.name('backup', '-heap-peak-mb'), peaks, 'MB', { note: `harness page's V8 heap, peak of 50 ms CDP samples during the backup; after it (GC): ${afters.map((v) => v.toFixed(1)).join(' / ')} MB` }),
    ];
  },
};
