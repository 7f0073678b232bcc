import { areaOfLegacyName, areaOfRegion, findRegion, WELLBEING_REGIONS, type AreaCode } from '../reference/regions';
import { reason } from './reasons';
import type { ChainStep } from './types';

export type HomeAreaResolution =
  | { kind: 'resolved'; area: AreaCode; via: 'region'; region: string; step: ChainStep }
  | { kind: 'resolved'; area: AreaCode; via: 'region-name'; region: string; step: ChainStep }
  | { kind: 'resolved'; area: AreaCode; via: 'legacy-name'; step: ChainStep }
  | { kind: 'unknown'; input: string; step: ChainStep };

const fold = (text: string) => text.trim().toLocaleLowerCase('fi');

/**
 * The yhteistyöalue for a requester's place, tried in this order: a hyvinvointialue code
 * ("pirkanmaa"), a hyvinvointialue's Finnish or Swedish name ("Birkalands välfärdsområde"), a
 * legacy name still used in OT material ("TAYS-alue", "Länsi-Pohja"). Anything else is an explicit
 * 'unknown' — never a default area.
 */
export function resolveHomeArea(regionOrLegacyName: string): HomeAreaResolution {
  const input = regionOrLegacyName;
  const code = input.trim();
  if (findRegion(code)) {
    const area = areaOfRegion(code);
    return { kind: 'resolved', area, via: 'region', region: code, step: reason('chain.area-from-region', { region: code, area }) };
  }
  const wanted = fold(input);
  const named = wanted ? WELLBEING_REGIONS.find((r) => fold(r.fi) === wanted || fold(r.sv) === wanted) : undefined;
  if (named) {
    return {
      kind: 'resolved',
      area: named.area,
      via: 'region-name',
      region: named.code,
      step: reason('chain.area-from-region-name', { name: code, region: named.code, area: named.area }),
    };
  }
  const legacy = areaOfLegacyName(input);
  if (legacy) {
    return { kind: 'resolved', area: legacy, via: 'legacy-name', step: reason('chain.area-from-legacy-name', { name: code, area: legacy }) };
  }
  return { kind: 'unknown', input, step: reason('chain.unknown-region', { input: code }) };
}
