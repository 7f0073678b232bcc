import { repeat, timing } from '../measure.mjs';

/**
 * summary: a year × theme activity summary with all eight measures (counts, median and 90th
 * percentile days to consultation, share within target) and disclosure control (<5 and secondary
 * suppression), computed from the in-memory case index as the summaries screen does. The index is
 * loaded once beforehand (the screen shares it with the work list). Timed in the harness page.
 */
export default {
  id: 'summary',
  async run(bench) {
    const year = new Date().getFullYear();
    let shape = null;
    const samples = await repeat({
      warmup: bench.warmup,
      runs: bench.runs,
      once: async () => {
        shape = await bench.call('summaryOnce', year);
        return shape.ms;
      },
    });
    return [timing(bench.name('summary'), samples, { note: `year ${year} × theme, 8 measures, suppressed (${shape.cells} row cells, ${shape.suppressed} hidden)` })];
  },
};
