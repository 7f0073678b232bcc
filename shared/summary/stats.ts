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

export function percentile90(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  return sorted[Math.ceil((9 * n) / 10) - 1]!;
}

/** A share in per cent, one decimal. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? Number.NaN : Math.round((1000 * part) / whole) / 10;
}
