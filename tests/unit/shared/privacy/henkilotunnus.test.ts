import { describe, expect, it } from 'vitest';
import {
  CHECK_CHARACTERS,
  findHenkilotunnukset,
  henkilotunnusCheckCharacter,
  isValidHenkilotunnus,
  parseHenkilotunnus,
} from '../../../../shared/privacy/henkilotunnus';

/*
 * Synthetic codes only. The check character is computed here, independently of the module,
 * from the rule in DOMAIN.md: DDMMYYZZZ as one number, mod 31, into this alphabet.
 */
const ALPHABET = '0123456789ABCDEFHJKLMNPRSTUVWXY';
function code(ddmmyy: string, sign: string, zzz: string): string {
  return `${ddmmyy}${sign}${zzz}${ALPHABET.charAt(Number(ddmmyy + zzz) % 31)}`;
}
/** The same code with a different (valid-alphabet) check character. */
function withWrongCheck(valid: string): string {
  const right = valid.charAt(10);
  const wrong = ALPHABET.charAt((ALPHABET.indexOf(right) + 1) % 31);
  return valid.slice(0, 10) + wrong;
}

const SIGNS_1800 = ['+'];
const SIGNS_1900 = ['-', 'Y', 'X', 'W', 'V', 'U'];
const SIGNS_2000 = ['A', 'B', 'C', 'D', 'E', 'F'];

describe('parseHenkilotunnus', () => {
  it.each([
    ['131052-308T', '1952-10-13', false],
    ['010594Y9032', '1994-05-01', true],
    ['020516C903K', '2016-05-02', true],
    ['010501E9032', '2001-05-01', true],
  ])('accepts the DOMAIN.md test vector %s', (value, birthDate, temporary) => {
    expect(parseHenkilotunnus(value)).toEqual({ valid: true, birthDate, temporary });
    expect(isValidHenkilotunnus(value)).toBe(true);
  });

  it.each([
    ...SIGNS_1800.map((sign) => [sign, '1875-02-01'] as const),
    ...SIGNS_1900.map((sign) => [sign, '1975-02-01'] as const),
    ...SIGNS_2000.map((sign) => [sign, '2075-02-01'] as const),
  ])('reads century sign %s as the year of %s', (sign, birthDate) => {
    expect(parseHenkilotunnus(code('010275', sign, '234'))).toEqual({ valid: true, birthDate, temporary: false });
  });

  it('keeps the sign significant: the same digits under two signs are two different valid codes', () => {
    const a = code('131052', '-', '308');
    const b = code('131052', 'Y', '308');
    expect(a).not.toBe(b);
    expect(isValidHenkilotunnus(a) && isValidHenkilotunnus(b)).toBe(true);
    expect(findHenkilotunnukset(`${a} ${b}`).map((m) => m.value)).toEqual([a, b]);
  });

  it.each([
    ['002', false],
    ['123', false],
    ['899', false],
    ['900', true],
    ['950', true],
    ['999', true],
  ])('individual number %s is valid, temporary: %s', (zzz, temporary) => {
    expect(parseHenkilotunnus(code('150387', '-', zzz))).toEqual({ valid: true, birthDate: '1987-03-15', temporary });
  });

  it.each(['000', '001'])('refuses individual number %s even with a correct check character', (zzz) => {
    expect(parseHenkilotunnus(code('150387', '-', zzz))).toEqual({ valid: false, reason: 'individual-number' });
    expect(parseHenkilotunnus(code('150307', 'A', zzz))).toEqual({ valid: false, reason: 'individual-number' });
  });

  it.each([
    ['290200', '-', false, '1900 is not a leap year'],
    ['290200', 'Y', false, '1900 is not a leap year (new sign)'],
    ['290200', 'A', true, '2000 is a leap year'],
    ['290200', 'F', true, '2000 is a leap year (new sign)'],
    ['290200', '+', false, '1800 is not a leap year'],
    ['290204', '-', true, '1904 is a leap year'],
    ['290204', '+', true, '1804 is a leap year'],
    ['290296', '-', true, '1996 is a leap year'],
    ['290223', 'A', false, '2023 is not a leap year'],
    ['290224', 'B', true, '2024 is a leap year'],
    ['280223', 'A', true, '28 February always exists'],
  ])('29 February: %s with sign %s valid=%s (%s)', (ddmmyy, sign, valid) => {
    const result = parseHenkilotunnus(code(ddmmyy, sign, '456'));
    expect(result.valid).toBe(valid);
    if (!valid) expect(result).toEqual({ valid: false, reason: 'date' });
  });

  it.each(['000190', '320190', '310490', '310690', '310990', '311190', '010090', '011390', '019990'])(
    'refuses the impossible date %s',
    (ddmmyy) => {
      expect(parseHenkilotunnus(code(ddmmyy, '-', '456'))).toEqual({ valid: false, reason: 'date' });
    },
  );

  it('agrees with the calendar on every DDMMYY (and more) in every century', () => {
    const disagreements: string[] = [];
    for (const sign of ['+', '-', 'A']) {
      const century = sign === '+' ? 1800 : sign === '-' ? 1900 : 2000;
      for (let yy = 0; yy < 100; yy++) {
        for (let mm = 0; mm <= 13; mm++) {
          for (let dd = 0; dd <= 32; dd++) {
            const year = century + yy;
            const real = mm >= 1 && mm <= 12 && dd >= 1 && new Date(Date.UTC(year, mm - 1, dd)).getUTCDate() === dd;
            const ddmmyy = [dd, mm, yy].map((n) => String(n).padStart(2, '0')).join('');
            const result = parseHenkilotunnus(code(ddmmyy, sign, '234'));
            const expected = real ? `${year}-${ddmmyy.slice(2, 4)}-${ddmmyy.slice(0, 2)}` : 'date';
            const actual = result.valid ? result.birthDate : result.reason;
            if (actual !== expected) disagreements.push(`${ddmmyy}${sign}: ${actual} instead of ${expected}`);
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('accepts exactly one check character for every individual number 002–999', () => {
    for (let zzz = 2; zzz <= 999; zzz++) {
      const digits = String(zzz).padStart(3, '0');
      const right = code('241299', 'A', digits);
      expect(isValidHenkilotunnus(right)).toBe(true);
      for (const other of CHECK_CHARACTERS) {
        if (other === right.charAt(10)) continue;
        expect(parseHenkilotunnus(right.slice(0, 10) + other)).toEqual({ valid: false, reason: 'check-character' });
      }
    }
  });

  it.each(['G', 'I', 'O', 'Q', 'Z', 'g', 'z'])('refuses %s, which is not in the check alphabet', (letter) => {
    expect(parseHenkilotunnus(`131052-308${letter}`)).toEqual({ valid: false, reason: 'check-character' });
  });

  it('accepts lower-case letters, as people type them', () => {
    expect(parseHenkilotunnus('131052-308t')).toEqual({ valid: true, birthDate: '1952-10-13', temporary: false });
    expect(parseHenkilotunnus('010594y9032')).toEqual({ valid: true, birthDate: '1994-05-01', temporary: true });
    expect(parseHenkilotunnus('020516c903k')).toEqual({ valid: true, birthDate: '2016-05-02', temporary: true });
  });

  it.each([
    '',
    '131052308T',
    '131052-308',
    '131052-308TT',
    ' 131052-308T',
    '131052-308T ',
    '131052 308T',
    '131052G308T',
    '131052Z308T',
    '131052*308T',
    '13105a-308T',
    '1310521-308T',
    '131052-3081T',
    '131052\u2013308T',
    '１３１０５２-３０８T',
  ])('reports a malformed %j as format', (value) => {
    expect(parseHenkilotunnus(value)).toEqual({ valid: false, reason: 'format' });
  });

  it('reports the first failing rule: format, date, individual number, check character', () => {
    expect(parseHenkilotunnus('310452-000X')).toEqual({ valid: false, reason: 'date' });
    expect(parseHenkilotunnus('010452-000X')).toEqual({ valid: false, reason: 'individual-number' });
    expect(parseHenkilotunnus(withWrongCheck('131052-308T'))).toEqual({ valid: false, reason: 'check-character' });
  });
});

describe('henkilotunnusCheckCharacter', () => {
  it('indexes DDMMYYZZZ mod 31 into the alphabet', () => {
    expect(CHECK_CHARACTERS).toBe(ALPHABET);
    expect(henkilotunnusCheckCharacter('131052308')).toBe('T');
    expect(henkilotunnusCheckCharacter('000000031')).toBe('0');
    expect(henkilotunnusCheckCharacter('000000030')).toBe('Y');
  });

  it.each(['', '12345678', '1234567890', '12345678a'])('refuses %j', (value) => {
    expect(() => henkilotunnusCheckCharacter(value)).toThrow(RangeError);
  });
});

describe('findHenkilotunnukset', () => {
  function only(text: string, value: string) {
    const start = text.indexOf(value);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(findHenkilotunnukset(text)).toEqual([{ start, end: start + value.length, value, temporary: parseHenkilotunnus(value).valid && value.slice(7, 10) >= '900' }]);
  }

  it.each([
    'Lapsen henkilötunnus on 131052-308T, äiti kertoi sen puhelimessa.',
    'Barnets personbeteckning är 131052-308T.',
    'Hetu:131052-308T;',
    '(131052-308T)',
    '"131052-308T"',
    '«131052-308T»',
    '[131052-308T]',
    '131052-308T',
    '131052-308T.',
    'Tunnus\n131052-308T\n',
    '\t131052-308T\t',
    'Nro +131052-308T',
    'x-131052-308T-x',
    'hetu/131052-308T/',
  ])('finds the code in %j', (text) => only(text, '131052-308T'));

  it.each([
    ['Tilapäinen tunnus 010594Y9032 annettiin.', '010594Y9032'],
    ['Barnet (020516C903K) flyttade.', '020516C903K'],
    ['Tunnus: 010501E9032!', '010501E9032'],
    ['kirjoitettu pienillä: 131052-308t.', '131052-308t'],
    ['pienet 020516c903k kirjaimet', '020516c903k'],
  ])('finds %j', (text, value) => only(text, value));

  it('reads typographic dashes as "-" so a pasted code is still caught, and reports the text as written', () => {
    for (const dash of ['\u2010', '\u2011', '\u2012', '\u2013', '\u2212']) {
      const value = `131052${dash}308T`;
      expect(findHenkilotunnukset(`Hetu ${value}.`)).toEqual([{ start: 5, end: 16, value, temporary: false }]);
    }
    // An em dash is not one of them.
    expect(findHenkilotunnukset('Hetu 131052\u2014308T.')).toEqual([]);
  });

  it.each([
    'x131052-308T',
    '131052-308Tx',
    '0131052-308T',
    '131052-308T0',
    '99131052-308T99',
    'ä131052-308T',
    '131052-308Tä',
    'ID131052-308T',
    '131052-308T\u0301',
    '\u0661131052-308T',
  ])('does not find a code glued to a letter or digit: %j', (text) => {
    expect(findHenkilotunnukset(text)).toEqual([]);
  });

  it('ignores look-alikes: wrong check character, impossible date, individual number 000/001', () => {
    const lookAlikes = [
      withWrongCheck('131052-308T'),
      withWrongCheck('010594Y9032'),
      code('310452', '-', '308'),
      code('290223', 'A', '308'),
      code('290200', '-', '308'),
      code('150387', '-', '000'),
      code('150387', '-', '001'),
      '131052-308G',
    ];
    expect(findHenkilotunnukset(`Ei tunnuksia: ${lookAlikes.join(', ')}.`)).toEqual([]);
  });

  it('finds several codes in one text at their exact positions', () => {
    const a = '131052-308T';
    const b = code('241299', 'A', '912');
    const c = code('010180', '+', '002');
    const text = `Isä ${a}, lapsi ${b} ja isoisä (${c}); väärä ${withWrongCheck(a)}.`;
    expect(findHenkilotunnukset(text)).toEqual([
      { start: 4, end: 15, value: a, temporary: false },
      { start: text.indexOf(b), end: text.indexOf(b) + 11, value: b, temporary: true },
      { start: text.indexOf(c), end: text.indexOf(c) + 11, value: c, temporary: false },
    ]);
    for (const m of findHenkilotunnukset(text)) expect(text.slice(m.start, m.end)).toBe(m.value);
  });

  it('finds codes separated by a single space or comma', () => {
    const a = '131052-308T';
    const b = '010594Y9032';
    expect(findHenkilotunnukset(`${a} ${b},${a}`).map((m) => m.start)).toEqual([0, 12, 24]);
  });

  it('returns nothing for text without codes', () => {
    expect(findHenkilotunnukset('')).toEqual([]);
    expect(findHenkilotunnukset('OTK-2026-0042, 3 lasta, klo 13.30, 040 123 4567')).toEqual([]);
  });
});
