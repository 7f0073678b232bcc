import { z } from 'zod';
import { MSG } from '../domain/validation';
import { SUMMARY_MSG } from './messages';
import { periodSchema } from './period';

/**
 * What a summary shows: a period, up to two grouping dimensions and the measures.
 * The period is not part of this object in an `otk-summary/1` file (it sits beside it); the
 * engine takes both as one `SummaryRequest`.
 */

export const SUMMARY_DIMENSIONS = [
  /** Month of receipt (the trend chart's axis). */
  'month',
  /** Yhteistyöalue of the requester's hyvinvointialue. */
  'area',
  /** Hyvinvointialue of the requester. */
  'region',
  /** Consultation theme: multi-valued, a case counts once per theme. */
  'theme',
  'sector',
  'ageBand',
  'serviceLevel',
  'consentMode',
  /** Close-out outcome ('none' until closed). */
  'outcome',
  /** "Would otherwise have sought a more demanding service" ('none' until closed). */
  'otherwiseSought',
  /** The expert network the case is currently routed to ('none' when not routed). */
  'network',
  /** Evidence-based methods the recommendation names: multi-valued ('none' without a recommendation or a method). */
  'method',
  /** OT-level criteria met at acceptance or decline: multi-valued ('none' when not recorded). */
  'criterion',
  /** Why a request was declined ('none' when it was not declined). */
  'declineReason',
] as const;
export type SummaryDimension = (typeof SUMMARY_DIMENSIONS)[number];

/** Counts of requests. A case counts in the period of its month of receipt, whatever happened since. */
export const COUNT_MEASURES = [
  'received',
  /** Ever accepted as OT-level (or routed straight away). */
  'accepted',
  'declined',
  /** The consultation was held. */
  'consulted',
  /** Ever closed with a close-out (a reopened case still counts). */
  'closed',
] as const;
/** Derived from the cases whose consultation was held (and dated). */
export const STAT_MEASURES = ['medianDaysToConsultation', 'p90DaysToConsultation', 'targetMetShare'] as const;
export const SUMMARY_MEASURES = [...COUNT_MEASURES, ...STAT_MEASURES] as const;
export type CountMeasure = (typeof COUNT_MEASURES)[number];
export type StatMeasure = (typeof STAT_MEASURES)[number];
export type SummaryMeasure = (typeof SUMMARY_MEASURES)[number];

export const MAX_DIMENSIONS = 2;

export function isCountMeasure(measure: SummaryMeasure): measure is CountMeasure {
  return (COUNT_MEASURES as readonly string[]).includes(measure);
}

const distinct = (list: readonly string[]) => new Set(list).size === list.length;

export const summarySpecSchema = z.strictObject({
  /** Rows first, then columns. */
  dimensions: z
    .array(z.enum(SUMMARY_DIMENSIONS, { error: MSG.invalid }), { error: MSG.invalid })
    .max(MAX_DIMENSIONS, SUMMARY_MSG.tooManyDimensions)
    .refine(distinct, SUMMARY_MSG.duplicate),
  measures: z
    .array(z.enum(SUMMARY_MEASURES, { error: MSG.invalid }), { error: MSG.invalid })
    .min(1, MSG.chooseAtLeastOne)
    .refine(distinct, SUMMARY_MSG.duplicate),
});
export type SummarySpec = z.output<typeof summarySpecSchema>;

/** The spec and its period: what the engine is asked to compute. */
export const summaryRequestSchema = summarySpecSchema.extend({ period: periodSchema });
export type SummaryRequest = z.output<typeof summaryRequestSchema>;
/** What callers pass (read-only lists welcome); validated with summaryRequestSchema. */
export interface SummaryRequestInput {
  readonly period: SummaryRequest['period'];
  readonly dimensions: readonly SummaryDimension[];
  readonly measures: readonly SummaryMeasure[];
}

export function sameSpec(a: Pick<SummaryRequestInput, 'dimensions' | 'measures'>, b: Pick<SummaryRequestInput, 'dimensions' | 'measures'>): boolean {
  return a.dimensions.join('|') === b.dimensions.join('|') && a.measures.join('|') === b.measures.join('|');
}
