import { countSuffix } from './measure.mjs';
import { BENCH_PASSPHRASE } from '../passphrase.mjs';

/**
 * What every operation gets: the browser context, the URLs, the record count and run counts, a
 * naming helper, the harness page (window.otkBench) and app pages with the probe (window.otkProbe).
 * The app opens locked (issue 8): every app page is unlocked with the benchmark profile's
 * passphrase (set up by the harness page before the seed) before it shows the work list.
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

    /**
     * Gets an app page past the lock screen as a user does: waits for #unlock-passphrase, types the
     * passphrase and presses Enter (the probe records the submit as `unlockSubmitted`).
     */
    async unlock(page, timeout = 120_000) {
      const input = page.locator('#unlock-passphrase');
      await input.waitFor({ timeout });
      await input.fill(BENCH_PASSPHRASE);
      await input.press('Enter');
    },

    /** Navigates an app page to the work list, unlocks it and waits until it is interactive. */
    async openWorklist(page, timeout) {
      await page.goto(appUrl, { waitUntil: 'commit' });
      await bench.unlock(page);
      return bench.waitInteractive(page, timeout);
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
      await bench.openWorklist(listPage);
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
