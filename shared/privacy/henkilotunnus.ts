/**
 * Finnish personal identity code (henkilötunnus, sv. personbeteckning), `DDMMYYCZZZQ`:
 *
 *   DDMMYY  date of birth;
 *   C       century sign: `+` 1800s; `-` `Y` `X` `W` `V` `U` 1900s; `A` `B` `C` `D` `E` `F` 2000s.
 *           Two people may share DDMMYYZZZQ and differ only by the sign, so it is never stripped,
 *           replaced or normalised;
 *   ZZZ     individual number: 002–899 ordinary, 900–999 temporary (both identify a person);
 *           000 and 001 are never issued;
 *   Q       check character: the nine digits DDMMYYZZZ read as one number, mod 31, indexed into
 *           `0123456789ABCDEFHJKLMNPRSTUVWXY` (no G, I, O, Q, Z).
 *
 * The date must exist in the full year given by the century sign (29 February 1900 does not,
 * 29 February 2000 does). A date in the future is not refused here: this module has no clock,
 * and for a privacy guard flagging too much is the safe side.
 *
 * Letter case: the official form is upper case. Lower-case letters (century sign and check
 * character) are accepted too, because people type them and the code still identifies the same
 * person; callers that store a code should upper-case it — never touch the century sign otherwise.
 */

export const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** Century sign (upper case) → the first year of its century. */
const CENTURY: Readonly<Record<string, number>> = {
  '+': 1800,
  '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900,
  A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000,
};

export type HenkilotunnusInvalidReason = 'format' | 'date' | 'individual-number' | 'check-character';

export type HenkilotunnusParse =
  | { valid: true; birthDate: string; temporary: boolean }
  | { valid: false; reason: HenkilotunnusInvalidReason };

export interface HenkilotunnusMatch {
  /** UTF-16 index of the first character (as `String.prototype.slice` counts). */
  start: number;
  /** UTF-16 index just after the last character. */
  end: number;
  /** The code exactly as written in the text. */
  value: string;
  /** Individual number 900–999. */
  temporary: boolean;
}

/** Shape only: six digits, a century sign, three digits, one letter or digit. */
const SHAPE = /^(\d{2})(\d{2})(\d{2})([-+A-FU-Ya-fu-y])(\d{3})([0-9A-Za-z])$/;

/** The check character for the nine digits DDMMYYZZZ. */
export function henkilotunnusCheckCharacter(nineDigits: string): string {
  if (!/^\d{9}$/.test(nineDigits)) throw new RangeError('expected nine digits DDMMYYZZZ');
  return CHECK_CHARACTERS.charAt(Number(nineDigits) % 31);
}

export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Checks one code, exactly as given (no trimming). The first failing rule is reported, in the
 * order format → date → individual number → check character.
 */
export function parseHenkilotunnus(s: string): HenkilotunnusParse {
  const m = SHAPE.exec(s);
  if (!m) return { valid: false, reason: 'format' };
  const [, dd, mm, yy, sign, zzz, check] = m as unknown as [string, string, string, string, string, string, string];

  const year = CENTURY[sign.toUpperCase()]! + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { valid: false, reason: 'date' };

  const individual = Number(zzz);
  if (individual < 2) return { valid: false, reason: 'individual-number' };

  if (check.toUpperCase() !== henkilotunnusCheckCharacter(dd + mm + yy + zzz)) return { valid: false, reason: 'check-character' };

  return { valid: true, birthDate: `${year}-${mm}-${dd}`, temporary: individual >= 900 };
}

export function isValidHenkilotunnus(s: string): boolean {
  return parseHenkilotunnus(s).valid;
}

/**
 * Dashes that text editors and PDFs put where a `-` was typed (hyphen, non-breaking hyphen,
 * figure dash, en dash, minus sign). The finder reads them as `-` when checking a code, so a pasted
 * code is still caught; the reported `value` keeps the text as written.
 */
const TYPOGRAPHIC_DASHES = '\u2010\u2011\u2012\u2013\u2212';

/**
 * A candidate is not glued to a letter, combining mark or digit on either side: inside a longer
 * digit string or a word it is not a code. Punctuation, spaces and line breaks around it are fine.
 */
const CANDIDATE = new RegExp(
  `(?<![\\p{L}\\p{M}\\p{N}])\\d{6}[-+A-FU-Ya-fu-y${TYPOGRAPHIC_DASHES}]\\d{3}[0-9A-Za-z](?![\\p{L}\\p{M}\\p{N}])`,
  'gu',
);

/**
 * Every valid code in free text, in order. Invalid look-alikes (wrong check character, impossible
 * date, individual number 000/001) are not reported. Lower-case letters are accepted (see the top).
 */
export function findHenkilotunnukset(text: string): HenkilotunnusMatch[] {
  const found: HenkilotunnusMatch[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const value = m[0];
    const sign = value.charAt(6);
    const canonical = TYPOGRAPHIC_DASHES.includes(sign) ? `${value.slice(0, 6)}-${value.slice(7)}` : value;
    const parsed = parseHenkilotunnus(canonical);
    if (parsed.valid) found.push({ start: m.index, end: m.index + value.length, value, temporary: parsed.temporary });
  }
  return found;
}
