import { describe, expect, it } from 'vitest';
import { AREA_CODES, WELLBEING_REGIONS, type AreaCode } from '../../../../shared/reference/regions';
import { DEFAULT_NETWORKS, findDefaultNetwork } from '../../../../shared/reference/networks';
import { THEME_CODES } from '../../../../shared/reference/themes';
import { routeRequest, type RoutingRequest } from '../../../../shared/routing';

/** Decree 91/2022, pinned independently of the data it checks. */
const AREA_OF: Record<string, AreaCode> = {
  helsinki: 'etela', hus: 'etela', 'ita-uusimaa': 'etela', 'keski-uusimaa': 'etela', 'lansi-uusimaa': 'etela',
  'vantaa-kerava': 'etela', kymenlaakso: 'etela', 'etela-karjala': 'etela', 'paijat-hame': 'etela',
  'pohjois-savo': 'ita', 'keski-suomi': 'ita', 'etela-savo': 'ita', 'pohjois-karjala': 'ita',
  pirkanmaa: 'sisa', 'kanta-hame': 'sisa', 'etela-pohjanmaa': 'sisa',
  'varsinais-suomi': 'lansi', satakunta: 'lansi', pohjanmaa: 'lansi',
  'pohjois-pohjanmaa': 'pohjoinen', 'keski-pohjanmaa': 'pohjoinen', kainuu: 'pohjoinen', lappi: 'pohjoinen',
};

/** The default ids: 00000000-0000-7000-8000-0000000000AK, A = area, K = kind of network. */
const AREA_DIGIT: Record<AreaCode, number> = { etela: 1, ita: 2, sisa: 3, lansi: 4, pohjoinen: 5 };
const KIND = { multi: 1, nepsy: 2, welfarePsychiatry: 3, violence: 4, separation: 5, substance: 6, substituteCare: 7 } as const;
type Kind = keyof typeof KIND;
const idOf = (area: AreaCode, kind: Kind) => `00000000-0000-7000-8000-0000000000${AREA_DIGIT[area]}${KIND[kind]}`;

/**
 * Every theme with an age band the specialised network serves, and the network expected on top:
 * the most specific network that covers it; the multi-professional network where no specialised
 * one does. The example national responsibilities add a theme to one area's specialised network.
 */
const THEME_CASES: ReadonlyArray<[theme: string, ageBand: string, kind: Kind, exceptions?: Partial<Record<AreaCode, Kind>>]> = [
  ['nepsy', '7-12', 'nepsy'],
  ['mental-health', '13-15', 'welfarePsychiatry'],
  ['substance-use', '16-17', 'substance'],
  ['welfare-psychiatry', '13-15', 'welfarePsychiatry'],
  ['substitute-care', '13-15', 'substituteCare'],
  ['violence', '7-12', 'violence'],
  ['sexual-abuse', '3-6', 'violence'],
  ['separation-conflict', '7-12', 'separation'],
  ['honour-violence', '13-15', 'violence'],
  ['radicalisation', '16-17', 'multi', { sisa: 'violence' }],
  ['trafficking', '16-17', 'multi', { etela: 'violence' }],
  ['conduct', '13-15', 'substituteCare'],
  ['school-absence', '13-15', 'nepsy'],
  ['eating-disorder', '13-15', 'welfarePsychiatry'],
  ['self-harm', '16-17', 'welfarePsychiatry'],
  ['disability', '7-12', 'nepsy'],
  ['rare-disease', '7-12', 'multi', { etela: 'nepsy' }],
  ['migrant-children', '7-12', 'multi'],
  ['expecting-family', 'prenatal', 'substance'],
  ['other', 'family', 'multi'],
];

const request = (overrides: Partial<RoutingRequest>): RoutingRequest => ({
  region: 'pirkanmaa', themes: ['nepsy'], ageBand: '7-12', language: 'fi', urgency: 'normal', date: '2025-03-03', ...overrides,
});

const ROWS = WELLBEING_REGIONS.flatMap((region) =>
  THEME_CASES.map(([theme, ageBand, kind, exceptions]) => {
    const area = AREA_OF[region.code]!;
    return { region: region.code, theme, ageBand, area, expected: idOf(area, exceptions?.[area] ?? kind) };
  }),
);

describe('default networks route every theme in every wellbeing region', () => {
  it('has a case for every theme and every region in the reference data', () => {
    expect(THEME_CASES.map(([theme]) => theme).sort()).toEqual([...THEME_CODES].sort());
    expect(WELLBEING_REGIONS.map((r) => r.code).sort()).toEqual(Object.keys(AREA_OF).sort());
  });

  it.each(ROWS)('$region × $theme → $area, $expected', ({ region, theme, ageBand, area, expected }) => {
    const result = routeRequest(request({ region, themes: [theme], ageBand }), DEFAULT_NETWORKS);
    expect(result.kind).toBe('candidates');
    if (result.kind !== 'candidates') return;
    expect(result.homeArea).toBe(area);
    expect(result.candidates[0]?.networkId).toBe(expected);
    expect(result.candidates.every((c) => c.scope === 'home' && c.area === area)).toBe(true);
    expect(result.uncoveredThemes).toEqual([]);
  });

  it('sends a multi-theme case to the multi-professional network, which covers all themes and ages', () => {
    for (const area of AREA_CODES) {
      const multi = findDefaultNetwork(idOf(area, 'multi'));
      expect(multi?.themes).toHaveLength(THEME_CODES.length);
      expect(multi?.ageBands).toHaveLength(8);
    }
    const result = routeRequest(request({ region: 'lappi', themes: ['nepsy', 'violence', 'substance-use'], ageBand: '13-15' }), DEFAULT_NETWORKS);
    expect(result.kind === 'candidates' && result.candidates[0]?.networkId).toBe(idOf('pohjoinen', 'multi'));
  });

  it('offers Swedish consultation in every area with bilingual regions, and prefers it for Swedish requests', () => {
    const bilingual = WELLBEING_REGIONS.filter((r) => r.bilingual);
    expect(new Set(bilingual.map((r) => r.area))).toEqual(new Set(['etela', 'lansi', 'pohjoinen']));
    for (const region of bilingual) {
      for (const [theme, ageBand] of THEME_CASES) {
        const result = routeRequest(request({ region: region.code, themes: [theme], ageBand, language: 'sv' }), DEFAULT_NETWORKS);
        const top = result.kind === 'candidates' ? findDefaultNetwork(result.candidates[0]!.networkId) : undefined;
        expect(top?.languages, `${region.code} × ${theme}`).toContain('sv');
      }
    }
  });

  it('in Keski-Pohjanmaa a Swedish nepsy question goes to the Swedish-speaking network, a Finnish one to the nepsy team', () => {
    const sv = routeRequest(request({ region: 'keski-pohjanmaa', language: 'sv' }), DEFAULT_NETWORKS);
    const fi = routeRequest(request({ region: 'keski-pohjanmaa', language: 'fi' }), DEFAULT_NETWORKS);
    expect(sv.kind === 'candidates' && sv.candidates.map((c) => c.networkId)).toEqual([idOf('pohjoinen', 'multi'), idOf('pohjoinen', 'nepsy')]);
    expect(fi.kind === 'candidates' && fi.candidates.map((c) => c.networkId)).toEqual([idOf('pohjoinen', 'nepsy'), idOf('pohjoinen', 'multi')]);
  });

  it('marks every default candidate as example configuration', () => {
    const result = routeRequest(request({}), DEFAULT_NETWORKS);
    expect(result.kind === 'candidates' && result.candidates.every((c) => c.reasons.some((r) => r.code === 'match.example-configuration'))).toBe(true);
  });
});
