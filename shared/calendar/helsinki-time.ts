import { TZDate } from '@date-fns/tz';

/** Finnish wall-clock time: every date the user sees or types is a day in Europe/Helsinki. */
export const FINNISH_TIME_ZONE = 'Europe/Helsinki';

/** The UTC instant of a Finnish local date (`YYYY-MM-DD`) and time (`HH:MM`), across DST changes. */
export function helsinkiInstant(date: string, time: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(year, month - 1, day, hours, minutes, FINNISH_TIME_ZONE).getTime());
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
