import { z } from 'zod';

/**
 * Clock stamps as values: comparison, maximum and a schema for imports. A stamp is the string
 * `WWWWWWWWWWWWWWW:CCCC:peer` from ./hlc: the wall and counter parts are fixed-width, so plain
 * string order is (wall, counter, peer) order — the merge rule for every synced field.
 */

export const STAMP_PATTERN = /^\d{15}:[0-9a-f]{4}:[A-Za-z0-9-]{1,64}$/;

/** A well-formed clock stamp (for schemas of imported records and bundle headers). */
export const stampSchema = z.string().regex(STAMP_PATTERN);

/** Negative when a orders before b, 0 when equal, positive when after. */
export function compareStamps(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two stamps (undefined counts as "never"). */
export function laterStamp(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a >= b ? a : b;
}
