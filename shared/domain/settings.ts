import { z } from 'zod';
import { DEFAULT_CASE_CODE_PREFIX } from './case-code';
import { MSG } from './validation';
import { AREA_CODES } from '../reference/regions';

const OUT_OF_RANGE = 'validation.outOfRange';
const days = (fallback: number) =>
  z.number({ error: MSG.required }).int(OUT_OF_RANGE).min(1, OUT_OF_RANGE).max(60, OUT_OF_RANGE).default(fallback);

/** Per-installation settings a coordinator may change. */
export const settingsSchema = z.object({
  /** Case codes: PREFIX-YEAR-NNNN. */
  caseCodePrefix: z.string({ error: MSG.required }).trim().regex(/^[A-Z]{2,8}$/, 'validation.caseCodePrefix').default(DEFAULT_CASE_CODE_PREFIX),
  /** Consultation within N calendar days of receipt (the northern OT-keskus' published practice: 7). */
  normalCalendarDays: days(7),
  /** Urgent: within N Finnish working days. */
  urgentWorkingDays: days(2),
  /** The yhteistyöalue whose OT-keskus this installation serves: names the producer of activity summaries ('' until chosen). */
  centreArea: z.union([z.enum(AREA_CODES, { error: MSG.choose }), z.literal('')]).default(''),
});
export type SettingsInput = z.input<typeof settingsSchema>;
export type Settings = z.output<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
