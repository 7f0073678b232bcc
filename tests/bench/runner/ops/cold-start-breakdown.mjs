import { repeat, timing } from '../measure.mjs';

/**
 * Not a target, an explanation of cold-start: the pieces of the work list's start-up, timed in the
 * harness page of the app's origin with the app's own code (no React, no page load):
 * - index-load-…: CaseIndex.start() until ready (every list row read into memory, as the app does);
 * - first-page-…: newestCaseRows(db, 50), the query the list shows while the index loads.
 */
export default {
  id: 'cold-start-breakdown',
  async run(bench) {
    const { warmup, runs } = bench;
    const load = await repeat({ warmup, runs, once: () => bench.call('indexLoadOnce') });
    const alone = await repeat({ warmup, runs, once: () => bench.call('firstPageOnce') });
    return [
      timing(bench.name('index-load'), load, { note: 'CaseIndex.start() until ready, harness page' }),
      timing(bench.name('first-page'), alone, { note: 'newestCaseRows(db, 50) alone' }),
    ];
  },
};
