import { describe, expect, it } from 'vitest';
import { areaOfLegacyName, areaOfRegion, COOPERATION_AREAS, REGION_TABLE, WELLBEING_REGIONS } from '../../../../shared/reference/regions';

/** Decree 91/2022: every hyvinvointialue (plus Helsinki and HUS) pinned to its yhteistyöalue. */
const EXPECTED: Record<string, string> = {
  helsinki: 'etela',
  hus: 'etela',
  'ita-uusimaa': 'etela',
  'keski-uusimaa': 'etela',
  'lansi-uusimaa': 'etela',
  'vantaa-kerava': 'etela',
  kymenlaakso: 'etela',
  'etela-karjala': 'etela',
  'paijat-hame': 'etela',
  'pohjois-savo': 'ita',
  'keski-suomi': 'ita',
  'etela-savo': 'ita',
  'pohjois-karjala': 'ita',
  pirkanmaa: 'sisa',
  'kanta-hame': 'sisa',
  'etela-pohjanmaa': 'sisa',
  'varsinais-suomi': 'lansi',
  satakunta: 'lansi',
  pohjanmaa: 'lansi',
  'pohjois-pohjanmaa': 'pohjoinen',
  'keski-pohjanmaa': 'pohjoinen',
  kainuu: 'pohjoinen',
  lappi: 'pohjoinen',
};

describe('regions reference data', () => {
  it('has the five cooperation areas with Finnish, Swedish and English names', () => {
    expect(COOPERATION_AREAS.map((a) => a.code)).toEqual(['etela', 'ita', 'sisa', 'lansi', 'pohjoinen']);
    for (const area of COOPERATION_AREAS) expect([area.fi, area.sv, area.en].every((n) => n.length > 0)).toBe(true);
  });

  it('lists 21 hyvinvointialueet plus Helsinki and HUS, each exactly once', () => {
    const codes = WELLBEING_REGIONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(codes.filter((c) => c !== 'helsinki' && c !== 'hus')).toHaveLength(21);
  });

  it.each(Object.entries(EXPECTED))('%s belongs to %s', (region, area) => {
    expect(areaOfRegion(region)).toBe(area);
  });

  it('keeps the corrections the handbook calls out', () => {
    expect(areaOfRegion('paijat-hame')).toBe('etela');
    expect(areaOfRegion('pohjanmaa')).toBe('lansi');
    expect(areaOfRegion('keski-suomi')).toBe('ita');
  });

  it('flags the bilingual regions and the Saami homeland', () => {
    const bilingual = WELLBEING_REGIONS.filter((r) => r.bilingual).map((r) => r.code).sort();
    expect(bilingual).toEqual(['helsinki', 'hus', 'ita-uusimaa', 'keski-pohjanmaa', 'kymenlaakso', 'lansi-uusimaa', 'pohjanmaa', 'vantaa-kerava', 'varsinais-suomi']);
    expect(WELLBEING_REGIONS.find((r) => r.code === 'lappi')?.saamiHomeland).toEqual(['Enontekiö', 'Inari', 'Sodankylä', 'Utsjoki']);
  });

  it('resolves legacy names case-insensitively and refuses unknown codes', () => {
    expect(areaOfLegacyName('TAYS-alue')).toBe('sisa');
    expect(areaOfLegacyName('länsi-pohja')).toBe('pohjoinen');
    expect(areaOfLegacyName('Atlantis')).toBeUndefined();
    expect(() => areaOfRegion('atlantis')).toThrow(/unknown wellbeing region/);
  });

  it('is versioned data', () => {
    expect(REGION_TABLE.validFrom).toBe('2022-03-01');
  });
});
