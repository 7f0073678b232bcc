import { repeat, timing } from '../measure.mjs';

/**
 * cold-start: a fresh tab navigates to the work list (#/cases) with all cases stored. The headline figure,
 * cold-start-…, is the "first page of the work list rendered and interactive": the first
 * page is in the DOM and the total is shown; the page stays responsive while the rest of the index
 * loads (cold-start-…-longest-task reports the longest main-thread task in that time, i.e. the
 * worst wait a click could see). The probe (injected before the app's code) records, in ms since
 * the navigation started:
 * - cold-start-…-shell: the app has booted and rendered the work list's frame (#worklist-count
 *   exists, still "Ladataan…") — the part of cold start that does not depend on the data;
 * - cold-start-…-first-row: the first list row is in the DOM (the first page, read from the
 *   caseRows [receivedAt+id] index while the in-memory index loads);
 * - cold-start-…-count: the total is shown (the app takes it from the counters table at once);
 * - cold-start-…-index-ready: the in-memory index is ready: the total is shown (not "Ladataan…")
 *   and the table holds every case (aria-rowcount = total + 1; while the index loads it holds only
 *   the first page), so filters, sort and the jumps answer from memory.
 * One fresh page per run, closed afterwards; the HTTP cache is warm after the warm-up, as an
 * installed app's files are.
 */
export default {
  id: 'cold-start',
  async run(bench) {
    const firstRows = [];
    const shells = [];
    const counts = [];
    const pages = [];
    const longest = [];
    const expected = bench.state.plan.all.count;
    const interactive = await repeat({
      warmup: bench.warmup,
      runs: bench.runs,
      log: bench.log,
      label: 'cold-start (interactive)',
      once: async () => {
        const page = await bench.newAppPage();
        try {
          await page.goto(bench.appUrl, { waitUntil: 'commit' });
          const marks = await bench.waitInteractive(page);
          if (marks.count !== expected) throw new Error(`the list shows ${marks.count} cases, expected ${expected}`);
          firstRows.push(marks.firstRow);
          shells.push(marks.shell);
          counts.push(marks.counted);
          pages.push(Math.max(marks.firstRow, marks.counted));
          longest.push(await page.evaluate(([from, to]) => globalThis.otkProbe.longestTaskBetween(from, to), [Math.max(marks.firstRow, marks.counted), marks.interactive]));
          return marks.interactive;
        } finally {
          await page.close();
        }
      },
    });
    return [
      timing(bench.name('cold-start'), pages.slice(bench.warmup), {
        note: 'navigation → first page rendered and the total shown; the page stays responsive while the index loads (see -longest-task)',
      }),
      timing(bench.name('cold-start', '-index-ready'), interactive, { note: 'navigation → in-memory index loaded: every filter, sort and jump answers from memory' }),
      timing(bench.name('cold-start', '-longest-task'), longest.slice(bench.warmup), { note: 'longest main-thread task between the first page and index-ready (ms a click could wait)' }),
      timing(bench.name('cold-start', '-first-row'), firstRows.slice(bench.warmup), { note: 'navigation → first list row in the DOM' }),
      timing(bench.name('cold-start', '-count'), counts.slice(bench.warmup), { note: 'navigation → total shown' }),
      timing(bench.name('cold-start', '-shell'), shells.slice(bench.warmup), { note: 'navigation → work list frame rendered ("Ladataan…")' }),
    ];
  },
};
