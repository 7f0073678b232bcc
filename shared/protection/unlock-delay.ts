/**
 * The growing wait after wrong passphrases on the unlock screen: the first FREE_ATTEMPTS mistakes
 * cost nothing (typos happen), then each further one doubles the wait from BASE_DELAY_SECONDS up
 * to MAX_DELAY_SECONDS. This slows guessing at the screen; the key derivation (PBKDF2, 600 000
 * iterations) is what slows guessing against a copied profile folder.
 */
export const FREE_ATTEMPTS = 3;
export const BASE_DELAY_SECONDS = 30;
export const MAX_DELAY_SECONDS = 15 * 60;

/** Seconds to wait after `failures` consecutive wrong passphrases. */
export function unlockDelaySeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_SECONDS, BASE_DELAY_SECONDS * 2 ** (failures - FREE_ATTEMPTS));
}

/** Seconds still to wait at `nowMs` (0 when the profile may be tried again). */
export function secondsToWait(failures: number, lastFailedAt: string | null, nowMs: number): number {
  if (lastFailedAt === null) return 0;
  const until = Date.parse(lastFailedAt) + unlockDelaySeconds(failures) * 1000;
  return Math.max(0, Math.ceil((until - nowMs) / 1000));
}
