import { z } from 'zod';
import { DEFAULT_CASE_CODE_PREFIX } from './case-code';

/** Per-installation settings a coordinator may change. */
export const settingsSchema = z.object({
  caseCodePrefix: z.string().regex(/^[A-Z]{2,8}$/, 'validation.invalid').default(DEFAULT_CASE_CODE_PREFIX),
  /** Consultation within N calendar days of receipt (the northern OT-keskus' published practice: 7). */
  normalCalendarDays: z.number().int().min(1).max(60).default(7),
  /** Urgent: within N Finnish working days. */
  urgentWorkingDays: z.number().int().min(1).max(60).default(2),
});
export type Settings = z.output<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
