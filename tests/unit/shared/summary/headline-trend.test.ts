import { describe, expect, it } from 'vitest';
import { headline } from '../../../../shared/summary/headline';
import { summaryTables } from '../../../../shared/summary/tables';
import { trend } from '../../../../shared/summary/trend';
import { derivableHidden } from './exact-audit';
import { generateCases } from './fixtures';

const year = { kind: 'year', year: 2026 } as const;
const months = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

describe('headline', () => {
  it('gives requests, median days, share within target and the top themes', () => {
    const cases = generateCases(600, 21, months);
    const h = headline(cases, year, 3);
    expect(h.requests).toBe(600);
    expect(typeof h.medianDaysToConsultation).toBe('number');
    expect(typeof h.targetMetShare).toBe('number');
    expect(h.topThemes).toHaveLength(3);
    const counts = h.topThemes.map((t) => t.requests);
    expect([...counts].sort((x, y) => y - x)).toEqual(counts);
    const perTheme = summaryTables(cases, { period: year, dimensions: ['theme'], measures: ['received'] }).tables[0]!;
    for (const t of h.topThemes) expect(perTheme.rowTotals[perTheme.rows!.codes.indexOf(t.theme)]).toBe(t.requests);
  });

  it('hides small numbers and never ranks a theme with 1–4 requests', () => {
    const h = headline(generateCases(3, 4, months), year);
    expect(h).toEqual({ requests: '<5', medianDaysToConsultation: '..', targetMetShare: '..', topThemes: [] });
    expect(headline([], year)).toEqual({ requests: 0, medianDaysToConsultation: '..', targetMetShare: '..', topThemes: [] });
  });
});

describe('trend', () => {
  it('gives one point per month, the line of all requests first', () => {
    const cases = generateCases(900, 8, months);
    const t = trend(cases, { period: year, measure: 'received' });
    expect(t.months).toEqual(months);
    expect(t.series).toHaveLength(1);
    expect(t.series[0]!.code).toBeNull();
    const sum = (t.series[0]!.points as number[]).reduce((a, b) => a + b, 0);
    expect(sum).toBe(900);
  });

  it('suppresses lines per category like the months × categories table', () => {
    const cases = generateCases(200, 8, months);
    const t = trend(cases, { period: year, measure: 'consulted', dimension: 'theme' });
    expect(t.multiCounted).toBe(true);
    expect(t.series[0]!.code).toBeNull();
    expect(t.series.slice(1).map((s) => s.code)).toContain('nepsy');
    const points = t.series.flatMap((s) => s.points);
    expect(points.filter((p) => typeof p === 'number' && p >= 1 && p <= 4)).toEqual([]);
    expect(points).toContain('<5');
    const table = summaryTables(cases, { period: year, dimensions: ['month', 'theme'], measures: ['consulted'] }).tables[0]!;
    expect(derivableHidden(table)).toEqual([]);
    expect(t.series[0]!.points).toEqual(table.rowTotals);
  });

  it('draws medians per month with the same rules', () => {
    const t = trend(generateCases(400, 3, months), { period: year, measure: 'medianDaysToConsultation' });
    expect(t.series[0]!.points.every((p) => p === '..' || (typeof p === 'number' && p >= 0))).toBe(true);
  });
});
