import { describe, expect, it } from 'vitest';
import { networkSchema, type Network, type NetworkInput } from '../../../../shared/domain/network';
import { DEFAULT_NETWORKS } from '../../../../shared/reference/networks';
import { AGE_BAND_CODES } from '../../../../shared/reference/themes';
import { routeRequest, type Reason, type RoutingRequest, type RoutingResult } from '../../../../shared/routing';

// Synthetic registries: invented networks, ids 00000000-0000-7000-8000-000000000NNN.
const id = (n: number) => `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;

function net(n: number, overrides: Partial<NetworkInput> = {}): Network {
  return networkSchema.parse({
    id: id(n),
    name: { fi: `Testiverkosto ${n}`, sv: `Testnätverk ${n}`, en: `Test network ${n}` },
    area: 'sisa',
    themes: ['nepsy'],
    ageBands: [...AGE_BAND_CODES],
    languages: ['fi'],
    contact: { person: 'Testi Yhteyshenkilö', channel: 'testi@example.invalid' },
    meetingRhythm: [{ weekday: 3, start: '09:00', end: '11:00', capacity: 2 }],
    activeFrom: '2024-01-01',
    ...overrides,
  });
}

/** Monday 3 March 2025, from Pirkanmaa (Sisä-Suomi). */
const request = (overrides: Partial<RoutingRequest> = {}): RoutingRequest => ({
  region: 'pirkanmaa', themes: ['nepsy'], ageBand: '7-12', language: 'fi', urgency: 'normal', date: '2025-03-03', ...overrides,
});

function candidatesOf(result: RoutingResult) {
  if (result.kind !== 'candidates') throw new Error(`expected candidates, got ${result.kind}`);
  return result.candidates;
}
const idsOf = (result: RoutingResult) => candidatesOf(result).map((c) => c.networkId);
const skipOf = (result: RoutingResult, n: number): Reason | undefined =>
  result.kind === 'unknown-region' ? undefined : result.skipped.find((s) => s.networkId === id(n))?.reason;
const codes = (reasons: readonly Reason[]) => reasons.map((r) => r.code);

describe('home area first, the most fitting network on top', () => {
  it('prefers networks covering all themes, then those covering most', () => {
    const registry = [
      net(1, { themes: ['nepsy'] }),
      net(2, { themes: ['nepsy', 'conduct', 'school-absence'] }),
      net(3, { themes: ['nepsy', 'conduct'] }),
    ];
    const result = routeRequest(request({ themes: ['nepsy', 'conduct', 'school-absence'] }), registry);
    expect(idsOf(result)).toEqual([id(2), id(3), id(1)]);
    const [first, second] = candidatesOf(result);
    expect(first!.reasons[1]).toEqual({ code: 'match.all-themes', params: { themes: ['nepsy', 'conduct', 'school-absence'] } });
    expect(second!.reasons[1]).toEqual({ code: 'match.some-themes', params: { covered: ['nepsy', 'conduct'], missing: ['school-absence'] } });
    expect(second!.themeCoverage).toEqual([
      { theme: 'nepsy', covered: true },
      { theme: 'conduct', covered: true },
      { theme: 'school-absence', covered: false },
    ]);
  });

  it('among equal coverage, prefers the more specific network', () => {
    const registry = [net(1, { themes: ['nepsy', 'conduct', 'violence', 'other'] }), net(2, { themes: ['nepsy'] })];
    expect(idsOf(routeRequest(request(), registry))).toEqual([id(2), id(1)]);
  });

  it('gives each candidate its reasons: area, themes, age band, language, availability, next slot', () => {
    const [only] = candidatesOf(routeRequest(request(), [net(1)]));
    expect(only).toMatchObject({ networkId: id(1), area: 'sisa', rank: 1, scope: 'home' });
    expect(only!.reasons).toEqual([
      { code: 'match.home-area', params: { area: 'sisa' } },
      { code: 'match.all-themes', params: { themes: ['nepsy'] } },
      { code: 'match.age-band', params: { ageBand: '7-12' } },
      { code: 'language.match', params: { language: 'fi' } },
      { code: 'availability.available', params: { date: '2025-03-03' } },
      { code: 'availability.next-slot', params: { date: '2025-03-05', weekday: 3, start: '09:00', end: '11:00', capacity: 2 } },
    ]);
  });

  it('skips networks in other areas, networks without the theme and networks without the age band, saying why', () => {
    const registry = [net(1), net(2, { area: 'ita' }), net(3, { themes: ['violence'] }), net(4, { ageBands: ['16-17'] })];
    const result = routeRequest(request(), registry);
    expect(idsOf(result)).toEqual([id(1)]);
    expect(skipOf(result, 2)).toEqual({ code: 'skip.other-area', params: { area: 'ita', homeArea: 'sisa', overlap: ['nepsy'] } });
    expect(skipOf(result, 3)).toEqual({ code: 'skip.no-theme-overlap', params: { themes: ['nepsy'], networkThemes: ['violence'] } });
    expect(skipOf(result, 4)).toEqual({ code: 'skip.age-band', params: { ageBand: '7-12', ageBands: ['16-17'] } });
  });

  it('lists skipped networks home area first, then by area and id', () => {
    const registry = [net(5, { area: 'etela' }), net(4, { area: 'pohjoinen' }), net(3, { themes: ['other'] }), net(2, { area: 'ita' })];
    const result = routeRequest(request(), registry);
    expect(result.kind !== 'unknown-region' && result.skipped.map((s) => s.networkId)).toEqual([id(3), id(5), id(2), id(4)]);
  });
});

describe('availability on the date', () => {
  it('skips a network that is out of office on the date, both end days included', () => {
    const registry = [net(1, { outOfOffice: [{ from: '2025-02-24', to: '2025-03-03' }] }), net(2, { themes: ['nepsy', 'other'] })];
    const onLastDay = routeRequest(request(), registry);
    expect(idsOf(onLastDay)).toEqual([id(2)]);
    expect(skipOf(onLastDay, 1)).toEqual({ code: 'skip.out-of-office', params: { from: '2025-02-24', to: '2025-03-03' } });
    expect(idsOf(routeRequest(request({ date: '2025-02-24' }), registry))).toEqual([id(2)]);
    expect(idsOf(routeRequest(request({ date: '2025-03-04' }), registry))).toEqual([id(1), id(2)]);
  });

  it('skips networks not yet active or already deactivated; activeTo is the last active day', () => {
    const registry = [net(1, { activeFrom: '2025-04-01' }), net(2, { activeFrom: '2023-01-01', activeTo: '2024-12-31' }), net(3, { activeTo: '2025-03-03' })];
    const result = routeRequest(request(), registry);
    expect(idsOf(result)).toEqual([id(3)]);
    expect(skipOf(result, 1)).toEqual({ code: 'skip.not-yet-active', params: { activeFrom: '2025-04-01' } });
    expect(skipOf(result, 2)).toEqual({ code: 'skip.ended', params: { activeTo: '2024-12-31' } });
    expect(routeRequest(request({ date: '2025-03-04' }), registry).kind).toBe('no-network');
  });

  it('finds the next meeting slot after an absence and warns when it misses the target response time', () => {
    const registry = [net(1, { outOfOffice: [{ from: '2025-03-04', to: '2025-03-16' }], targetResponseDays: 7 })];
    const [only] = candidatesOf(routeRequest(request(), registry));
    expect(only!.nextSlot).toEqual({ date: '2025-03-19', weekday: 3, start: '09:00', end: '11:00', capacity: 2 });
    expect(only!.reasons).toContainEqual({ code: 'availability.slot-after-target', params: { date: '2025-03-19', targetDate: '2025-03-10', days: 7 } });
  });

  it('says when a network has no weekly rhythm, or no slot within the horizon', () => {
    const [none] = candidatesOf(routeRequest(request(), [net(1, { meetingRhythm: [] })]));
    expect(none!.nextSlot).toBeNull();
    expect(codes(none!.reasons)).toContain('availability.no-rhythm');
    const ending = net(2, { activeTo: '2025-03-04' });
    const [late] = candidatesOf(routeRequest(request(), [ending], { slotHorizonDays: 30 }));
    expect(late!.reasons).toContainEqual({ code: 'availability.no-slot', params: { days: 30 } });
  });

  it('for an urgent request, puts the earliest meeting slot first among equal coverage', () => {
    const thursday = [{ weekday: 4, start: '09:00', end: '10:00', capacity: 1 }];
    const tuesday = [{ weekday: 2, start: '14:00', end: '15:00', capacity: 1 }];
    const registry = [net(1, { meetingRhythm: thursday }), net(2, { themes: ['nepsy', 'other'], meetingRhythm: tuesday })];
    expect(idsOf(routeRequest(request({ urgency: 'normal' }), registry))).toEqual([id(1), id(2)]);
    const urgent = routeRequest(request({ urgency: 'urgent' }), registry);
    expect(idsOf(urgent)).toEqual([id(2), id(1)]);
    expect(urgent.chain).toContainEqual({ code: 'chain.ranking', params: { order: ['scope', 'coverage', 'language', 'earliest-slot', 'specificity', 'id'] } });
  });
});

describe('language', () => {
  const registry = [net(1, { themes: ['nepsy'], languages: ['fi'] }), net(2, { themes: ['nepsy', 'conduct', 'other'], languages: ['fi', 'sv'] })];

  it('a Swedish-speaking request prefers networks that consult in Swedish', () => {
    const sv = routeRequest(request({ language: 'sv' }), registry);
    expect(idsOf(sv)).toEqual([id(2), id(1)]);
    expect(candidatesOf(sv)[1]!.reasons).toContainEqual({ code: 'language.mismatch', params: { language: 'sv', languages: ['fi'] } });
    expect(idsOf(routeRequest(request({ language: 'fi' }), registry))).toEqual([id(1), id(2)]);
  });

  it('never lets language outrank coverage: a Swedish network that covers fewer themes comes second', () => {
    const partial = [net(1, { themes: ['nepsy', 'conduct'], languages: ['fi'] }), net(2, { themes: ['nepsy'], languages: ['sv'] })];
    expect(idsOf(routeRequest(request({ language: 'sv', themes: ['nepsy', 'conduct'] }), partial))).toEqual([id(1), id(2)]);
  });

  it('Saami and other languages note an interpreter and do not reorder', () => {
    for (const language of ['se', 'other'] as const) {
      const result = routeRequest(request({ language }), registry);
      expect(idsOf(result)).toEqual([id(1), id(2)]);
      expect(candidatesOf(result)[0]!.reasons).toContainEqual({ code: 'language.interpreter', params: { language } });
    }
  });
});

describe('national responsibility', () => {
  const trafficking = (n: number, overrides: Partial<NetworkInput> = {}) =>
    net(n, { area: 'etela', themes: ['violence', 'trafficking'], nationalThemes: ['trafficking'], ...overrides });

  it('proposes a network elsewhere with national responsibility for a theme the home area lacks, saying so', () => {
    const registry = [net(1), trafficking(2), net(3, { area: 'lansi', themes: ['trafficking'] })];
    const result = routeRequest(request({ themes: ['trafficking', 'nepsy'] }), registry);
    const [home, national] = candidatesOf(result);
    expect(home).toMatchObject({ networkId: id(1), rank: 1, scope: 'home' });
    expect(national).toMatchObject({ networkId: id(2), rank: 2, scope: 'national', area: 'etela' });
    expect(national!.reasons[0]).toEqual({ code: 'match.national-responsibility', params: { area: 'etela', homeArea: 'sisa', themes: ['trafficking'] } });
    expect(result.kind === 'candidates' && result.uncoveredThemes).toEqual([]);
    expect(result.chain).toContainEqual({ code: 'chain.home-area', params: { area: 'sisa', found: 1, missing: ['trafficking'] } });
    expect(result.chain).toContainEqual({ code: 'chain.national', params: { themes: ['trafficking'], found: 1 } });
    expect(skipOf(result, 3)).toEqual({ code: 'skip.other-area', params: { area: 'lansi', homeArea: 'sisa', overlap: ['trafficking'] } });
  });

  it('does not go national when the home area covers the theme', () => {
    const registry = [net(1, { themes: ['trafficking'] }), trafficking(2)];
    const result = routeRequest(request({ themes: ['trafficking'] }), registry);
    expect(idsOf(result)).toEqual([id(1)]);
    expect(skipOf(result, 2)).toEqual({ code: 'skip.national-not-needed', params: { area: 'etela', themes: ['trafficking'] } });
    expect(codes(result.chain)).not.toContain('chain.national');
  });

  it('goes national when the only home network for the theme is unavailable', () => {
    const registry = [net(1, { themes: ['trafficking'], outOfOffice: [{ from: '2025-03-01', to: '2025-03-09' }] }), trafficking(2)];
    const result = routeRequest(request({ themes: ['trafficking'] }), registry);
    expect(candidatesOf(result).map((c) => [c.networkId, c.scope])).toEqual([[id(2), 'national']]);
  });

  it('applies the same checks to national networks', () => {
    const result = routeRequest(request({ themes: ['trafficking'] }), [trafficking(2, { activeTo: '2024-12-31' })]);
    expect(result.kind).toBe('no-network');
    expect(skipOf(result, 2)).toEqual({ code: 'skip.ended', params: { activeTo: '2024-12-31' } });
  });

  it('with the default data: no multi-professional network in Itä-Suomi → trafficking goes to the Etelä-Suomi example', () => {
    const withoutItaMulti = DEFAULT_NETWORKS.filter((n) => n.id !== '00000000-0000-7000-8000-000000000021');
    const result = routeRequest(request({ region: 'pohjois-savo', themes: ['trafficking'], ageBand: '16-17' }), withoutItaMulti);
    expect(candidatesOf(result).map((c) => [c.networkId, c.scope])).toEqual([['00000000-0000-7000-8000-000000000014', 'national']]);
  });
});

describe('nothing fits: an explicit answer, never a silent default', () => {
  it('returns no-network naming the uncovered themes', () => {
    const result = routeRequest(request({ themes: ['other', 'migrant-children'] }), [net(1), net(2, { area: 'ita', themes: ['other'] })]);
    expect(result).toMatchObject({ kind: 'no-network', homeArea: 'sisa', uncoveredThemes: ['migrant-children', 'other'] });
    expect(result.chain.at(-1)).toEqual({ code: 'chain.no-network', params: { themes: ['migrant-children', 'other'] } });
    expect(skipOf(result, 1)?.code).toBe('skip.no-theme-overlap');
    expect(skipOf(result, 2)?.code).toBe('skip.other-area');
  });

  it('returns no-network for an empty registry', () => {
    expect(routeRequest(request(), [])).toMatchObject({ kind: 'no-network', uncoveredThemes: ['nepsy'], skipped: [] });
  });

  it('names the themes no candidate covers when some are covered', () => {
    const result = routeRequest(request({ themes: ['nepsy', 'other'] }), [net(1)]);
    expect(result).toMatchObject({ kind: 'candidates', uncoveredThemes: ['other'] });
    expect(result.chain.at(-1)).toEqual({ code: 'chain.uncovered', params: { themes: ['other'] } });
  });

  it('refuses a request date that is not a calendar date (a programming error, not a routing outcome)', () => {
    expect(() => routeRequest(request({ date: '2025-02-30' }), [net(1)])).toThrow(RangeError);
  });

  it('refuses to guess an unknown region', () => {
    expect(routeRequest(request({ region: 'Atlantis' }), DEFAULT_NETWORKS)).toEqual({
      kind: 'unknown-region',
      input: 'Atlantis',
      chain: [{ code: 'chain.unknown-region', params: { input: 'Atlantis' } }],
    });
  });
});
