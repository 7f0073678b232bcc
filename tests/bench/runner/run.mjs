import { availableParallelism, cpus, loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import process from 'node:process';
import { buildHarness, createRecordStore, serveHarness } from './build.mjs';
import { browserVersion, launchBrowser } from './browser.mjs';
import { createBench } from './bench-context.mjs';
import { OPERATIONS } from './ops/index.mjs';
import { evaluateTargets, infoRatios } from './targets.mjs';

/**
 * Runs the whole benchmark: builds the app + harness, serves them on a free loopback port, starts
 * Chromium on a fresh profile, runs every operation, writes the results file and cleans up (build
 * folder, profile, server, browser) whatever happens.
 */
export async function runBenchmark({ records = 100_000, runs = 5, warmup = 1, out, only = null, log = () => {} }) {
  const operations = selectOperations(only);
  const started = Date.now();
  const loadAtStart = loadavg().map((x) => Math.round(x * 100) / 100);
  log('building the app and the harness…');
  const built = await buildHarness();
  const store = createRecordStore();
  let server;
  let browser;
  const cleanup = async () => {
    await browser?.close();
    await server?.close();
    store.clear();
    built.remove();
  };
  const onSignal = (signal) => {
    void cleanup().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    server = await serveHarness(built.outDir, store);
    browser = await launchBrowser();
    const bench = createBench({
      context: browser.context,
      appUrl: server.appUrl,
      benchUrl: server.benchUrl,
      probePath: built.probePath,
      openOrigin: () => serveHarness(built.outDir, store),
      records,
      runs,
      warmup,
      log,
    });
    const chromium = await browserVersion(await bench.benchPage());
    // The blank tab Chromium starts with is not needed.
    for (const page of browser.context.pages()) if (page.url() === 'about:blank') await page.close();

    const results = [];
    const pending = [];
    const loadByOperation = {};
    for (const op of operations) {
      if (op.pending) {
        pending.push({ name: op.name ? op.name(bench) : bench.name(op.id), reason: op.pending });
        continue;
      }
      const t0 = Date.now();
      const produced = await op.run(bench);
      results.push(...produced);
      loadByOperation[op.id] = Math.round(loadavg()[0] * 100) / 100;
      if (!op.step) log(`${op.id}: ${produced.map((r) => `${r.name} ${r.median_ms ?? r.median}${r.unit ? ` ${r.unit}` : ' ms'}`).join(', ')} (${Math.round((Date.now() - t0) / 1000)} s)`);
    }

    const report = {
      chromium,
      cpus: availableParallelism?.() ?? cpus().length,
      records,
      runs,
      warmup,
      ...(only ? { only: operations.map((op) => op.id) } : {}),
      generatedAt: new Date().toISOString(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      // 1/5/15-minute load averages: other work on the machine inflates the figures.
      loadavg: { start: loadAtStart, end: loadavg().map((x) => Math.round(x * 100) / 100), afterOperation: loadByOperation },
      data: bench.state.stats,
      results,
      pending,
      targets: evaluateTargets(records, results, pending),
      ratios: infoRatios(records, results),
    };
    if (out) {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    }
    return report;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  }
}

/**
 * The operations to run: all, or those named (`--only`) with what they need — the seed and the
 * steps always (they fill the database and close the harness page), `export` for `import` (it
 * imports the last export), `backup` for `restore` (it restores the last backup).
 */
export function selectOperations(only) {
  if (!only) return OPERATIONS;
  const wanted = new Set(only);
  if (wanted.has('import')) wanted.add('export');
  if (wanted.has('restore')) wanted.add('backup');
  return OPERATIONS.filter((op) => op.id === 'seed' || op.step || wanted.has(op.id));
}
