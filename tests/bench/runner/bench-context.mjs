import { countSuffix } from './measure.mjs';

/**
 * What every operation gets: the browser context, the URLs, the record count and run counts, a
 * naming helper, the harness page (window.otkBench) and app pages with the probe (window.otkProbe).
 * `state` carries what one step hands to the next (the seed's stats, the list plan, sample cases).
 */
export function createBench({ context, appUrl, benchUrl, probePath, openOrigin, records, runs, warmup, log }) {
  let benchPage = null;
  let listPage = null;
  let lastProgress = 0;

  const bench = {
    context,
    appUrl,
    records,
    runs,
    warmup,
    log,
    state: {},

    /** The result name for a base operation name: list-filter → list-filter-100k. */
    name: (base, tail = '') => `${base}-${countSuffix(records)}${tail}`,

    /** A harness page at `url` (another origin's for the raw baselines). */
    async harnessPage(url) {
      const page = await context.newPage();
      page.on('pageerror', (error) => log(`harness page error: ${error.message}`));
      await page.exposeFunction('otkBenchProgress', (done, total) => {
        const step = Math.max(1, Math.floor(total / 10));
        if (done === total || done - lastProgress >= step) {
          lastProgress = done;
          log(`  seeded ${done} / ${total}`);
        }
      });
      await page.goto(url);
      await page.waitForFunction(() => globalThis.otkBench !== undefined, null, { timeout: 60_000 });
      return page;
    },

    /** The harness page in the app's origin (opened on first use). */
    async benchPage() {
      if (benchPage && !benchPage.isClosed()) return benchPage;
      benchPage = await bench.harnessPage(benchUrl);
      return benchPage;
    },

    /** A new server of the same build: a new origin with an empty IndexedDB. `{ benchUrl, close }`. */
    openOrigin,

    /** Calls `window.otkBench[fn](...args)` in a given harness page. */
    callIn(page, fn, ...args) {
      return page.evaluate(([name, list]) => globalThis.otkBench[name](...list), [fn, args]);
    },

    /** Calls `window.otkBench[fn](...args)` in the harness page. */
    async call(fn, ...args) {
      const page = await bench.benchPage();
      return page.evaluate(([name, list]) => globalThis.otkBench[name](...list), [fn, args]);
    },

    /** Closes the harness page (and its database connection), e.g. before heap figures. */
    async closeBenchPage() {
      if (!benchPage || benchPage.isClosed()) return;
      await benchPage.evaluate(() => globalThis.otkBench.close());
      await benchPage.close();
      benchPage = null;
    },

    /** A fresh page with the probe installed, not yet navigated. */
    async newAppPage() {
      const page = await context.newPage();
      page.on('pageerror', (error) => log(`app page error: ${error.message}`));
      await page.addInitScript({ path: probePath });
      return page;
    },

    /** Waits until the app's work list is interactive (count shown, rows from the in-memory index). */
    async waitInteractive(page, timeout = 300_000) {
      await page.waitForFunction(() => typeof globalThis.otkProbe?.marks.interactive === 'number', null, { timeout, polling: 100 });
      return page.evaluate(() => ({ ...globalThis.otkProbe.marks, count: globalThis.otkProbe.shownCount() }));
    },

    /** The one app page the list and case operations share (opened and made interactive on first use). */
    async listPage() {
      if (listPage && !listPage.isClosed()) return listPage;
      listPage = await bench.newAppPage();
      await listPage.goto(appUrl);
      await bench.waitInteractive(listPage);
      return listPage;
    },

    async closeListPage() {
      if (listPage && !listPage.isClosed()) await listPage.close();
      listPage = null;
    },

    /** Calls `window.otkProbe[fn](...args)` in an app page. */
    probe(page, fn, ...args) {
      return page.evaluate(([name, list]) => globalThis.otkProbe[name](...list), [fn, args]);
    },
  };
  return bench;
}
