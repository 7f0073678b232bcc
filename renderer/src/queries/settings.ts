import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../shared/domain/settings';
import type { OtkDatabase } from '../db/schema';

export const SETTINGS_KEY = 'settings';

/** The installation's settings, defaults filled in. */
export async function readSettings(db: OtkDatabase): Promise<Settings> {
  const row = await db.meta.get(SETTINGS_KEY);
  const parsed = settingsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}
