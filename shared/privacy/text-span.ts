/** Small pieces shared by the detectors of the identifier guard. */

/** A match inside a text, as UTF-16 indices (`text.slice(start, end)` is the match). */
export interface Span {
  start: number;
  end: number;
}

/**
 * Regular-expression source for one "word" character: a letter, combining mark or digit in any
 * script. Detectors use it in look-arounds so that a match never starts or ends inside a word or
 * a longer number. Use with the `u` flag.
 */
export const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';

/**
 * A shape of a matched value that is safe for logs: every letter becomes `*` and every digit `#`,
 * other characters (spaces, `-`, `.`, `@`, `+`) stay. The result contains no letter or digit of the
 * original, so it cannot leak the value; it only shows its form, e.g. `######-###*`.
 */
export function maskForLog(value: string): string {
  return value.replace(/\p{N}/gu, '#').replace(/[\p{L}\p{M}]/gu, '*');
}
