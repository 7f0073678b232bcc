/**
 * `warmup` discarded runs + `runs` timed runs; `before(i)` runs untimed before each. With `log`,
 * every run's figure is logged as `label` run i (for long operations).
 */
export async function repeat({ warmup, runs, before, once, log, label }) {
  const samples = [];
  for (let i = 0; i < warmup + runs; i++) {
    if (before) await before(i);
    const value = await once(i);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`run ${i} produced ${String(value)}`);
    if (log) log(`  ${label ?? 'run'} ${i < warmup ? 'warm-up' : `run ${i - warmup + 1}`}: ${Math.round(value * 10) / 10}`);
    if (i >= warmup) samples.push(value);
  }
  return samples;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (value, places) => Math.round(value * 10 ** places) / 10 ** places;

/** `{ name, median_ms, min_ms, max_ms, runs }` (times rounded to 0.1 ms). */
export function timing(name, samples, extra = {}) {
  return {
    name,
    median_ms: round(median(samples), 1),
    min_ms: round(Math.min(...samples), 1),
    max_ms: round(Math.max(...samples), 1),
    runs: samples.length,
    ...extra,
  };
}

/** A non-time figure: `{ name, median, min, max, runs, unit }`. */
export function quantity(name, samples, unit, extra = {}) {
  return {
    name,
    median: round(median(samples), 1),
    min: round(Math.min(...samples), 1),
    max: round(Math.max(...samples), 1),
    runs: samples.length,
    unit,
    ...extra,
  };
}

/** How an operation's name carries the record count: -100k for 100 000, -2k for 2 000, -1500 otherwise. */
export function countSuffix(records) {
  return records % 1000 === 0 ? `${records / 1000}k` : String(records);
}
