
/**
 * Every reason and chain-step code the routing engine emits. The renderer says them with the
 * catalogue key `routing.<code>`, interpolating `params`.
 */
export const REASON_CODES = [
  // Why a candidate was proposed, and what to know about it.
  'match.home-area',
  'match.national-responsibility',
  'match.all-themes',
  'match.some-themes',
  'match.age-band',
  'match.example-configuration',
  'language.match',
  'language.mismatch',
  'language.interpreter',
  'availability.available',
  'availability.next-slot',
  'availability.slot-after-target',
  'availability.no-slot',
  'availability.no-rhythm',
  // Why a network was skipped.
  'skip.not-yet-active',
  'skip.ended',
  'skip.other-area',
  'skip.national-not-needed',
  'skip.no-theme-overlap',
  'skip.age-band',
  'skip.out-of-office',
  // The fallback chain that was tried.
  'chain.area-from-region',
  'chain.area-from-region-name',
  'chain.area-from-legacy-name',
  'chain.unknown-region',
  'chain.home-area',
  'chain.national',
  'chain.ranking',
  'chain.uncovered',
  'chain.no-network',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export type ReasonParams = Record<string, string | number | string[]>;

/**
 * Why something happened, as a code plus parameters, so that the renderer can say it in fi/sv/en
 * (catalogue key `routing.<code>`). Array parameters hold codes (themes, age bands, languages).
 */
export interface Reason {
  code: ReasonCode;
  params: ReasonParams;
}

export function reason(code: ReasonCode, params: ReasonParams = {}): Reason {
  return { code, params };
}
