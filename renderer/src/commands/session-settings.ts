import type { CommandContext } from '../access/context';
import { ValidationError } from '../access/errors';
import { addAudit, auditEvent } from './audit';
import { takeStamps } from './stamps';
import { ProtectionError } from '../../../shared/protection/errors';

import { idleMinutesSchema, SESSION_META_KEY } from '../queries/session';

/** Saves the idle time (coordinator only; audited as a settings change). */
export async function saveIdleMinutes(ctx: CommandContext, minutes: number): Promise<void> {
  const { db, profile } = ctx;
  const now = ctx.now();
  if (profile.role !== 'coordinator') throw new ProtectionError('not-permitted', 'only a coordinator changes the lock settings', { command: 'settings.update' });
  const parsed = idleMinutesSchema.safeParse(minutes);
  if (!parsed.success) throw new ValidationError([{ path: 'idleMinutes', message: parsed.error.issues[0]!.message }]);
  await db.transaction('rw', [db.meta, db.audit], async () => {
    await db.meta.put({ key: SESSION_META_KEY, value: { idleMinutes: parsed.data } });
    const [stamp] = await takeStamps(db, now.getTime(), 1);
    await addAudit(db, auditEvent({ actor: profile.name }, now, stamp!, { action: 'settings.update', entity: 'settings', entityId: SESSION_META_KEY, fields: ['idleMinutes'] }));
  });
}
