/** Plain calendar arithmetic on ISO dates `YYYY-MM-DD`, in UTC so that the result never depends on the machine. */

const DAY_MS = 86_400_000;

function toUtcMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const at = new Date(0);
  at.setUTCFullYear(y ?? NaN, (m ?? NaN) - 1, d ?? NaN); // unlike Date.UTC, keeps years 0–99 as they are
  return at.getTime();
}

/** True for `YYYY-MM-DD` naming a day that exists. */
export function isCalendarDate(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(toUtcMs(date)) && new Date(toUtcMs(date)).toISOString().startsWith(date);
}

/** `date` plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  return new Date(toUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(toUtcMs(date)).getUTCDay();
  return day === 0 ? 7 : day;
}
