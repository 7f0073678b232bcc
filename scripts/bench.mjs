#!/usr/bin/env node
// `npm run bench`: the performance benchmark in real Chromium (not part of `npm test`).
// See tests/bench/README.md for what each operation measures.
//   node scripts/bench.mjs [--records 100000] [--runs 5] [--out tests/bench/results.json]
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBenchmark } from '../tests/bench/runner/run.mjs';
import { formatReport } from '../tests/bench/runner/targets.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));

function positiveInteger(name, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a positive integer, got ${text}`);
    process.exit(2);
  }
  return value;
}

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    out: { type: 'string', default: 'tests/bench/results.json' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: node scripts/bench.mjs [--records N (100000)] [--runs N (5)] [--out PATH (tests/bench/results.json)]');
  process.exit(0);
}

const records = positiveInteger('records', values.records);
const runs = positiveInteger('runs', values.runs);
const out = resolve(process.cwd(), values.out ?? resolve(repo, 'tests/bench/results.json'));

try {
  const report = await runBenchmark({ records, runs, out, log: (line) => console.log(line) });
  console.log(`\n${formatReport(report)}\n\nwritten: ${out}`);
} catch (error) {
  console.error('benchmark failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
