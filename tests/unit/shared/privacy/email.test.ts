import { describe, expect, it } from 'vitest';
import { findEmailAddresses } from '../../../../shared/privacy/email';

const values = (text: string) => findEmailAddresses(text).map(({ start, end }) => text.slice(start, end));

describe('findEmailAddresses', () => {
  it.each([
    'matti.meikalainen@example.fi',
    'a@b.fi',
    'MAIJA@EXAMPLE.FI',
    'maija-liisa_virtanen+otk@sub.example.com',
    'äiti.öljynen@esimerkki.fi',
    'björn.åberg@exempel.ax',
    'a\u0308iti@esimerkki.fi',
    'etunimi.sukunimi(at)hyvinvointialue.fi',
    'etunimi.sukunimi (at) hyvinvointialue.fi',
    'etunimi.sukunimi[at]hyvinvointialue.fi',
    'etunimi.sukunimi (AT) hyvinvointialue.fi',
    'user123@mail-server.example.org',
  ])('finds %j on its own', (email) => {
    expect(findEmailAddresses(email)).toEqual([{ start: 0, end: email.length }]);
  });

  it.each([
    ['Ota yhteyttä: matti@example.fi.', 'matti@example.fi'],
    ['Kontakta mamma på anna.berg@exempel.se, tack.', 'anna.berg@exempel.se'],
    ['<matti@example.fi>', 'matti@example.fi'],
    ['(matti@example.fi)', 'matti@example.fi'],
    ['"matti@example.fi"', 'matti@example.fi'],
    ['sposti:matti@example.fi;', 'matti@example.fi'],
  ])('finds the address in %j', (text, email) => {
    expect(values(text)).toEqual([email]);
  });

  it('finds several addresses with their positions', () => {
    expect(findEmailAddresses('a@b.fi c@d.se')).toEqual([
      { start: 0, end: 6 },
      { start: 7, end: 13 },
    ]);
  });

  it.each([
    '@example.fi',
    'matti@',
    'matti@example',
    'x@y.1',
    'matti@example.f',
    'matti @ example.fi',
    'seuraa @otk_keskus',
    'OTK-2026-0042',
    'versio 1.2.3',
    'a.b.c',
    'matti(at)example',
    'katso sivu s. 12.',
  ])('does not flag %j', (text) => {
    expect(findEmailAddresses(text)).toEqual([]);
  });
});
