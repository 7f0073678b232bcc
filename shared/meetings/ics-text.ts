/**
 * The text layer of iCalendar (RFC 5545 §3.1–3.3): escaping TEXT values and parameter values, and
 * folding content lines at 75 octets of UTF-8. Pure string functions; ./ics builds the calendar.
 */

/** Line break of iCalendar content lines. */
export const CRLF = '\r\n';

/** Longest content line in octets, excluding its CRLF (RFC 5545 §3.1). */
export const MAX_LINE_OCTETS = 75;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Control characters iCalendar TEXT cannot hold (HTAB, CR and LF are handled separately). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Lone UTF-16 surrogates (which UTF-8 cannot encode) become U+FFFD, as TextEncoder would. */
function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * A TEXT value (§3.3.11): backslash, semicolon and comma escaped, every line break (CRLF, CR or LF)
 * as `\n`; other control characters dropped, lone surrogates replaced by U+FFFD.
 */
export function escapeText(text: string): string {
  return wellFormed(text)
    .replace(CONTROL, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A parameter value (§3.2), always quoted: DQUOTE cannot be escaped in iCalendar, so it becomes an
 * apostrophe; line breaks become spaces; other control characters are dropped.
 */
export function quoteParam(value: string): string {
  const safe = wellFormed(value)
    .replace(/\r\n|\r|\n|\t/g, ' ')
    .replace(CONTROL, '')
    .replace(/"/g, "'");
  return `"${safe}"`;
}

/** UTF-8 length of one code point (a lone surrogate counts as U+FFFD, 3 octets). */
function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line (no CR or LF in it) into lines of at most 75 octets of UTF-8, each
 * continuation starting with one space (which counts towards its 75). Breaks only between code
 * points, never inside a multi-byte character. Returns the physical lines joined with CRLF, without
 * a trailing CRLF.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** UTF-8 bytes of a calendar (or any string): what goes into the .ics file. */
export function icsBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
