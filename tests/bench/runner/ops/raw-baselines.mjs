import { repeat, timing } from '../measure.mjs';

/**
 * Plain-IndexedDB baselines with the records and list rows the app stored, read back after the seed
 * OPENED (sensitive fields in plaintext: the baselines are unencrypted on purpose, they are the
 * floor), and the app's keys and indexes (tests/bench/page/raw-idb.ts). Every write run happens in
 * a fresh origin (a new port of the same build: an empty backing store, like the app's at seed time);
 * the app's own origin is never written by the baselines.
 * - raw-put: every record + list row, one readwrite transaction per 2 000 records (like the app);
 * - raw-getall: getAll() of the consultations store (what a full export has to read at least),
 *   in the origin of the last raw-put run, right after it;
 * - extra: raw-getall-…-caserows (what the work list's in-memory index reads at start-up) and
 *   raw-put-…-single-tx (all records in one transaction; one run, no warm-up: it costs as much as
 *   raw-put and only shows what chunking costs).
 */
export default {
  id: 'raw-baselines',
  async run(bench) {
    const { warmup, runs, log } = bench;
    log('raw IndexedDB baselines (each write in a fresh origin)…');
    await bench.call('uploadRaw');

    /** Runs `measure(page)` in a harness page of a brand-new origin, then drops that origin's data. */
    const inFreshOrigin = async (measure) => {
      const origin = await bench.openOrigin();
      const page = await bench.harnessPage(origin.benchUrl);
      try {
        await bench.callIn(page, 'loadRaw');
        return await measure(page);
      } finally {
        await bench.callIn(page, 'releaseRaw').catch(() => {});
        await page.close();
        await origin.close();
      }
    };

    let getAll = [];
    let getRows = [];
    const put = await repeat({
      warmup,
      runs,
      log,
      label: 'raw-put',
      once: (i) =>
        inFreshOrigin(async (page) => {
          const ms = await bench.callIn(page, 'rawPutOnce', 'chunked');
          if (i === warmup + runs - 1) {
            getAll = await repeat({ warmup, runs, once: () => bench.callIn(page, 'rawGetAllOnce', 'consultations') });
            getRows = await repeat({ warmup, runs, once: () => bench.callIn(page, 'rawGetAllOnce', 'caseRows') });
          }
          return ms;
        }),
    });
    const single = await repeat({ warmup: 0, runs: 1, log, label: 'raw-put single-tx', once: () => inFreshOrigin((page) => bench.callIn(page, 'rawPutOnce', 'single')) });
    return [
      timing(bench.name('raw-put'), put, { note: 'plain IndexedDB, consultations + caseRows, 2 000 records per transaction, fresh origin each run' }),
      timing(bench.name('raw-getall'), getAll, { note: 'plain IndexedDB getAll() of consultations' }),
      timing(bench.name('raw-getall', '-caserows'), getRows, { note: 'plain IndexedDB getAll() of caseRows (what the list index reads)' }),
      timing(bench.name('raw-put', '-single-tx'), single, { note: 'as raw-put, all records in one transaction; one run, no warm-up' }),
    ];
  },
};
