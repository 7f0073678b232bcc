import { quantity } from '../measure.mjs';
import { repeat } from '../measure.mjs';

/**
 * renderer-heap-…-mb: a fresh tab opens the app, unlocks it and shows the work list (the only page
 * of the app's origin open; the decrypted list index is in memory);
 * once it is interactive and has settled, garbage is collected through CDP
 * (HeapProfiler.collectGarbage) and the V8 heap in use is read (Runtime.getHeapUsage usedSize),
 * in MB of 2^20 bytes. Reported as `median` / `min` / `max` instead of `*_ms`.
 */
export default {
  id: 'renderer-heap',
  async run(bench) {
    // As a returning coordinator: the list index loads from its sealed snapshot (written now if none).
    await bench.call('ensureIndexSnapshot');
    await bench.closeBenchPage();
    await bench.closeListPage();
    const samples = await repeat({
      warmup: bench.warmup,
      runs: bench.runs,
      once: async () => {
        const page = await bench.newAppPage();
        const session = await page.context().newCDPSession(page);
        try {
          await bench.openWorklist(page);
          await bench.probe(page, 'settle');
          await page.waitForTimeout(500);
          await session.send('HeapProfiler.collectGarbage');
          const { usedSize } = await session.send('Runtime.getHeapUsage');
          return usedSize / 2 ** 20;
        } finally {
          await session.detach().catch(() => {});
          await page.close();
        }
      },
    });
    return [quantity(bench.name('renderer-heap', '-mb'), samples, 'MB', { note: 'V8 heap used after GC, work list shown (MB = 2^20 bytes)' })];
  },
};
