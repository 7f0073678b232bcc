import { describe, expect, it } from 'vitest';
import { aggregate } from '../../../../shared/summary/aggregate';
import { NOT_RECORDED } from '../../../../shared/summary/dimensions';
import { cellSlot, columnTotalSlot, rowTotalSlot, totalSlot } from '../../../../shared/summary/layout';
import { median, percent, percentile90 } from '../../../../shared/summary/stats';
import { generateCase, random } from './fixtures';

const rnd = random(11);
const make = (overrides: Parameters<typeof generateCase>[2]) => generateCase(rnd, ['2026-01'], overrides);
const Q1 = { kind: 'quarter', year: 2026, quarter: 1 } as const;

describe('aggregate', () => {
  it('counts a case once per theme in cells and theme totals, and once in every other total', () => {
    const cases = [
      make({ themes: ['nepsy', 'violence'], sector: 'health' }),
      make({ themes: ['nepsy'], sector: 'health' }),
      make({ themes: ['violence'], sector: 'social' }),
    ];
    const { layout, counts } = aggregate(cases, Q1, ['theme', 'sector'], false);
    const r = (code: string) => layout.rows!.codes.indexOf(code);
    const c = (code: string) => layout.columns!.codes.indexOf(code);
    const received = counts.received;
    expect(layout.multiCounted).toBe(true);
    expect(received[cellSlot(layout, r('nepsy'), c('health'))]).toBe(2);
    expect(received[cellSlot(layout, r('violence'), c('health'))]).toBe(1);
    expect(received[rowTotalSlot(layout, r('violence'))]).toBe(2);
    expect(received[columnTotalSlot(layout, c('health'))]).toBe(2);
    expect(received[totalSlot(layout)]).toBe(3);
    const themeSum = layout.rows!.codes.reduce((sum, _, i) => sum + received[rowTotalSlot(layout, i)]!, 0);
    expect(themeSum).toBe(4);
  });

  it('takes cases by month of receipt (cohort) and leaves out the rest', () => {
    const cases = [make({ receivedMonth: '2025-12' }), make({ receivedMonth: '2026-03' }), make({ receivedMonth: '2026-04' })];
    const { layout, counts } = aggregate(cases, Q1, ['month'], false);
    expect(layout.rows!.codes).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(Array.from(counts.received)).toEqual([0, 0, 1, 1]);
  });

  it("lists reference codes, then unknown ones, then 'none' for missing values", () => {
    const cases = [make({ networkId: 'b-net' }), make({ networkId: 'a-net' }), make({ networkId: null, outcome: null })];
    expect(aggregate(cases, Q1, ['network'], false).layout.rows!.codes).toEqual(['a-net', 'b-net', NOT_RECORDED]);
    const outcomes = aggregate(cases, Q1, ['outcome'], false).layout.rows!.codes;
    expect(outcomes.at(0)).toBe('guidance-sufficient');
    expect(outcomes.at(-1)).toBe(NOT_RECORDED);
    expect(aggregate([make({ region: 'atlantis' })], Q1, ['region'], false).layout.rows!.codes.at(-1)).toBe('atlantis');
  });

  it('accumulates every count measure, the target and the days per slot', () => {
    const cases = [
      make({ accepted: true, declined: false, consulted: true, closed: true, daysToConsultation: 3, targetMet: true }),
      make({ accepted: true, declined: false, consulted: true, closed: false, daysToConsultation: 9, targetMet: false }),
      make({ accepted: false, declined: true, consulted: false, closed: false, daysToConsultation: null, targetMet: null }),
    ];
    const agg = aggregate(cases, Q1, [], true);
    expect(agg.layout.size).toBe(1);
    expect([agg.counts.received[0], agg.counts.accepted[0], agg.counts.declined[0], agg.counts.consulted[0], agg.counts.closed[0]]).toEqual([3, 2, 1, 2, 1]);
    expect([agg.timed[0], agg.targetKnown[0], agg.targetMet[0], agg.medianDays[0], agg.p90Days[0]]).toEqual([2, 2, 1, 6, 9]);
  });
});

describe('statistics', () => {
  it('uses the mean of the middle two for an even median and nearest rank for the 90th percentile', () => {
    expect(median([1, 2, 3])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(percentile90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(percentile90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe(10);
    expect(percentile90([4])).toBe(4);
    expect(Number.isNaN(median([]))).toBe(true);
    expect(percent(7, 8)).toBe(87.5);
    expect(percent(2, 3)).toBe(66.7);
  });
});
