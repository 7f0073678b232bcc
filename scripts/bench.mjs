#!/usr/bin/env node
// `npm run bench`: the performance benchmark in real Chromium (not part of `npm test`).
// See tests/bench/README.md for what each operation measures.
//   node scripts/bench.mjs [--records 100000] [--runs 5] [--out tests/bench/results.json] [--only similar,export]
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBenchmark } from '../tests/bench/runner/run.mjs';
import { formatReport } from '../tests/bench/runner/targets.mjs';
import { OPERATIONS } from '../tests/bench/runner/ops/index.mjs';

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
    only: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('usage: node scripts/bench.mjs [--records N (100000)] [--runs N (5)] [--out PATH (tests/bench/results.json)] [--only OP,OP (every operation)]');
  process.exit(0);
}

const records = positiveInteger('records', values.records);
const runs = positiveInteger('runs', values.runs);
const out = resolve(process.cwd(), values.out ?? resolve(repo, 'tests/bench/results.json'));
const only = values.only ? values.only.split(',').map((id) => id.trim()).filter(Boolean) : null;
const unknown = only?.filter((id) => !OPERATIONS.some((op) => op.id === id)) ?? [];
if (unknown.length > 0) {
  console.error(`--only: no operation ${unknown.join(', ')}; the operations are ${OPERATIONS.map((op) => op.id).join(', ')}`);
  process.exit(2);
}

try {
  const report = await runBenchmark({ records, runs, out, only, log: (line) => console.log(line) });
  console.log(`\n${formatReport(report)}\n\nwritten: ${out}`);
} catch (error) {
  console.error('benchmark failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
}
