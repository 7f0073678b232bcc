import { describe, expect, it } from 'vitest';
// @ts-expect-error — the benchmark runner is plain ESM JavaScript without type declarations
import { growthReport, formatGrowth } from '../../../tests/bench/runner/growth.mjs';

/** A benchmark report as the runner writes it, with only what the curve reads. */
function report(records: number, values: Record<string, number>) {
  const k = `${records / 1000}k`;
  return {
    records,
    generatedAt: `2026-01-0${String(records).length}T08:00:00.000Z`,
    loadavg: { start: [1, 1, 1] },
    results: Object.entries(values).map(([name, median]) => ({
      name: name.replace('N', k),
      ...(name.endsWith('-mb') ? { median, unit: 'MB' } : { median_ms: median }),
    })),
  };
}

const linear = (n: number) =>
  report(n, {
    'cold-start-N-index-ready': n / 100,
    'raw-getall-N-caserows': n / 50,
    'cold-start-N': 500,
    'list-filter-N': n / 4000,
    'import-N': n / 2,
    'raw-put-N': n / 2.5,
    'renderer-heap-N-mb': 20 + n / 4000,
  });

describe('the growth curve', () => {
  it('calls cost that grows with the size linear, and reads ratios against the same run’s baseline', () => {
    const growth = growthReport([linear(100_000), linear(25_000), linear(50_000)]);
    expect(growth.sizes).toEqual([25_000, 50_000, 100_000]);
    const index = growth.measures.find((m: { label: string }) => m.label === 'unlock → index ready');
    expect(index.points.map((p: { ratio: number }) => p.ratio)).toEqual([0.5, 0.5, 0.5]);
    expect(index.points[0].perThousand).toBe(10);
    expect(index.steps).toEqual([
      { from: 25_000, to: 50_000, sizeFactor: 2, costFactor: 2, linear: true },
      { from: 50_000, to: 100_000, sizeFactor: 2, costFactor: 2, linear: true },
    ]);
    expect(growth.measures.every((m: { verdict: string }) => m.verdict === 'linear or better')).toBe(true);
  });

  it('flags cost that grows faster than the size beyond the tolerance', () => {
    const quadratic = report(50_000, { 'import-N': (50_000 / 2) * 2.6, 'raw-put-N': 20_000 });
    const growth = growthReport([linear(25_000), quadratic]);
    const imp = growth.measures.find((m: { label: string }) => m.label === 'import');
    expect(imp.steps[0]).toMatchObject({ sizeFactor: 2, costFactor: 5.2, linear: false });
    expect(imp.verdict).toBe('faster than linear');
    // a measure the larger run did not take leaves a gap, not a verdict from one point
    const filter = growth.measures.find((m: { label: string }) => m.label === 'filter');
    expect(filter.points[1]).toEqual({ records: 50_000, value: null });
    expect(filter.verdict).toBe('one size only');
  });

  it('prints one Markdown row per measure with the values, the ratios and the steps', () => {
    const table = formatGrowth(growthReport([linear(25_000), linear(50_000)]));
    const lines = table.split('\n');
    expect(lines[0]).toBe('| measure | 25 000 | 50 000 | growth per step (size × → cost ×) | verdict |');
    expect(lines).toContain('| unlock → index ready (× raw-getall-N-caserows) | 250 ms (0.5 ×) | 500 ms (0.5 ×) | 2 → 2 | linear or better |');
    expect(lines).toContain('| renderer heap, list shown | 26.3 MB | 32.5 MB | 2 → 1.24 | linear or better |');
  });
});
