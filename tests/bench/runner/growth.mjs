import { countSuffix } from './measure.mjs';

/**
 * The growth curve (issue 22): the same operations at several database sizes, to show that cost
 * grows no faster than linearly. Each size is its own benchmark run (`--only` these operations, so
 * the raw baselines of the same run sit next to each figure).
 */
export const GROWTH_SIZES = [25_000, 50_000, 100_000, 200_000];

/** What `npm run bench:growth` runs at each size (`--only`; `import` brings `export`). */
export const GROWTH_OPERATIONS = ['raw-baselines', 'cold-start', 'renderer-heap', 'list-filter', 'import'];

/**
 * The measures of the curve. `base` names the raw IndexedDB baseline of the same run; its ratio
 * staying flat across sizes means the app grows exactly as IndexedDB itself does.
 */
export const GROWTH_MEASURES = [
  { label: 'unlock → index ready', op: 'cold-start', tail: '-index-ready', base: { op: 'raw-getall', tail: '-caserows' } },
  { label: 'unlock → first page + total', op: 'cold-start' },
  { label: 'filter', op: 'list-filter' },
  { label: 'import', op: 'import', base: { op: 'raw-put' } },
  { label: 'renderer heap, list shown', op: 'renderer-heap', tail: '-mb', unit: 'MB' },
];

/**
 * A step to a larger size counts as linear (or better) while the cost grows by at most the size
 * factor × this tolerance: the figures vary ±15 % between runs on the shared 2-core machine.
 */
export const LINEAR_TOLERANCE = 1.25;

const valueOf = (result) => result?.median_ms ?? result?.median;
const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The curve from one benchmark report per size (any order; reports without a measure leave a gap).
 * For each measure: the value at each size, per 1 000 records, its ratio to the baseline, and each
 * step's size factor against its cost factor with the verdict.
 */
export function growthReport(reports, { tolerance = LINEAR_TOLERANCE } = {}) {
  const sorted = reports.toSorted((a, b) => a.records - b.records);
  const measures = GROWTH_MEASURES.map((measure) => {
    const points = sorted.map((report) => {
      const suffix = countSuffix(report.records);
      const byName = new Map(report.results.map((r) => [r.name, r]));
      const value = valueOf(byName.get(`${measure.op}-${suffix}${measure.tail ?? ''}`));
      if (value === undefined) return { records: report.records, value: null };
      const base = measure.base ? valueOf(byName.get(`${measure.base.op}-${suffix}${measure.base.tail ?? ''}`)) : undefined;
      return {
        records: report.records,
        value,
        perThousand: round((value / report.records) * 1000, 3),
        ...(base ? { ratio: round(value / base) } : {}),
      };
    });
    const measured = points.filter((p) => p.value !== null);
    const steps = measured.slice(1).map((point, i) => {
      const from = measured[i];
      const sizeFactor = round(point.records / from.records);
      const costFactor = round(point.value / from.value);
      return { from: from.records, to: point.records, sizeFactor, costFactor, linear: costFactor <= sizeFactor * tolerance };
    });
    return {
      label: measure.label,
      name: `${measure.op}-N${measure.tail ?? ''}`,
      unit: measure.unit ?? 'ms',
      ...(measure.base ? { baseline: `${measure.base.op}-N${measure.base.tail ?? ''}` } : {}),
      points,
      steps,
      verdict: steps.length === 0 ? 'one size only' : steps.every((s) => s.linear) ? 'linear or better' : 'faster than linear',
    };
  });
  return {
    sizes: sorted.map((r) => r.records),
    tolerance,
    loadavg: Object.fromEntries(sorted.map((r) => [r.records, r.loadavg])),
    generatedAt: sorted.map((r) => r.generatedAt),
    measures,
  };
}

/** The curve as a Markdown table, for tests/bench/README.md. */
export function formatGrowth(growth) {
  const sizes = growth.sizes;
  const header = `| measure | ${sizes.map((n) => `${n.toLocaleString('en-GB').replace(/,/g, ' ')}`).join(' | ')} | growth per step (size × → cost ×) | verdict |`;
  const rule = `|---|${sizes.map(() => '---:').join('|')}|---|---|`;
  const rows = growth.measures.map((m) => {
    const cells = sizes.map((n) => {
      const p = m.points.find((q) => q.records === n);
      if (!p || p.value === null) return '—';
      return `${round(p.value, 1)} ${m.unit}${p.ratio !== undefined ? ` (${p.ratio} ×)` : ''}`;
    });
    const steps = m.steps.map((s) => `${s.sizeFactor} → ${s.costFactor}`).join(', ');
    return `| ${m.label}${m.baseline ? ` (× ${m.baseline})` : ''} | ${cells.join(' | ')} | ${steps} | ${m.verdict} |`;
  });
  return [header, rule, ...rows].join('\n');
}
