import { findRegion, type AreaCode } from '../reference/regions';

/**
 * The OT-keskus a requester's request goes to: the one of the cooperation area (yhteistyöalue) of
 * the requester's wellbeing services county (the region table, decree 91/2022). Null for a region
 * the table does not know.
 */
export function centreAreaOf(regionCode: string): AreaCode | null {
  return findRegion(regionCode)?.area ?? null;
}
