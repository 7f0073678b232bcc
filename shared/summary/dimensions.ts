import { CONSENT_MODES } from '../domain/consent';
import { CLOSE_OUT_OUTCOMES, OTHERWISE_SOUGHT } from '../lifecycle/close-out';
import { AREA_CODES, REGION_CODES } from '../reference/regions';
import { AGE_BAND_CODES, SECTOR_CODES, SERVICE_LEVEL_CODES, THEME_CODES } from '../reference/themes';
import type { SummaryCase } from './input';
import { SHIPPED_METHOD_CODES } from '../reference/methods';
import { DEFAULT_CRITERIA } from '../knowledge/ot-criteria';
import { DECLINE_REASONS } from '../lifecycle/transition-data';
import type { MonthCode } from './period';
import type { SummaryDimension } from './spec';

/** The category of a value that is not there: not closed yet, never routed, no theme. */
export const NOT_RECORDED = 'none';

/** A category code in an output file: a reference code, a network id, a month or 'none'. */
export const CATEGORY_CODE = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

/** Dimensions where one case can fall into several categories: themes, recommended methods, criteria met. */
export const MULTI_VALUED = ['theme', 'method', 'criterion'] as const satisfies readonly SummaryDimension[];
export type MultiValuedDimension = (typeof MULTI_VALUED)[number];
export type SingleValuedDimension = Exclude<SummaryDimension, MultiValuedDimension>;

export function isMultiValued(dimension: SummaryDimension): dimension is MultiValuedDimension {
  return (MULTI_VALUED as readonly string[]).includes(dimension);
}

/** Dimensions whose value may be missing (category 'none', always listed). */
const NULLABLE: ReadonlySet<SummaryDimension> = new Set(['outcome', 'otherwiseSought', 'network', 'method', 'criterion', 'declineReason']);

/** The categories listed even when empty, in their reference order. */
function referenceCodes(dimension: SummaryDimension, months: readonly MonthCode[]): readonly string[] {
  switch (dimension) {
    case 'month':
      return months;
    case 'area':
      return AREA_CODES;
    case 'region':
      return REGION_CODES;
    case 'theme':
      return THEME_CODES;
    case 'sector':
      return SECTOR_CODES;
    case 'ageBand':
      return AGE_BAND_CODES;
    case 'serviceLevel':
      return SERVICE_LEVEL_CODES;
    case 'consentMode':
      return CONSENT_MODES;
    case 'outcome':
      return CLOSE_OUT_OUTCOMES;
    case 'otherwiseSought':
      return OTHERWISE_SOUGHT;
    case 'network':
      return [];
    case 'method':
      return SHIPPED_METHOD_CODES;
    case 'criterion':
      return DEFAULT_CRITERIA.criteria.map((c) => c.code);
    case 'declineReason':
      return DECLINE_REASONS;
  }
}

/**
 * The ordered categories of a dimension: the reference codes, then any other code seen (sorted),
 * then 'none' for the dimensions whose value may be missing.
 */
export function orderedCodes(dimension: SummaryDimension, months: readonly MonthCode[], seen: Iterable<string> = []): string[] {
  const reference = referenceCodes(dimension, months);
  const known = new Set(reference);
  const seenSet = new Set(seen);
  const extra = [...seenSet].filter((code) => !known.has(code) && code !== NOT_RECORDED).sort();
  const codes = [...reference, ...extra];
  if (NULLABLE.has(dimension) || seenSet.has(NOT_RECORDED)) codes.push(NOT_RECORDED);
  return codes;
}

/** The single value of a case in a single-valued dimension ('none' when missing). */
export function singleValue(dimension: SingleValuedDimension, c: SummaryCase): string {
  switch (dimension) {
    case 'month':
      return c.receivedMonth;
    case 'area':
      return c.area;
    case 'region':
      return c.region;
    case 'sector':
      return c.sector;
    case 'ageBand':
      return c.ageBand;
    case 'serviceLevel':
      return c.serviceLevel;
    case 'consentMode':
      return c.consentMode;
    case 'outcome':
      return c.outcome ?? NOT_RECORDED;
    case 'otherwiseSought':
      return c.wouldOtherwiseHaveSought ?? NOT_RECORDED;
    case 'network':
      return c.networkId ?? NOT_RECORDED;
    case 'declineReason':
      return c.declineReason ?? NOT_RECORDED;
  }
}

/** Each code once; 'none' when there is none (a list missing in rows written before it existed counts as none). */
function distinctOrNone(codes: readonly string[] | undefined): readonly string[] {
  if (!codes || codes.length === 0) return [NOT_RECORDED];
  if (codes.length === 1) return codes;
  return [...new Set(codes)];
}

/** The theme codes of a case, each once; 'none' when it has none. */
export function themeValues(c: SummaryCase): readonly string[] {
  return distinctOrNone(c.themes);
}

/** The categories of a case in a multi-valued dimension, each once; 'none' when it has none. */
export function multiValues(dimension: MultiValuedDimension, c: SummaryCase): readonly string[] {
  switch (dimension) {
    case 'theme':
      return distinctOrNone(c.themes);
    case 'method':
      return distinctOrNone(c.methods);
    case 'criterion':
      return distinctOrNone(c.criteria);
  }
}
