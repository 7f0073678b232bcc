import { settingsSchema, type Settings, type SettingsInput } from '../../../shared/domain/settings';
import type { CommandContext } from '../access/context';
import { ValidationError } from '../access/errors';
import { takeStamps } from './stamps';
import { addAudit, auditEvent } from './audit';
import { requireGlobal } from '../access/guards';
import { readSettings, SETTINGS_KEY } from '../queries/settings';

/**
 * Saves the settings (validated; audited by field name). New rules apply to requests recorded or
 * edited from now on; existing target dates stay as they were computed.
 */
export async function saveSettings(ctx: CommandContext, input: SettingsInput): Promise<Settings> {
  requireGlobal(ctx, 'settings.update');
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  const { db } = ctx;
  const now = ctx.now();
  return db.transaction('rw', [db.meta, db.audit], async () => {
    const before = await readSettings(db);
    const fields = (Object.keys(parsed.data) as Array<keyof Settings>).filter((key) => before[key] !== parsed.data[key]);
    if (fields.length === 0) return before;
    const [stamp] = await takeStamps(db, now.getTime(), 1);
    await db.meta.put({ key: SETTINGS_KEY, value: parsed.data });
    await addAudit(db, auditEvent(ctx, now, stamp!, { action: 'settings.update', entity: 'settings', entityId: SETTINGS_KEY, fields }));
    return parsed.data;
  });
}
