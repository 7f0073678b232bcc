import { describe, expect, it } from 'vitest';
import { REGION_TABLE, WELLBEING_REGIONS } from '../../../../shared/reference/regions';
import { DEFAULT_NETWORKS } from '../../../../shared/reference/networks';
import { resolveHomeArea, routeRequest } from '../../../../shared/routing';

describe('home area of the requester', () => {
  it('resolves every wellbeing region code, and its Finnish and Swedish names', () => {
    for (const region of WELLBEING_REGIONS) {
      expect(resolveHomeArea(region.code)).toMatchObject({ kind: 'resolved', area: region.area, via: 'region', region: region.code });
      expect(resolveHomeArea(region.fi)).toMatchObject({ kind: 'resolved', area: region.area, via: 'region-name', region: region.code });
      expect(resolveHomeArea(region.sv.toUpperCase())).toMatchObject({ kind: 'resolved', area: region.area, region: region.code });
    }
  });

  it.each([
    ['TAYS-alue', 'sisa'],
    ['Länsi-Pohja', 'pohjoinen'],
    ['  länsi-pohja ', 'pohjoinen'],
    ['KYS-alue', 'ita'],
    ['TYKS-alue', 'lansi'],
    ['HYKS-alue', 'etela'],
    ['OYS-alue', 'pohjoinen'],
  ])('resolves the legacy name %j to %s', (name, area) => {
    expect(resolveHomeArea(name)).toEqual({
      kind: 'resolved',
      area,
      via: 'legacy-name',
      step: { code: 'chain.area-from-legacy-name', params: { name: name.trim(), area } },
    });
  });

  it('resolves every legacy alias in the reference data', () => {
    for (const [alias, area] of Object.entries(REGION_TABLE.legacyAliases)) expect(resolveHomeArea(alias)).toMatchObject({ area });
  });

  it.each(['', '   ', 'Atlantis', 'sisa', 'Pirkanmaa-alue'])('gives an explicit unknown for %j', (input) => {
    expect(resolveHomeArea(input)).toMatchObject({ kind: 'unknown', input, step: { code: 'chain.unknown-region' } });
  });

  it('routes a request given by legacy name to the right area, and says so in the chain', () => {
    const result = routeRequest({ region: 'TAYS-alue', themes: ['nepsy'], ageBand: '7-12', language: 'fi', urgency: 'normal', date: '2025-03-03' }, DEFAULT_NETWORKS);
    expect(result).toMatchObject({ kind: 'candidates', homeArea: 'sisa' });
    expect(result.chain[0]).toEqual({ code: 'chain.area-from-legacy-name', params: { name: 'TAYS-alue', area: 'sisa' } });
    const lapland = routeRequest({ region: 'Länsi-Pohja', themes: ['violence'], ageBand: '3-6', language: 'fi', urgency: 'urgent', date: '2025-03-03' }, DEFAULT_NETWORKS);
    expect(lapland.kind === 'candidates' && lapland.candidates[0]?.networkId).toBe('00000000-0000-7000-8000-000000000054');
  });
});
