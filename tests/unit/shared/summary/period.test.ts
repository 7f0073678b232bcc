import { describe, expect, it } from 'vitest';
import { MSG } from '../../../../shared/domain/validation';
import { SUMMARY_MSG } from '../../../../shared/summary/messages';
import { monthOfDate, periodBounds, periodMonths, periodSchema, samePeriod } from '../../../../shared/summary/period';
import { summaryRequestSchema, summarySpecSchema } from '../../../../shared/summary/spec';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe('periods', () => {
  it('lists the months of a month, quarter, year and custom range', () => {
    expect(periodMonths({ kind: 'month', month: '2026-02' })).toEqual(['2026-02']);
    expect(periodMonths({ kind: 'quarter', year: 2026, quarter: 4 })).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(periodMonths({ kind: 'year', year: 2025 })).toHaveLength(12);
    expect(periodMonths({ kind: 'range', from: '2025-11', to: '2026-02' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodBounds({ kind: 'quarter', year: 2026, quarter: 1 })).toEqual({ from: '2026-01', to: '2026-03' });
  });

  it('treats periods covering the same months as the same', () => {
    expect(samePeriod({ kind: 'quarter', year: 2026, quarter: 2 }, { kind: 'range', from: '2026-04', to: '2026-06' })).toBe(true);
    expect(samePeriod({ kind: 'year', year: 2026 }, { kind: 'year', year: 2025 })).toBe(false);
  });

  it('takes the month of a calendar date', () => {
    expect(monthOfDate('2026-03-31')).toBe('2026-03');
  });

  it('refuses reversed, too long and malformed periods with message keys', () => {
    expect(messages(periodSchema.safeParse({ kind: 'range', from: '2026-05', to: '2026-01' }))).toEqual([MSG.dateOrder]);
    expect(messages(periodSchema.safeParse({ kind: 'range', from: '2000-01', to: '2020-01' }))).toEqual([SUMMARY_MSG.periodTooLong]);
    expect(periodSchema.safeParse({ kind: 'month', month: '2026-13' }).success).toBe(false);
    expect(periodSchema.safeParse({ kind: 'month', month: '2026-03-01' }).success).toBe(false);
    expect(periodSchema.safeParse({ kind: 'quarter', year: 2026, quarter: 5 }).success).toBe(false);
    expect(periodSchema.safeParse({ kind: 'week', year: 2026 }).success).toBe(false);
    expect(periodSchema.safeParse({ kind: 'month', month: '2026-03', day: 1 }).success).toBe(false);
  });
});

describe('the specification', () => {
  it('takes up to two distinct dimensions and at least one measure', () => {
    expect(summarySpecSchema.safeParse({ dimensions: ['region', 'theme'], measures: ['received'] }).success).toBe(true);
    expect(summarySpecSchema.safeParse({ dimensions: [], measures: ['medianDaysToConsultation'] }).success).toBe(true);
    expect(messages(summarySpecSchema.safeParse({ dimensions: ['region', 'theme', 'sector'], measures: ['received'] }))).toEqual([SUMMARY_MSG.tooManyDimensions]);
    expect(messages(summarySpecSchema.safeParse({ dimensions: ['theme', 'theme'], measures: ['received'] }))).toEqual([SUMMARY_MSG.duplicate]);
    expect(messages(summarySpecSchema.safeParse({ dimensions: [], measures: [] }))).toEqual([MSG.chooseAtLeastOne]);
    expect(summarySpecSchema.safeParse({ dimensions: ['caseCode'], measures: ['received'] }).success).toBe(false);
    expect(summaryRequestSchema.safeParse({ period: { kind: 'year', year: 2026 }, dimensions: [], measures: ['received'] }).success).toBe(true);
  });
});
