import { WORD_CHAR, type Span } from './text-span';

/**
 * Finnish phone numbers in free text.
 *
 * Accepted forms (digit groups separated by one space, no-break space or hyphen):
 *   international  +358 40 123 4567, +358401234567, +358 (0)40 123 4567, 00358 9 123 4567
 *   national       040-1234567, 040 123 4567, 0401234567, 09 123 4567, (09) 123 4567
 *
 * Rules that keep false positives low:
 *   - a national number starts with the trunk `0`, an international one with `+358` or `00358`;
 *     so years (2025), counts (3 lasta) and case codes (OTK-2026-0042) never qualify;
 *   - after the trunk or country code, the national significant number has 7–10 digits and
 *     starts with 1–9 (a postal code such as 00100 does not);
 *   - dots and colons are not separators, so times (13.30, 09:30) and dotted dates are not phones;
 *   - the number is not glued to a letter or digit, nor continues a number joined by `-` `.` `,`
 *     `/` `:` (2026-0401234567 is not a phone), and is not followed by `.5`/`,5`;
 *   - only the first group may be a single digit, and a run of groups that is too long is cut back
 *     to the longest leading groups that form a number (040 123 4567 2025 → 040 123 4567,
 *     040 123 4567 3 lasta → 040 123 4567);
 *   - shapes that are something else are skipped: dd-mm-yyyy dates and the DDMMYY-ZZZQ shape of a
 *     henkilötunnus (found by its own detector).
 */

const SEP = '[ \\u00A0-]';
const CANDIDATE = new RegExp(
  `(?<!${WORD_CHAR}|\\+|\\p{N}[-.,/:])` +
    `(?:(?:\\+|00)358${SEP}?(?:\\(0\\)${SEP}?)?\\d+|\\(0\\d{1,3}\\)${SEP}?\\d+|0\\d*)(?:${SEP}\\d+)*` +
    `(?!${WORD_CHAR}|[.,]\\d)`,
  'gu',
);
const INTERNATIONAL_PREFIX = /^(?:\+|00)358[ \u00A0-]?(?:\(0\)[ \u00A0-]?)?/;
const MIN_NATIONAL_DIGITS = 7;
const MAX_NATIONAL_DIGITS = 10;
const NOT_A_PHONE = [/^\d{1,2}-\d{1,2}-\d{2,4}$/, /^\d{6}-\d{4}$/];

export function findPhoneNumbers(text: string): Span[] {
  const found: Span[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const length = phoneLength(m[0]);
    if (length === undefined) continue;
    const value = m[0].slice(0, length);
    if (NOT_A_PHONE.some((shape) => shape.test(value))) continue;
    found.push({ start: m.index, end: m.index + length });
  }
  return found;
}

/** Length of the longest leading part of a candidate that is a phone number, if any. */
function phoneLength(candidate: string): number | undefined {
  const prefix = INTERNATIONAL_PREFIX.exec(candidate);
  const bodyStart = prefix ? prefix[0].length : 0;
  let national = '';
  let best: number | undefined;
  let first = true;
  for (const group of candidate.slice(bodyStart).matchAll(/\d+/g)) {
    // Only the first group (area or operator code) may be a single digit: "040 123 4567 3" ends at 4567.
    if (!first && group[0].length < 2) break;
    // A national number's first digit is the trunk 0, which is not part of the number proper.
    national += first && !prefix ? group[0].slice(1) : group[0];
    first = false;
    if (national.length > MAX_NATIONAL_DIGITS) break;
    if (national.length >= MIN_NATIONAL_DIGITS && /^[1-9]/.test(national)) best = bodyStart + group.index + group[0].length;
  }
  return best;
}
