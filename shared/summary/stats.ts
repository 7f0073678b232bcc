/**
 * Order statistics of whole days, from a sorted array.
 * Median: the middle value, or the mean of the two middle values (so x.5 is possible).
 * 90th percentile: nearest rank — the smallest value with at least 90 % of the cases at or below it.
 */
export function median(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The position (0-based) of the nearest-rank 90th percentile among n sorted values. */
export function percentile90Rank(n: number): number {
  return Math.ceil((9 * n) / 10) - 1;
}

export function percentile90(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  return sorted[percentile90Rank(n)]!;
}

export type OrderStatistic = 'median' | 'p90';

/**
 * How many of n sorted cases lie on the thinner side of an order statistic: below the lowest and
 * above the highest of the cases that make it up (one middle case for an odd median, two for an even
 * one; the one case at the nearest rank for the 90th percentile). Counted by position, not by value:
 * when cases tie, a published value that equals the maximum is then shared by more than that many
 * cases, so it is never one case's own figure.
 *   median: ⌊(n − 1) / 2⌋ (11 cases give 5 on each side, 10 give 4)
 *   p90:    min(rank, n − 1 − rank) (50 cases give 5 above, 49 give 4)
 */
export function casesBeside(statistic: OrderStatistic, n: number): number {
  if (n <= 0) return 0;
  if (statistic === 'median') return Math.floor((n - 1) / 2);
  const rank = percentile90Rank(n);
  return Math.min(rank, n - 1 - rank);
}

/** A share in per cent, one decimal. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? Number.NaN : Math.round((1000 * part) / whole) / 10;
}
