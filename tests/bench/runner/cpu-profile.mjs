import { writeFileSync } from 'node:fs';

/**
 * With the environment variable BENCH_CPU_PROFILE=<path prefix>, the harness page's main-thread CPU
 * profile while `run()` runs is written to `<prefix>-<label>-<time>.cpuprofile` (to find what a long
 * task is made of; the figures then include the profiler's cost). Without it, just `run()`.
 */
export async function withCpuProfile(bench, label, run) {
  const prefix = process.env.BENCH_CPU_PROFILE;
  if (!prefix) return run();
  const page = await bench.benchPage();
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    await session.send('Profiler.start');
    try {
      return await run();
    } finally {
      const { profile } = await session.send('Profiler.stop');
      writeFileSync(`${prefix}-${label}-${Date.now()}.cpuprofile`, JSON.stringify(profile));
    }
  } finally {
    await session.detach().catch(() => {});
  }
}
