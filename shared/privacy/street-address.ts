import { WORD_CHAR, type Span } from './text-span';

/**
 * Street addresses in free text: a Finnish or Swedish street name followed by a house number.
 *
 * Street name: a capitalised word ending in a common street suffix —
 *   fi: -katu -tie -kuja -polku -raitti -väylä -tori -kaari -rinne -ranta -aukio -tanhua
 *       -bulevardi -esplanadi;
 *   sv: -gatan -gata -vägen -väg -gränd -gränden -stigen -backen -torget -allén -kajen -esplanaden —
 *   with at least two letters before the suffix (Mannerheimintie, Storgatan, Pohjois-Haagankuja),
 *   or a capitalised word followed by the separate word katu, tie, kuja, polku, gatan, vägen or
 *   gränd (Itä-Pasilan kuja 3; Aleksis Kiven katu 5 is caught as "Kiven katu 5").
 * House number: 1–9999, optionally with a letter (4a), a range (12–14), a staircase letter and
 *   flat number (12 B 5, 12 b 5) or a flat marker (as. 3, lgh 3, bst 3, h 3).
 *
 * False positives kept low: the name must start with a capital letter (so "hoitopolku 2" in running
 * text is not an address); words that end like a street but are not one are skipped (Kuraattori 2,
 * Koordinaattori 3 — any -ttori —, Hoitopolku, Palvelupolku, Umpikuja, Sateenkaari, ...); the house
 * number is not glued to letters or digits and is not a time or decimal (Hämeentie 13.30 is not).
 */

const SUFFIX =
  '(?:katu|tie|kuja|polku|raitti|väylä|tori|kaari|rinne|ranta|aukio|tanhua|bulevardi|esplanadi|' +
  'gatan|gata|vägen|väg|gränden|gränd|stigen|backen|torget|allén|kajen|esplanaden)';
const SEPARATE_SUFFIX = '(?:katu|tie|kuja|polku|gatan|vägen|gränd)';
/** A capitalised word, hyphenated parts allowed (Pohjois-Haagan); at least two letters long. */
const CAPITALISED = '\\p{Lu}(?:[\\p{Ll}\\p{M}]|-\\p{L})+';
const NAME = `(?:${CAPITALISED}${SUFFIX}|${CAPITALISED} ${SEPARATE_SUFFIX})`;
const HOUSE = '[1-9]\\d{0,3}(?:[a-z](?![\\p{L}\\p{N}]))?(?:\\s?[-–]\\s?[1-9]\\d{0,3}(?:[a-z](?![\\p{L}\\p{N}]))?)?';
const FLAT = '(?:\\s[A-Z](?![\\p{L}\\p{N}])(?:\\s?\\d{1,3})?|\\s[a-z]\\s?\\d{1,3}|\\s(?:as|lgh|bst|h)\\.?\\s?\\d{1,3})?';
const CANDIDATE = new RegExp(`(?<!${WORD_CHAR}|-)(${NAME})\\s${HOUSE}${FLAT}(?!${WORD_CHAR}|[.,:]\\d)`, 'gu');

const NOT_STREETS = new Set([
  'hoitopolku', 'palvelupolku', 'opintopolku', 'kuntoutuspolku', 'asiakaspolku', 'hoitoväylä',
  'umpikuja', 'sateenkaari', 'elämänkaari', 'kehityskaari', 'elämäntie',
]);

export function findStreetAddresses(text: string): Span[] {
  const found: Span[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const name = m[1]!.toLowerCase();
    if (NOT_STREETS.has(name) || name.endsWith('ttori')) continue;
    found.push({ start: m.index, end: m.index + m[0].length });
  }
  return found;
}
