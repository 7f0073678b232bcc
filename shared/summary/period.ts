import { z } from 'zod';
import { MSG } from '../domain/validation';
import { SUMMARY_MSG } from './messages';

/**
 * The period of a summary. Months are the finest grain: a summary never carries a date finer than
 * a month. A case belongs to the period of the month it was received in (cohort by receipt), so a
 * request received in March and consulted in April counts in March's summary with its consultation.
 */

/** A calendar month `YYYY-MM`. */
export type MonthCode = string;
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 9999;
/** The longest custom range, in months. */
export const MAX_PERIOD_MONTHS = 120;

const year = z.number({ error: MSG.invalid }).int(MSG.invalid).min(MIN_YEAR, MSG.invalid).max(MAX_YEAR, MSG.invalid);
export const monthCodeSchema = z
  .string({ error: MSG.invalid })
  .regex(MONTH, MSG.invalid)
  .refine((m) => Number(m.slice(0, 4)) >= MIN_YEAR, MSG.invalid);

export const periodSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('month'), month: monthCodeSchema }),
      z.strictObject({ kind: z.literal('quarter'), year, quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: MSG.invalid }) }),
      z.strictObject({ kind: z.literal('year'), year }),
      z.strictObject({ kind: z.literal('range'), from: monthCodeSchema, to: monthCodeSchema }),
    ],
    { error: MSG.choose },
  )
  .superRefine((period, ctx) => {
    if (period.kind !== 'range') return;
    if (period.from > period.to) ctx.addIssue({ code: 'custom', path: ['to'], message: MSG.dateOrder });
    else if (monthNumber(period.to) - monthNumber(period.from) + 1 > MAX_PERIOD_MONTHS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: SUMMARY_MSG.periodTooLong });
    }
  });
export type SummaryPeriod = z.output<typeof periodSchema>;

/** Months since year 0 (for arithmetic on `YYYY-MM`). */
function monthNumber(month: MonthCode): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthCode(n: number): MonthCode {
  return `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** First and last month of a period (inclusive). */
export function periodBounds(period: SummaryPeriod): { from: MonthCode; to: MonthCode } {
  switch (period.kind) {
    case 'month':
      return { from: period.month, to: period.month };
    case 'quarter': {
      const first = period.year * 12 + (period.quarter - 1) * 3;
      return { from: monthCode(first), to: monthCode(first + 2) };
    }
    case 'year':
      return { from: `${period.year}-01`, to: `${period.year}-12` };
    case 'range':
      return { from: period.from, to: period.to };
  }
}

/** Every month of a period, oldest first. */
export function periodMonths(period: SummaryPeriod): MonthCode[] {
  const { from, to } = periodBounds(period);
  const months: MonthCode[] = [];
  for (let n = monthNumber(from); n <= monthNumber(to); n++) months.push(monthCode(n));
  return months;
}

/** True when two periods cover the same months (a quarter equals the range of its three months). */
export function samePeriod(a: SummaryPeriod, b: SummaryPeriod): boolean {
  const x = periodBounds(a);
  const y = periodBounds(b);
  return x.from === y.from && x.to === y.to;
}

/** The month of a calendar date `YYYY-MM-DD` (a Finnish calendar day). */
export function monthOfDate(date: string): MonthCode {
  return date.slice(0, 7);
}
