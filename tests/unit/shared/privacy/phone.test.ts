import { describe, expect, it } from 'vitest';
import { findPhoneNumbers } from '../../../../shared/privacy/phone';

const values = (text: string) => findPhoneNumbers(text).map(({ start, end }) => text.slice(start, end));

describe('findPhoneNumbers', () => {
  it.each([
    '+358 40 123 4567',
    '+358401234567',
    '+358-40-123-4567',
    '+358 (0)40 123 4567',
    '+358 9 1234 5678',
    '00358 9 123 4567',
    '00358401234567',
    '040-1234567',
    '040 123 4567',
    '040 1234 567',
    '0401234567',
    '050 123 45 67',
    '044-123 4567',
    '0400 123 456',
    '09 123 4567',
    '09-123 4567',
    '(09) 123 4567',
    '(040) 123 4567',
    '02 123 4567',
    '013 123 456',
    '040\u00a0123\u00a04567',
  ])('finds %j on its own', (phone) => {
    expect(findPhoneNumbers(phone)).toEqual([{ start: 0, end: phone.length }]);
  });

  it.each([
    ['Soita äidille numeroon 040 123 4567 iltaisin.', '040 123 4567'],
    ['Ring mamma på +358 40 123 4567, helst på kvällen.', '+358 40 123 4567'],
    ['puh:0401234567', '0401234567'],
    ['Puh. 040-1234567.', '040-1234567'],
    ['(p. 09 123 4567)', '09 123 4567'],
    ['tel/050 123 45 67;', '050 123 45 67'],
    ['numero 040 123 4567 2025 alkaen', '040 123 4567'],
    ['isä 040 123 4567 3 lasta', '040 123 4567'],
  ])('finds the number in %j', (text, phone) => {
    expect(values(text)).toEqual([phone]);
  });

  it('finds several numbers with their positions', () => {
    const text = 'Äiti 040 123 4567, isä +358 50 765 4321.';
    expect(findPhoneNumbers(text)).toEqual([
      { start: 5, end: 17 },
      { start: 23, end: 39 },
    ]);
  });

  it.each([
    ['a year', 'Vuonna 2025 aloitettiin.'],
    ['a case code', 'Asia OTK-2026-0042 siirrettiin.'],
    ['a case code without letters', '2026-0042'],
    ['a time', 'Tapaaminen klo 13.30.'],
    ['a time with a colon', 'klo 09:30'],
    ['a number of children', 'Perheessä on 3 lasta ja 2 aikuista.'],
    ['a postal code', '00100 Helsinki'],
    ['a dotted date', '01.02.2020'],
    ['a hyphenated date', '01-02-2020'],
    ['an ISO date', '2020-01-02'],
    ['the henkilötunnus shape with a numeric check character', '010190-1230'],
    ['too long', '0401234567890'],
    ['too short', '040 12'],
    ['a short number', '0 40 12'],
    ['a trunk followed by 0', '0012345678'],
    ['glued to a letter before', 'x0401234567'],
    ['glued to a letter after', '0401234567x'],
    ['glued to a digit', '10401234567'],
    ['continuing a hyphenated number', '2026-0401234567'],
    ['continuing a decimal number', '1.040 123 4567'],
    ['followed by decimals', '040 123 4567,5'],
    ['a business id', 'Y-tunnus 1234567-8'],
    ['an IBAN', 'FI21 1234 5600 0007 85'],
    ['a percentage', '0 %'],
    ['a country code without a number', '+358'],
    ['another country code', '+46 8 123 456 78'],
  ])('does not flag %s: %j', (_what, text) => {
    expect(findPhoneNumbers(text)).toEqual([]);
  });
});
