#!/usr/bin/env node
// `npm run bench:growth`: the growth curve (issue 22) — index ready, filter, import and heap at
// 25 000, 50 000, 100 000 and 200 000 cases, each size its own benchmark run with its own raw
// baselines. See tests/bench/README.md "Growth".
//   node scripts/bench-growth.mjs [--sizes 25000,50000,100000,200000] [--runs 3] [--out tests/bench/growth.json]
//                                 [--from results.json,…]   (reuse earlier runs for their sizes)
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { runBenchmark } from '../tests/bench/runner/run.mjs';
import { GROWTH_SIZES, GROWTH_OPERATIONS, growthReport, formatGrowth } from '../tests/bench/runner/growth.mjs';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: GROWTH_SIZES.join(',') },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: 'tests/bench/growth.json' },
    from: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: node scripts/bench-growth.mjs [--sizes N,N,…] [--runs N (3)] [--out PATH (tests/bench/growth.json)] [--from results.json,…]');
  process.exit(0);
}

const positive = (name, text) => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be positive integers, got ${text}`);
    process.exit(2);
  }
  return value;
};
const sizes = values.sizes.split(',').map((s) => positive('sizes', s.trim()));
const runs = positive('runs', values.runs);
const out = resolve(process.cwd(), values.out);

// Earlier reports (e.g. the full 100 000 run's results.json) stand in for their size.
const reused = new Map();
for (const file of values.from ? values.from.split(',') : []) {
  const report = JSON.parse(readFileSync(resolve(process.cwd(), file.trim()), 'utf8'));
  reused.set(report.records, { ...report, source: file.trim() });
}

const reports = [];
try {
  for (const records of sizes) {
    if (reused.has(records)) {
      console.log(`${records}: from ${reused.get(records).source}`);
      reports.push(reused.get(records));
      continue;
    }
    console.log(`\n=== ${records} records ===`);
    reports.push(await runBenchmark({ records, runs, only: GROWTH_OPERATIONS, log: (line) => console.log(line) }));
  }
} catch (error) {
  console.error('benchmark failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}

const growth = growthReport(reports);
const keep = (report) => ({
  records: report.records,
  runs: report.runs,
  chromium: report.chromium,
  generatedAt: report.generatedAt,
  durationSeconds: report.durationSeconds,
  loadavg: report.loadavg,
  ...(report.source ? { source: report.source } : {}),
  results: report.results,
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ ...growth, reports: reports.map(keep) }, null, 2)}\n`);
console.log(`\n${formatGrowth(growth)}\n\nwritten: ${out}`);
