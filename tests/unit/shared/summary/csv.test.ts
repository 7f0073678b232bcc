import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { csvField, summaryCsv } from '../../../../shared/summary/csv';
import { buildSummary } from '../../../../shared/summary/output';
import { generateCases } from './fixtures';
import { csvLabels } from './labels';

const golden = (name: string) => fileURLToPath(new URL(`./golden/${name}`, import.meta.url));
/** Compares bytes with a golden file; UPDATE_GOLDEN=1 rewrites it (review the diff before committing). */
function expectGolden(name: string, text: string) {
  const bytes = Buffer.from(text, 'utf8');
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden(name), bytes);
  expect(bytes.equals(readFileSync(golden(name)))).toBe(true);
}

const Q1 = { kind: 'quarter', year: 2026, quarter: 1 } as const;
const months = ['2026-01', '2026-02', '2026-03'];
const producer = { kind: 'centre', area: 'etela', name: 'Etelä-Suomen OT-keskus' } as const;
const generatedAt = '2026-04-02T08:00:00Z';

const byAge = buildSummary(generateCases(400, 42, months), {
  period: Q1,
  dimensions: ['ageBand'],
  measures: ['received', 'accepted', 'declined', 'consulted', 'closed', 'medianDaysToConsultation', 'p90DaysToConsultation', 'targetMetShare'],
}, { producer, generatedAt });

const NETWORKS = ['00000000-0000-7000-8000-000000000011', '00000000-0000-7000-8000-000000000012', '00000000-0000-7000-8000-000000000099'];
const byNetwork = buildSummary(
  generateCases(60, 7, months).map((c, i) => ({ ...c, networkId: c.networkId === null ? null : NETWORKS[i % 3]! })),
  { period: Q1, dimensions: ['network', 'consentMode'], measures: ['received', 'medianDaysToConsultation', 'targetMetShare'] },
  { producer, generatedAt },
);
const custom = { [NETWORKS[2]!]: 'Nätverk "Norr"; test' };

describe('summaryCsv', () => {
  it('writes Finnish CSV: BOM, semicolons, CRLF, decimal comma (golden file)', () => {
    const csv = summaryCsv(byAge, csvLabels('fi'));
    expect(csv.startsWith('\uFEFFTuottaja;Etelä-Suomen OT-keskus\r\nAjanjakso;1/2026 – 3/2026\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(csv).toMatch(/;\d+,\d(;|\r\n)/);
    expectGolden('summary-fi.csv', csv);
  });

  it('writes Swedish CSV with two dimensions, one block per measure, quoting labels (golden file)', () => {
    const csv = summaryCsv(byNetwork, csvLabels('sv', custom));
    expect(csv).toContain('"Nätverk ""Norr""; test";');
    expect(csv).toContain('\r\nMottagna förfrågningar\r\nExpertnätverk / Samtyckesform;Anonym;Samtycke;Lagstadgad grupp;Totalt\r\n');
    expect(csv).toContain('\r\nUppgift saknas;');
    expectGolden('summary-sv.csv', csv);
  });

  it('uses a decimal point in English and otherwise the same layout', () => {
    const fi = summaryCsv(byAge, csvLabels('fi'));
    const en = summaryCsv(byAge, csvLabels('en'));
    expect(en).toMatch(/;\d+\.\d(;|\r\n)/);
    expect(en).not.toMatch(/;\d+,\d(;|\r\n)/);
    expect(en.split('\r\n').map((line) => line.split(';').length)).toEqual(fi.split('\r\n').map((line) => line.split(';').length));
  });

  it('quotes fields with a separator, a quote or a line break, and only those', () => {
    expect(csvField('plain – ä')).toBe('plain – ä');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('lists the legend and the notes of a theme breakdown', () => {
    const file = buildSummary(generateCases(50, 1, months), { period: Q1, dimensions: ['theme'], measures: ['received'] }, { producer, generatedAt });
    const csv = summaryCsv(file, csvLabels('fi'));
    expect(csv).toContain('\r\n<5;1–4 tapausta (tarkkaa lukua ei näytetä tietosuojan vuoksi)\r\n..;Salattu, jotta muita lukuja tai yksittäisen tapauksen tietoa ei voi päätellä (mediaani ja 90. persentiili vain, kun kummallakin puolella on vähintään 5 tapausta)\r\n');
    expect(csv.endsWith('"Usean teeman pyyntö lasketaan kunkin teemansa kohdalla; yhteensä-luvuissa jokainen pyyntö kerran."\r\n')).toBe(true);
  });
});
