import { CONSENT_MODES } from '../domain/consent';
import { CLOSE_OUT_OUTCOMES, OTHERWISE_SOUGHT } from '../lifecycle/close-out';
import { AREA_CODES, REGION_CODES } from '../reference/regions';
import { AGE_BAND_CODES, SECTOR_CODES, SERVICE_LEVEL_CODES, THEME_CODES } from '../reference/themes';
import type { SummaryCase } from './input';
import type { MonthCode } from './period';
import type { SummaryDimension } from './spec';

/** The category of a value that is not there: not closed yet, never routed, no theme. */
export const NOT_RECORDED = 'none';

/** A category code in an output file: a reference code, a network id, a month or 'none'. */
export const CATEGORY_CODE = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

/** Dimensions where one case can fall into several categories. */
export function isMultiValued(dimension: SummaryDimension): boolean {
  return dimension === 'theme';
}

/** Dimensions whose value may be missing (category 'none', always listed). */
const NULLABLE: ReadonlySet<SummaryDimension> = new Set(['outcome', 'otherwiseSought', 'network']);

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
export function singleValue(dimension: Exclude<SummaryDimension, 'theme'>, c: SummaryCase): string {
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
  }
}

/** The theme codes of a case, each once; 'none' when it has none. */
export function themeValues(c: SummaryCase): readonly string[] {
  const themes = c.themes;
  if (themes.length === 0) return [NOT_RECORDED];
  if (themes.length === 1) return themes;
  return [...new Set(themes)];
}
