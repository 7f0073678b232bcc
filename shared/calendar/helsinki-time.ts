import { TZDate, tzOffset } from '@date-fns/tz';

/** Finnish wall-clock time: every date the user sees or types is a day in Europe/Helsinki. */
export const FINNISH_TIME_ZONE = 'Europe/Helsinki';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * The UTC instant of a Finnish local date (`YYYY-MM-DD`) and time (`HH:MM`), across DST changes,
 * whatever the machine's own time zone. A time the clocks skip in spring (03:00–03:59 on the last
 * Sunday of March) is read with the offset before the change; a time that happens twice in autumn
 * (03:00–03:59 on the last Sunday of October) as its second occurrence, in winter time.
 */
export function helsinkiInstant(date: string, time: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  // The wall-clock reading as if it were UTC; each offset in force that day gives one candidate.
  const wall = Date.UTC(year, month - 1, day, hours, minutes);
  const before = tzOffset(FINNISH_TIME_ZONE, new Date(wall - DAY));
  const after = tzOffset(FINNISH_TIME_ZONE, new Date(wall + DAY));
  const fits = [before, after].map((offset) => wall - offset * MINUTE).filter((at) => tzOffset(FINNISH_TIME_ZONE, new Date(at)) * MINUTE === wall - at);
  // Two fits: the repeated hour, take the later; none: the skipped hour, read with the offset before.
  return new Date(fits.length > 0 ? Math.max(...fits) : wall - before * MINUTE);
}

/** The Finnish local date and time (`YYYY-MM-DD`, `HH:MM`) of an instant. */
export function helsinkiParts(instant: Date): { date: string; time: string } {
  const local = new TZDate(instant.getTime(), FINNISH_TIME_ZONE);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
  };
}
