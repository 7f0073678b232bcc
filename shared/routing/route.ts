import type { Network } from '../domain/network';
import { AREA_CODES, type AreaCode } from '../reference/regions';
import { isCalendarDate } from './calendar';
import { compareText } from './compare';
import { eligibilitySkip, evaluate, type Evaluated } from './evaluate';
import { resolveHomeArea } from './home-area';
import { compareCandidates, rankingKeys } from './rank';
import { reason } from './reasons';
import { canonicalThemes } from './themes';
import type { Candidate, ChainStep, RoutingOptions, RoutingRequest, RoutingResult, SkippedNetwork } from './types';

const DEFAULT_SLOT_HORIZON_DAYS = 60;

/**
 * Proposes expert networks for a consultation request. Pure and deterministic: the same request
 * and registry (in any order) give the same result.
 *
 * The fallback chain:
 *  1. home area = the yhteistyöalue of the requester's hyvinvointialue (or legacy name); unknown → 'unknown-region';
 *  2. home-area networks that are active on the date, not out of office, cover the age band and at
 *     least one requested theme;
 *  3. for requested themes no such home network covers: networks in other areas that hold national
 *     responsibility for one of those themes (same checks), proposed as 'national';
 *  4. nothing at all → 'no-network' naming the uncovered themes. Never a silent default.
 * Every network of the registry ends up either as a candidate or in `skipped`, with its reason.
 */
export function routeRequest(request: RoutingRequest, networks: readonly Network[], options: RoutingOptions = {}): RoutingResult {
  if (!isCalendarDate(request.date)) throw new RangeError(`routeRequest: date must be an ISO date YYYY-MM-DD, got ${JSON.stringify(request.date)}`);
  const horizon = options.slotHorizonDays ?? DEFAULT_SLOT_HORIZON_DAYS;
  const resolved = resolveHomeArea(request.region);
  if (resolved.kind === 'unknown') return { kind: 'unknown-region', input: resolved.input, chain: [resolved.step] };

  const homeArea = resolved.area;
  const themes = canonicalThemes(request.themes);
  const registry = [...networks].sort((a, b) => compareText(a.id, b.id) || compareText(JSON.stringify(a), JSON.stringify(b)));
  const chain: ChainStep[] = [resolved.step];
  const skipped: SkippedNetwork[] = [];
  const skip = (network: Network, why: ChainStep) => skipped.push({ networkId: network.id, area: network.area, reason: why });

  // 2. Home area.
  const home: Evaluated[] = [];
  for (const network of registry.filter((n) => n.area === homeArea)) {
    const why = eligibilitySkip(network, request, themes);
    if (why) skip(network, why);
    else home.push(evaluate(network, 'home', reason('match.home-area', { area: homeArea }), request, themes, horizon));
  }
  const missingAtHome = uncovered(themes, home);
  chain.push(reason('chain.home-area', { area: homeArea, found: home.length, missing: missingAtHome }));

  // 3. National responsibility elsewhere, only for what home does not cover.
  const national: Evaluated[] = [];
  for (const network of registry.filter((n) => n.area !== homeArea)) {
    const responsible = network.nationalThemes.filter((theme) => themes.includes(theme));
    const needed = canonicalThemes(responsible.filter((theme) => missingAtHome.includes(theme)));
    if (responsible.length === 0) {
      const overlap = themes.filter((theme) => network.themes.includes(theme));
      skip(network, reason('skip.other-area', { area: network.area, homeArea, overlap }));
    } else if (needed.length === 0) {
      skip(network, reason('skip.national-not-needed', { area: network.area, themes: canonicalThemes(responsible) }));
    } else {
      const why = eligibilitySkip(network, request, themes);
      const because = reason('match.national-responsibility', { area: network.area, homeArea, themes: needed });
      if (why) skip(network, why);
      else national.push(evaluate(network, 'national', because, request, themes, horizon));
    }
  }
  if (missingAtHome.length > 0) chain.push(reason('chain.national', { themes: missingAtHome, found: national.length }));

  // 4. Rank, or say plainly that nothing fits.
  skipped.sort(bySkipOrder(homeArea));
  const ranked = [...home, ...national].sort(compareCandidates(request));
  const uncoveredThemes = uncovered(themes, ranked);
  if (ranked.length === 0) {
    chain.push(reason('chain.no-network', { themes: uncoveredThemes }));
    return { kind: 'no-network', homeArea, chain, uncoveredThemes, skipped };
  }
  chain.push(reason('chain.ranking', { order: rankingKeys(request) }));
  if (uncoveredThemes.length > 0) chain.push(reason('chain.uncovered', { themes: uncoveredThemes }));
  const candidates = ranked.map((c, index): Candidate => ({
    networkId: c.network.id,
    area: c.network.area,
    rank: index + 1,
    scope: c.scope,
    themeCoverage: c.themeCoverage,
    nextSlot: c.nextSlot,
    reasons: c.reasons,
  }));
  return { kind: 'candidates', homeArea, candidates, chain, uncoveredThemes, skipped };
}

/** Themes (in the given order) that none of the evaluated networks covers. */
function uncovered(themes: readonly string[], evaluated: readonly Evaluated[]): string[] {
  return themes.filter((theme) => !evaluated.some((c) => c.network.themes.includes(theme)));
}

/** Home area first, then the other areas in reference order, then by id. */
function bySkipOrder(homeArea: AreaCode) {
  const areaOrder = (area: AreaCode) => (area === homeArea ? -1 : AREA_CODES.indexOf(area));
  return (a: SkippedNetwork, b: SkippedNetwork) => areaOrder(a.area) - areaOrder(b.area) || compareText(a.networkId, b.networkId);
}
