import { countSuffix } from './measure.mjs';

/**
 * The issue's targets, defined for 100 000 records. For other counts the same targets are shown
 * against the same operations for orientation only.
 * `max` compares the median; `ratioOf` compares median / the baseline's median.
 */
export const TARGETS = [
  { op: 'cold-start', max: 1000, strict: true },
  { op: 'list-filter', max: 100, strict: true },
  { op: 'list-count', max: 300, strict: true },
  { op: 'list-scroll-deep', max: 100, strict: true },
  { op: 'case-open', max: 50, strict: true },
  { op: 'case-save', max: 50, strict: true },
  { op: 'summary', max: 300, strict: true },
  { op: 'summary-screen', tail: '-longest-task', max: 50, strict: true },
  { op: 'similar', max: 50, strict: true },
  { op: 'export', ratioOf: 'raw-getall', max: 2.0, strict: false },
  { op: 'import', ratioOf: 'raw-put', max: 1.3, strict: false },
  { op: 'export', tail: '-longest-task', max: 50, strict: true },
  { op: 'import', tail: '-longest-task', max: 50, strict: true },
  { op: 'renderer-heap', tail: '-mb', max: 250, strict: true, unit: 'MB' },
  { op: 'backup', ratioOf: 'raw-getall', max: 1.5, strict: false },
  { op: 'backup', tail: '-longest-task', max: 100, strict: true },
  { op: 'backup', tail: '-heap-peak-mb', max: 250, strict: true, unit: 'MB' },
  { op: 'restore', ratioOf: 'raw-put', max: 1.5, strict: false },
  { op: 'restore', tail: '-longest-task', max: 100, strict: true },
  { op: 'restore', tail: '-heap-peak-mb', max: 250, strict: true, unit: 'MB' },
  // `name` / `baseName`: results without a count suffix.
  { op: 'cold-start', tail: '-lock-screen', ratioOf: 'blank-page-load', baseName: 'blank-page-load', max: 2, strict: false },
  // Issue 22: the whole index in memory at half the cost of reading its rows raw (`ratioTail`: the baseline's tail).
  { op: 'cold-start', tail: '-index-ready', ratioOf: 'raw-getall', ratioTail: '-caserows', max: 0.5, strict: false },
  { op: 'cold-start', tail: '-longest-task', max: 50, strict: true },
  { name: 'typing-10k-chars', max: 50, strict: true },
  { name: 'typing-10k-chars', ratioOf: 'typing-10k-chars-baseline', baseName: 'typing-10k-chars-baseline', max: 1.5, strict: false },
];

/** Ratios worth reading next to the targets (not targets themselves). */
export const INFO_RATIOS = [
  { op: 'seed', of: 'raw-put' },
  { op: 'index-load', of: 'raw-getall', ofTail: '-caserows' },
  { op: 'index-load', of: 'index-load', ofTail: '-no-decrypt' },
  { op: 'raw-put', tail: '-single-tx', of: 'raw-put' },
];

const valueOf = (result) => result?.median_ms ?? result?.median;

/** Each target with the measured value and met / missed / pending. */
export function evaluateTargets(records, results, pending) {
  const suffix = countSuffix(records);
  const byName = new Map(results.map((r) => [r.name, r]));
  const pendingNames = new Set(pending.map((p) => p.name));
  return TARGETS.map((target) => {
    const name = target.name ?? `${target.op}-${suffix}${target.tail ?? ''}`;
    const baseName = target.baseName ?? `${target.ratioOf}-${suffix}${target.ratioTail ?? ''}`;
    const unit = target.unit ?? 'ms';
    const op = target.strict ? '<' : '≤';
    const text = target.ratioOf ? `${op} ${target.max} × ${baseName}` : `${op} ${target.max} ${unit}`;
    if (pendingNames.has(name)) return { name, target: text, value: null, status: 'pending' };
    const measured = valueOf(byName.get(name));
    if (measured === undefined) return { name, target: text, value: null, status: 'not measured' };
    let value = measured;
    if (target.ratioOf) {
      const base = valueOf(byName.get(baseName));
      value = Math.round((measured / base) * 100) / 100;
    }
    const met = target.strict ? value < target.max : value <= target.max;
    return { name, target: text, value, ...(target.ratioOf ? { ratio: true } : {}), status: met ? 'met' : 'missed' };
  });
}

export function infoRatios(records, results) {
  const suffix = countSuffix(records);
  const byName = new Map(results.map((r) => [r.name, r]));
  const ratios = {};
  for (const info of INFO_RATIOS) {
    const a = valueOf(byName.get(`${info.op}-${suffix}${info.tail ?? ''}`));
    const b = valueOf(byName.get(`${info.of}-${suffix}${info.ofTail ?? ''}`));
    if (a !== undefined && b !== undefined) ratios[`${info.op}-${suffix}${info.tail ?? ''} / ${info.of}-${suffix}${info.ofTail ?? ''}`] = Math.round((a / b) * 100) / 100;
  }
  return ratios;
}

const pad = (text, width) => String(text).padEnd(width);
const padStart = (text, width) => String(text).padStart(width);

/** A plain-text table of every result, with its target and verdict where there is one. */
export function formatReport(report) {
  // A result may have two targets (typing-10k-chars: a time and a ratio): shown together.
  const verdicts = new Map();
  for (const t of report.targets) {
    const seen = verdicts.get(t.name);
    const text = `${t.target}${t.ratio ? ` (= ${t.value}×)` : ''}`;
    verdicts.set(t.name, seen ? { text: `${seen.text}; ${text}`, status: `${seen.status}/${t.status}` } : { text, status: t.status });
  }
  const lines = [];
  lines.push(`Chromium ${report.chromium}, ${report.cpus} CPUs, ${report.records} records, ${report.runs} runs after ${report.warmup} warm-up`);
  if (report.records !== 100000) lines.push('(the targets are defined for 100 000 records; shown here for orientation only)');
  lines.push('');
  const header = `${pad('operation', 34)} ${padStart('median', 10)} ${padStart('min', 10)} ${padStart('max', 10)} ${padStart('runs', 4)}  ${pad('target', 28)} verdict`;
  lines.push(header, '-'.repeat(header.length + 8));
  for (const result of report.results) {
    const unit = result.unit ?? 'ms';
    const v = (x) => `${x} ${unit}`;
    const verdict = verdicts.get(result.name);
    const target = verdict?.text ?? '';
    lines.push(
      `${pad(result.name, 34)} ${padStart(v(result.median_ms ?? result.median), 10)} ${padStart(v(result.min_ms ?? result.min), 10)} ${padStart(v(result.max_ms ?? result.max), 10)} ${padStart(result.runs, 4)}  ${pad(target, 28)} ${verdict?.status ?? ''}`,
    );
  }
  for (const p of report.pending) {
    const verdict = verdicts.get(p.name);
    lines.push(`${pad(p.name, 34)} ${padStart('—', 10)} ${padStart('—', 10)} ${padStart('—', 10)} ${padStart('', 4)}  ${pad(verdict?.text ?? '', 28)} pending (${p.reason})`);
  }
  const ratios = Object.entries(report.ratios ?? {});
  if (ratios.length > 0) {
    lines.push('', 'ratios:');
    for (const [name, value] of ratios) lines.push(`  ${name} = ${value}`);
  }
  const met = report.targets.filter((t) => t.status === 'met').length;
  const missed = report.targets.filter((t) => t.status === 'missed').map((t) => t.name);
  lines.push('', `targets met: ${met}, missed: ${missed.length}${missed.length ? ` (${missed.join(', ')})` : ''}, pending: ${report.targets.filter((t) => t.status === 'pending').length}`);
  return lines.join('\n');
}
