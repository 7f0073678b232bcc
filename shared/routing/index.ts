/** The routing engine: pure, deterministic proposals of expert networks for a consultation request. */
export { routeRequest } from './route';
export { proposalChanged, routingRequestOf, snapshotProposal, SNAPSHOT_CANDIDATES, type ProposalSnapshot } from './snapshot';
export { resolveHomeArea, type HomeAreaResolution } from './home-area';
export { REASON_CODES, type ReasonCode } from './reasons';
export { REQUEST_LANGUAGES } from './types';
export type {
  Candidate,
  CandidatesResult,
  ChainStep,
  NextSlot,
  NoNetworkResult,
  Reason,
  ReasonParams,
  RoutingOptions,
  RoutingRequest,
  RoutingResult,
  SkippedNetwork,
  ThemeCoverage,
  UnknownRegionResult,
  Urgency,
} from './types';
