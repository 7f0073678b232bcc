import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NETWORK_LANGUAGES, networkSchema, type Network } from '../../../../shared/domain/network';
import { AREA_CODES, REGION_CODES } from '../../../../shared/reference/regions';
import { DEFAULT_NETWORKS } from '../../../../shared/reference/networks';
import { AGE_BAND_CODES, THEME_CODES } from '../../../../shared/reference/themes';
import { REQUEST_LANGUAGES, routeRequest, type RoutingRequest } from '../../../../shared/routing';

const dateArb = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const orderedPair = fc.tuple(dateArb, dateArb).map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a]));
const timeArb = fc.tuple(fc.integer({ min: 0, max: 22 }), fc.constantFrom('00', '30')).map(([h, m]) => `${String(h).padStart(2, '0')}:${m}`);

/** A random valid network (synthetic), id assigned by position so ids are unique. */
const networkArb = fc
  .record({
    area: fc.constantFrom(...AREA_CODES),
    themes: fc.subarray([...THEME_CODES], { minLength: 1, maxLength: 6 }),
    ageBands: fc.subarray([...AGE_BAND_CODES], { minLength: 1 }),
    languages: fc.subarray([...NETWORK_LANGUAGES], { minLength: 1 }),
    nationalShare: fc.nat({ max: 3 }),
    active: orderedPair,
    open: fc.boolean(),
    outOfOffice: fc.array(orderedPair.map(([from, to]) => ({ from, to })), { maxLength: 2 }),
    meetingRhythm: fc.array(
      fc.record({ weekday: fc.integer({ min: 1, max: 7 }), start: timeArb, capacity: fc.integer({ min: 1, max: 5 }) }).map((s) => ({ ...s, end: '23:30' })),
      { maxLength: 2 },
    ),
    targetResponseDays: fc.integer({ min: 1, max: 60 }),
  })
  .map((n) => ({
    name: { fi: 'Testiverkosto', sv: 'Testnätverk', en: 'Test network' },
    area: n.area,
    themes: n.themes,
    ageBands: n.ageBands,
    languages: n.languages,
    nationalThemes: n.themes.slice(0, n.nationalShare),
    contact: { person: 'Testi Yhteyshenkilö', channel: 'testi@example.invalid' },
    meetingRhythm: n.meetingRhythm,
    targetResponseDays: n.targetResponseDays,
    activeFrom: n.active[0],
    activeTo: n.open ? null : n.active[1],
    outOfOffice: n.outOfOffice,
  }));

const registryArb = fc
  .array(networkArb, { maxLength: 25 })
  .map((list) => list.map((n, i): Network => networkSchema.parse({ ...n, id: `00000000-0000-7000-8000-${String(i + 1).padStart(12, '0')}` })));

const requestArb: fc.Arbitrary<RoutingRequest> = fc.record({
  region: fc.constantFrom(...REGION_CODES, 'TAYS-alue', 'Länsi-Pohja'),
  themes: fc.subarray([...THEME_CODES], { minLength: 1, maxLength: 4 }),
  ageBand: fc.constantFrom(...AGE_BAND_CODES),
  language: fc.constantFrom(...REQUEST_LANGUAGES),
  urgency: fc.constantFrom('normal', 'urgent'),
  date: dateArb,
});

const shuffled = <T>(list: readonly T[]) => fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length });

describe('determinism', () => {
  const request: RoutingRequest = { region: 'pohjanmaa', themes: ['violence', 'nepsy'], ageBand: '7-12', language: 'sv', urgency: 'urgent', date: '2025-06-30' };

  it('gives the same result for the same input', () => {
    expect(routeRequest(request, DEFAULT_NETWORKS)).toEqual(routeRequest(request, DEFAULT_NETWORKS));
  });

  it('does not depend on the order of the registry or of the requested themes, nor on repeats', () => {
    const expected = routeRequest(request, DEFAULT_NETWORKS);
    expect(routeRequest(request, [...DEFAULT_NETWORKS].reverse())).toEqual(expected);
    expect(routeRequest({ ...request, themes: ['nepsy', 'violence', 'nepsy'] }, DEFAULT_NETWORKS)).toEqual(expected);
  });

  it('property: any registry, shuffled, routes any request the same way', () => {
    fc.assert(
      fc.property(
        registryArb.chain((registry) => fc.tuple(fc.constant(registry), shuffled(registry))),
        requestArb,
        ([registry, reordered], req) => {
          expect(routeRequest(req, reordered)).toEqual(routeRequest(req, registry));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('properties of every routing result', () => {
  it('the top candidate covers at least one requested theme unless the result is no-network', () => {
    fc.assert(
      fc.property(registryArb, requestArb, (registry, req) => {
        const result = routeRequest(req, registry);
        expect(result.kind).not.toBe('unknown-region');
        if (result.kind !== 'candidates') return;
        const top = registry.find((n) => n.id === result.candidates[0]!.networkId)!;
        expect(req.themes.some((t) => top.themes.includes(t))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('every candidate is active, present, serves the age band, and is home or nationally responsible; every network is accounted for once', () => {
    fc.assert(
      fc.property(registryArb, requestArb, (registry, req) => {
        const result = routeRequest(req, registry);
        if (result.kind === 'unknown-region') throw new Error('every generated region is known');
        const candidates = result.kind === 'candidates' ? result.candidates : [];
        const seen = [...candidates.map((c) => c.networkId), ...result.skipped.map((s) => s.networkId)];
        expect([...seen].sort()).toEqual(registry.map((n) => n.id).sort());
        expect(candidates.map((c) => c.rank)).toEqual(candidates.map((_, i) => i + 1));
        for (const candidate of candidates) {
          const n = registry.find((x) => x.id === candidate.networkId)!;
          expect(n.activeFrom <= req.date && (n.activeTo === null || req.date <= n.activeTo)).toBe(true);
          expect(n.outOfOffice.some((p) => p.from <= req.date && req.date <= p.to)).toBe(false);
          expect(n.ageBands).toContain(req.ageBand);
          if (candidate.scope === 'home') expect(n.area).toBe(result.homeArea);
          else expect(n.area !== result.homeArea && n.nationalThemes.some((t) => req.themes.includes(t))).toBe(true);
        }
        const homeFirst = candidates.map((c) => c.scope);
        expect(homeFirst).toEqual([...homeFirst].sort((a, b) => (a === b ? 0 : a === 'home' ? -1 : 1)));
        const covered = new Set(candidates.flatMap((c) => c.themeCoverage.filter((t) => t.covered).map((t) => t.theme)));
        expect([...result.uncoveredThemes].sort()).toEqual([...new Set(req.themes)].filter((t) => !covered.has(t)).sort());
        expect(result.kind === 'no-network').toBe(candidates.length === 0);
      }),
      { numRuns: 300 },
    );
  });
});
