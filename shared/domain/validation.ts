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
} as const;

/** A required single-line text: trimmed, not empty, bounded. */
export function requiredText(max: number) {
  return z.string({ error: MSG.required }).trim().min(1, MSG.required).max(max, MSG.tooLong);
}

/** A required choice from a closed list of codes. */
export function choice<const T extends readonly [string, ...string[]]>(codes: T) {
  return z.enum(codes, { error: MSG.choose });
}
