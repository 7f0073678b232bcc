import { z } from 'zod';

/**
 * Validation messages are i18n keys (`validation.*`), so that the same schema speaks Finnish,
 * Swedish or English wherever it is used: the form, the database commands and imports.
 */
export const MSG = {
  required: 'validation.required',
  choose: 'validation.choose',
  chooseAtLeastOne: 'validation.chooseAtLeastOne',
  tooLong: 'validation.tooLong',
  invalid: 'validation.invalid',
  phone: 'validation.phone',
  email: 'validation.email',
  contactRequired: 'validation.contactRequired',
  date: 'validation.date',
  time: 'validation.time',
  futureDate: 'validation.futureDate',
  dateOrder: 'validation.dateOrder',
  forensicRefused: 'validation.forensicRefused',
} as const;

/** A required single-line text: trimmed, not empty, bounded. */
export function requiredText(max: number) {
  return z.string({ error: MSG.required }).trim().min(1, MSG.required).max(max, MSG.tooLong);
}

/** An optional text: trimmed, '' when absent. */
export function optionalText(max: number) {
  return z.string().trim().max(max, MSG.tooLong).default('');
}

/** A required choice from a closed list of codes. */
export function choice<const T extends readonly [string, ...string[]]>(codes: T) {
  return z.enum(codes, { error: MSG.choose });
}

/** True when `YYYY-MM-DD` names a day that exists in the Gregorian calendar. */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date as `YYYY-MM-DD` (a Finnish calendar day; no time zone). */
export function isoDate() {
  return z.string({ error: MSG.date }).refine(isRealDate, MSG.date);
}

/** An optional calendar date: '' when absent. */
export function optionalIsoDate() {
  return z.string().refine((v) => v === '' || isRealDate(v), MSG.date).default('');
}

/** A wall-clock time `HH:MM`, 24-hour. */
export function localTime() {
  return z.string({ error: MSG.time }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, MSG.time);
}
