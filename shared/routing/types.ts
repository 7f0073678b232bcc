import type { URGENCIES } from '../domain/codes';
import type { AreaCode } from '../reference/regions';

/** Languages a request can come in: Finnish, Swedish, Saami, other (interpreter needed). */
export const REQUEST_LANGUAGES = ['fi', 'sv', 'se', 'other'] as const;
export type RequestLanguage = (typeof REQUEST_LANGUAGES)[number];

export type Urgency = (typeof URGENCIES)[number];

export interface RoutingRequest {
  /** The requester's hyvinvointialue code (or its fi/sv name, or a legacy area name such as "TAYS-alue"). */
  region: string;
  /** Requested theme codes; order and repeats do not matter. */
  themes: readonly string[];
  ageBand: string;
  language: RequestLanguage;
  urgency: Urgency;
  /** ISO date `YYYY-MM-DD` the routing is for (normally the day the request is handled). */
  date: string;
}

export interface RoutingOptions {
  /** How many days ahead to look for a network's next meeting slot (default 60). */
  slotHorizonDays?: number;
}

export type { Reason, ReasonParams } from './reasons';
import type { Reason } from './reasons';

/** One step of the fallback chain that was tried, in order. */
export type ChainStep = Reason;

export interface ThemeCoverage {
  theme: string;
  covered: boolean;
}

export interface NextSlot {
  date: string;
  weekday: number;
  start: string;
  end: string;
  capacity: number;
}

export interface Candidate {
  networkId: string;
  area: AreaCode;
  /** 1 = best. */
  rank: number;
  /** 'home': in the requester's yhteistyöalue; 'national': elsewhere, by national responsibility. */
  scope: 'home' | 'national';
  /** Each requested theme, in reference-data order, and whether this network covers it. */
  themeCoverage: ThemeCoverage[];
  /** The network's next weekly meeting slot on or after the request date, if any within the horizon. */
  nextSlot: NextSlot | null;
  reasons: Reason[];
}

export interface SkippedNetwork {
  networkId: string;
  area: AreaCode;
  reason: Reason;
}

interface Routed {
  homeArea: AreaCode;
  chain: ChainStep[];
  /** Requested themes that no candidate covers (reference-data order). */
  uncoveredThemes: string[];
  /** Every network that is not a candidate, with the reason, home area first then by id. */
  skipped: SkippedNetwork[];
}

export interface CandidatesResult extends Routed {
  kind: 'candidates';
  candidates: Candidate[];
}

export interface NoNetworkResult extends Routed {
  kind: 'no-network';
}

/** The requester's region could not be resolved to a yhteistyöalue: nothing is routed. */
export interface UnknownRegionResult {
  kind: 'unknown-region';
  input: string;
  chain: ChainStep[];
}

export type RoutingResult = CandidatesResult | NoNetworkResult | UnknownRegionResult;
