import type { CommandContext } from '../access/context';
import { takeStamps } from './stamps';
import { addAudit, auditEvent } from './audit';
import { requireGlobal } from '../access/guards';

/**
 * Logs that the audit log was exported (how many events; who and when are the event's own): as a
 * file, or printed (details.medium: print) — paper or PDF leaves the app just the same.
 */
export async function recordAuditExport(ctx: CommandContext, count: number, medium: 'file' | 'print' = 'file'): Promise<void> {
  requireGlobal(ctx, 'audit.export');
  const now = ctx.now();
  await ctx.db.transaction('rw', [ctx.db.audit, ctx.db.meta], async () => {
    const [stamp] = await takeStamps(ctx.db, now.getTime(), 1);
    await addAudit(ctx.db, auditEvent(ctx, now, stamp!, { action: 'audit.export', entity: 'settings', entityId: 'audit', details: { events: String(count), ...(medium === 'print' ? { medium } : {}) } }));
  });
}
