import { describe, expect, it } from 'vitest';
import { findBirthDates } from '../../../../shared/privacy/birth-date';

/** 15 June 2026, local time. */
const TODAY = new Date(2026, 5, 15, 12, 0);
const values = (text: string, today = TODAY) => findBirthDates(text, today).map(({ start, end }) => text.slice(start, end));

describe('findBirthDates', () => {
  it.each([
    ['3.4.2012', 'd.m.yyyy'],
    ['03.04.2012', 'dd.mm.yyyy'],
    ['2012-04-03', 'yyyy-mm-dd'],
    ['3.4.12', 'd.m.yy'],
    ['03.04.12', 'dd.mm.yy'],
    ['15.6.2026', 'today'],
    ['15.6.1996', 'exactly 30 years ago'],
    ['29.2.2016', 'a leap day'],
    ['29.2.00', 'a leap day in 2000 (two-digit year)'],
    ['1.2.99', 'a two-digit year read as 1999'],
    ['14.6.26', 'yesterday, two-digit year'],
  ])('flags %s (%s) without a cue', (date) => {
    expect(values(date)).toEqual([date]);
  });

  it.each([
    ['Poika on syntynyt 3.4.2012 ja asuu äidin luona.', '3.4.2012'],
    ['Pojken föddes 2012-04-03.', '2012-04-03'],
    ['Tapaaminen pidettiin 3.4.2025.', '3.4.2025'],
    ['(3.4.2012)', '3.4.2012'],
    ['pvm:3.4.2012;', '3.4.2012'],
    ['pvm.3.4.2012', '3.4.2012'],
  ])('finds the date in %j (any recent exact date may be a date of birth)', (text, date) => {
    expect(values(text)).toEqual([date]);
  });

  it.each([
    ['14.6.1996', 'one day more than 30 years ago'],
    ['16.6.2026', 'tomorrow'],
    ['1.1.2030', 'in the future'],
    ['1.7.26', 'two-digit year: 2026 is future, 1926 too old'],
    ['31.4.2012', 'no 31 April'],
    ['29.2.2023', 'no leap day in 2023'],
    ['0.4.2012', 'day 0'],
    ['3.0.2012', 'month 0'],
    ['12.13.2012', 'month 13'],
    ['13.30', 'a time'],
    ['klo 13.30.', 'a time at the end of a sentence'],
    ['3.4.', 'no year'],
    ['2025', 'a year'],
    ['OTK-2026-0042', 'a case code'],
    ['2012-4-3', 'not ISO'],
    ['1.2.2020.5', 'a dotted number'],
    ['1.1.2.2020', 'a dotted number (preceded)'],
    ['v1.2.2020', 'glued to a letter'],
    ['3.4.2012x', 'glued to a letter after'],
    ['13.4.20123', 'a five-digit year'],
    ['113.4.2012', 'a three-digit day'],
    ['3.4.201', 'a three-digit year'],
    ['2012-04-031', 'a three-digit day (ISO)'],
    ['Perheessä on 3 lasta.', 'a count'],
  ])('does not flag %j (%s)', (text) => {
    expect(values(text)).toEqual([]);
  });

  it.each([
    ['s. 3.4.1980', '3.4.1980'],
    ['s.3.4.1980', '3.4.1980'],
    ['Äiti (s. 3.4.1980) ja lapsi', '3.4.1980'],
    ['syntynyt 3.4.1980', '3.4.1980'],
    ['Isä on syntynyt 3.4.1980.', '3.4.1980'],
    ['synt. 3.4.1980', '3.4.1980'],
    ['syntymäaika: 1980-04-03', '1980-04-03'],
    ['Syntymäpäivä 3.4.1980', '3.4.1980'],
    ['syntyi 3.4.1980', '3.4.1980'],
    ['3.4.1980 syntynyt isä', '3.4.1980'],
    ['född 3.4.1980', '3.4.1980'],
    ['född den 3.4.1980', '3.4.1980'],
    ['f. 3.4.1980', '3.4.1980'],
    ['Födelsedatum: 3.4.1980', '3.4.1980'],
    ['pappan, 3.4.1980 född i Vasa', '3.4.1980'],
    ['born 3.4.1980', '3.4.1980'],
    ['born on 1980-04-03', '1980-04-03'],
    ['b. 3.4.1980', '3.4.1980'],
    ['Date of birth: 3.4.1980', '3.4.1980'],
    ['DOB 3.4.1980', '3.4.1980'],
    ['isoäiti s. 3.4.1910', '3.4.1910'],
    ['äiti (s. 3.4.75)', '3.4.75'],
    ['s. 1.7.26', '1.7.26'],
  ])('with a birth cue, flags older dates too: %j', (text, date) => {
    expect(values(text)).toEqual([date]);
  });

  it.each([
    ['s. 3.4.1900', 'more than 120 years ago'],
    ['syntynyt 1.1.2030', 'in the future'],
    ['syntynyt 31.4.1980', 'impossible'],
    ['ks. 3.4.1980', '"ks." (katso) is not a cue'],
    ['vs. 3.4.1980', '"vs." is not a cue'],
    ['syntynyt Oulussa, muutti 3.4.1980 Tampereelle ja sieltä myöhemmin', 'a cue that is not next to the date'],
  ])('with a cue, still does not flag %j (%s)', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('finds several dates with their positions', () => {
    const text = 'Lapset s. 3.4.2012 ja 2015-09-30.';
    expect(findBirthDates(text, TODAY)).toEqual([
      { start: 10, end: 18 },
      { start: 22, end: 32 },
    ]);
  });

  it('reads today as a Finnish calendar date, whatever the time of day and the machine’s time zone', () => {
    expect(values('15.6.2026', new Date('2026-06-15T00:00:00+03:00'))).toEqual(['15.6.2026']);
    expect(values('15.6.2026', new Date('2026-06-14T23:59:00+03:00'))).toEqual([]);
    // 22:30 UTC on 14.6 is already 15.6 in Finland.
    expect(values('15.6.2026', new Date('2026-06-14T22:30:00Z'))).toEqual(['15.6.2026']);
  });

  it('refuses an invalid today', () => {
    expect(() => findBirthDates('3.4.2012', new Date(Number.NaN))).toThrow(TypeError);
  });
});
