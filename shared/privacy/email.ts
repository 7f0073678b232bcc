import { WORD_CHAR, type Span } from './text-span';

/**
 * E-mail addresses in free text: `local@domain.tld`, and the anti-spam spellings common on Finnish
 * public-sector pages, `etunimi.sukunimi(at)example.fi` and `[at]` (with or without spaces around).
 * Letters of any script are allowed (ä, ö, å, also written as a letter plus a combining mark). The top-level domain must be two or more letters, so
 * `x@y.1` is not an address. A match never starts inside a word or ends glued to one.
 */

const LOCAL_CHAR = '[\\p{L}\\p{M}\\p{N}_%+\\-]';
const LABEL = '[\\p{L}\\p{M}\\p{N}\\-]+';
const CANDIDATE = new RegExp(
  `(?<!${WORD_CHAR}|[._%+\\-])` +
    `${LOCAL_CHAR}+(?:\\.${LOCAL_CHAR}+)*` +
    `(?:@|\\s?\\(at\\)\\s?|\\s?\\[at\\]\\s?)` +
    `${LABEL}(?:\\.${LABEL})+` +
    `(?!${WORD_CHAR}|-|\\.${WORD_CHAR})`,
  'giu',
);
const TOP_LEVEL_DOMAIN = /\.\p{L}{2,}$/u;

export function findEmailAddresses(text: string): Span[] {
  const found: Span[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    if (TOP_LEVEL_DOMAIN.test(m[0])) found.push({ start: m.index, end: m.index + m[0].length });
  }
  return found;
}
