import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findHenkilotunnukset, isValidHenkilotunnus } from '../../../../shared/privacy/henkilotunnus';
import { guardRequest, scanText } from '../../../../shared/privacy/identifier-guard';

/* Synthetic codes only, with the check character computed here, independently of the module. */
const ALPHABET = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const SIGNS: Record<number, readonly string[]> = { 1800: ['+'], 1900: ['-', 'Y', 'X', 'W', 'V', 'U'], 2000: ['A', 'B', 'C', 'D', 'E', 'F'] };
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A valid code from a real date 1800–2099, any century sign for it, individual number 002–999. */
const validCode = fc
  .record({
    date: fc.date({ min: new Date(Date.UTC(1800, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }),
    signIndex: fc.nat(),
    individual: fc.integer({ min: 2, max: 999 }),
    lowerCase: fc.boolean(),
  })
  .map(({ date, signIndex, individual, lowerCase }) => {
    const year = date.getUTCFullYear();
    const signs = SIGNS[year - (year % 100)]!;
    const digits = pad(date.getUTCDate(), 2) + pad(date.getUTCMonth() + 1, 2) + pad(year % 100, 2);
    const zzz = pad(individual, 3);
    const value = `${digits}${signs[signIndex % signs.length]}${zzz}${ALPHABET.charAt(Number(digits + zzz) % 31)}`;
    return { value: lowerCase ? value.toLowerCase() : value, temporary: individual >= 900 };
  });

/** Filler that cannot form a code: letters (no digits) and punctuation. */
const SEPARATORS = [' ', ',', '.', ';', ':', '!', '?', '(', ')', '"', '\n', '\t', '-', '–', '/', '+', '«', '»'];
const word = fc.stringMatching(/^[a-zA-ZåäöÅÄÖ]{1,12}$/);
const separator = fc.constantFrom(...SEPARATORS);
const filler = fc.array(fc.oneof(word, separator), { maxLength: 30 }).map((parts) => parts.join(''));
const before = fc.oneof(fc.constant(''), fc.tuple(filler, separator).map(([f, s]) => f + s));
const after = fc.oneof(fc.constant(''), fc.tuple(separator, filler).map(([s, f]) => s + f));

const TODAY = new Date(2026, 5, 15);

describe('henkilötunnus properties', () => {
  it('(a) a valid code embedded anywhere in text is found at exactly its position', () => {
    fc.assert(
      fc.property(before, validCode, after, (head, { value, temporary }, tail) => {
        const text = head + value + tail;
        const start = head.length;
        expect(isValidHenkilotunnus(value)).toBe(true);
        expect(findHenkilotunnukset(text)).toEqual([{ start, end: start + 11, value, temporary }]);
        expect(scanText(text, TODAY).filter((f) => f.kind === 'henkilotunnus')).toEqual([{ kind: 'henkilotunnus', start, end: start + 11, excerpt: expect.any(String) }]);
        const { blocking } = guardRequest({ consentMode: 'anonymous', fields: [{ path: 'question', text }] }, TODAY);
        expect(blocking).toEqual([expect.objectContaining({ kind: 'henkilotunnus', start, params: { position: start + 1 } })]);
      }),
      { numRuns: 500 },
    );
  });

  it('(b) the same code with any other check character is not found', () => {
    const otherCharacter = fc.oneof(
      fc.constantFrom(...ALPHABET, ...ALPHABET.toLowerCase(), ...'GIOQZgioqzÄÖÅäöå', ...SEPARATORS),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(before, validCode, otherCharacter, after, (head, { value }, replacement, tail) => {
        fc.pre(replacement.toUpperCase() !== value.charAt(10).toUpperCase());
        const text = head + value.slice(0, 10) + replacement + tail;
        expect(findHenkilotunnukset(text)).toEqual([]);
        expect(scanText(text, TODAY).some((f) => f.kind === 'henkilotunnus')).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('finds exactly the valid, unglued 11-character windows of digit-heavy text (brute-force oracle)', () => {
    const unit = fc.constantFrom(...'0123456789', ...'0123456789', '-', '+', 'A', 'C', 'E', 'F', 'Y', 'U', 'T', 'K', 'x', ' ', '.', 'ä');
    const glued = (c: string | undefined) => c !== undefined && /[\p{L}\p{M}\p{N}]/u.test(c);
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit, maxLength: 30 }), validCode.map((c) => c.value)), { maxLength: 6 }), (parts) => {
        const text = parts.join('');
        const expected = [];
        for (let i = 0; i + 11 <= text.length; i++) {
          const value = text.slice(i, i + 11);
          if (isValidHenkilotunnus(value) && !glued(text[i - 1]) && !glued(text[i + 11])) expected.push({ start: i, value });
        }
        expect(findHenkilotunnukset(text).map(({ start, value }) => ({ start, value }))).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
