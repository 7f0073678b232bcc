import { z } from 'zod';
import type { OtkDatabase } from '../db/schema';
import type { Profile } from '../../../shared/protection/roles';
import { ValidationError } from '../commands/errors';
import { addAudit, auditEvent } from '../commands/audit';
import { takeStamps } from '../commands/installation';
import { ProtectionError } from '../../../shared/protection/errors';

/** The lock's settings for this installation: minutes of inactivity before the app locks itself. */
export const SESSION_META_KEY = 'session';
export const DEFAULT_IDLE_MINUTES = 10;
export const idleMinutesSchema = z.number({ error: 'validation.required' }).int('validation.outOfRange').min(1, 'validation.outOfRange').max(120, 'validation.outOfRange');

export async function readIdleMinutes(db: OtkDatabase): Promise<number> {
  const value = (await db.meta.get(SESSION_META_KEY))?.value as { idleMinutes?: unknown } | undefined;
  const parsed = idleMinutesSchema.safeParse(value?.idleMinutes);
  return parsed.success ? parsed.data : DEFAULT_IDLE_MINUTES;
}

/** Saves the idle time (coordinator only; audited as a settings change). */
export async function saveIdleMinutes(db: OtkDatabase, profile: Profile, minutes: number, now: Date): Promise<void> {
  if (profile.role !== 'coordinator') throw new ProtectionError('not-permitted', 'only a coordinator changes the lock settings', { command: 'settings.update' });
  const parsed = idleMinutesSchema.safeParse(minutes);
  if (!parsed.success) throw new ValidationError([{ path: 'idleMinutes', message: parsed.error.issues[0]!.message }]);
  await db.transaction('rw', [db.meta, db.audit], async () => {
    await db.meta.put({ key: SESSION_META_KEY, value: { idleMinutes: parsed.data } });
    const [stamp] = await takeStamps(db, now.getTime(), 1);
    await addAudit(db, auditEvent({ actor: profile.name }, now, stamp!, { action: 'settings.update', entity: 'settings', entityId: SESSION_META_KEY, fields: ['idleMinutes'] }));
  });
}
