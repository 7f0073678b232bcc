import type { AuditAction, AuditEvent } from '../../../shared/domain/audit';
import type { CommandContext } from '../access/context';
import { requireGlobal } from '../access/guards';

/** What the audit log screen filters by. Dates are ISO instants (inclusive bounds), '' for open. */
export interface AuditFilter {
  from: string;
  to: string;
  action: AuditAction | '';
  actor: string;
  entityId: string;
}

/**
 * One page of the audit log, newest first, along the `at` index with keyset paging (`before`: the
 * last event of the previous page) — never a whole-table read. The other criteria are checked per
 * event while walking the index; `scanLimit` bounds the walk so a rare action cannot stall the UI.
 */
export async function auditPage(ctx: Pick<CommandContext, 'db' | 'profile'>, filter: AuditFilter, limit: number, before?: { at: string; id: string }): Promise<{ events: AuditEvent[]; more: boolean }> {
  requireGlobal(ctx, 'audit.read');
  const { db } = ctx;
  const lower = filter.from || '';
  const upper = before ? before.at : filter.to || '\uffff';
  const actor = filter.actor.trim().toLocaleLowerCase('fi');
  const matches = (event: AuditEvent) =>
    (!before || event.at < before.at || (event.at === before.at && event.id < before.id)) &&
    (filter.action === '' || event.action === filter.action) &&
    (actor === '' || event.actor.toLocaleLowerCase('fi').includes(actor)) &&
    (filter.entityId === '' || event.entityId === filter.entityId);
  const events = await db.audit
    .where('at')
    .between(lower, upper, true, true)
    .reverse()
    .filter(matches)
    .limit(limit + 1)
    .toArray();
  return { events: events.slice(0, limit), more: events.length > limit };
}
