import { repeat, timing } from '../measure.mjs';

/** The React baseline page of the benchmark build (tests/bench/page/react-baseline.html), same origin as the app. */
export const baselineUrl = (bench, hash = '') => `${new URL('../tests/bench/page/react-baseline.html', bench.appUrl).href}${hash}`;

/**
 * blank-page-load: the baseline of cold-start-…-lock-screen. A fresh tab navigates to a page of the
 * same build that renders one React element with the app's React and ReactDOM
 * (page/react-baseline.tsx); ms since the navigation started until that element is in the DOM —
 * recorded by the same probe (a MutationObserver from the document's start), one new tab per run,
 * the HTTP cache warm after the warm-up: exactly as the lock screen is timed. No count suffix: it
 * does not depend on the records.
 */
export default {
  id: 'blank-page-load',
  name: () => 'blank-page-load',
  async run(bench) {
    const url = baselineUrl(bench);
    const samples = await repeat({
      warmup: bench.warmup,
      runs: bench.runs,
      once: async () => {
        const page = await bench.newAppPage();
        try {
          await page.goto(url, { waitUntil: 'commit' });
          await page.waitForFunction(() => typeof globalThis.otkProbe?.marks.blankPage === 'number', null, { timeout: 60_000, polling: 50 });
          return await page.evaluate(() => globalThis.otkProbe.marks.blankPage);
        } finally {
          await page.close();
        }
      },
    });
    return [timing('blank-page-load', samples, { note: 'navigation → one React element in the DOM (same React/ReactDOM, same build and origin): the floor of cold-start-…-lock-screen' })];
  },
};
