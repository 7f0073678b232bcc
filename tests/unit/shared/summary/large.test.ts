import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../../../shared/summary/output';
import { COUNT_MEASURES, STAT_MEASURES } from '../../../../shared/summary/spec';
import { generateCases } from './fixtures';

/** The engine works at the benchmark's scale (timing is measured by the benchmark, not asserted here). */
describe('a summary of 100 000 cases', () => {
  it('computes every measure by region and theme', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
    const cases = generateCases(100_000, 2025, months);
    const file = buildSummary(cases, { period: { kind: 'year', year: 2025 }, dimensions: ['region', 'theme'], measures: [...COUNT_MEASURES, ...STAT_MEASURES] }, {
      producer: { kind: 'centre', area: 'sisa', name: 'Sisä-Suomen OT-keskus' },
      generatedAt: '2026-01-05T07:00:00Z',
    });
    expect(file.tables[0]!.total).toBe(100_000);
    expect(file.tables[0]!.rows!.codes.length).toBeGreaterThan(20);
    expect(typeof file.tables[5]!.total).toBe('number');
  });
});
