import { localMethodSchema, type LocalMethodInput, type LocalMethod } from '../../../shared/knowledge/methods';
import { findShippedMethod } from '../../../shared/reference/methods';
import { helsinkiDate } from '../../../shared/calendar/target-date';
import type { MethodRecord } from '../db/method-record';
import type { CommandContext } from '../access/context';
import { CommandError, ValidationError } from '../access/errors';
import { takeStamps } from './stamps';
import { addAudit, auditEvent } from './audit';
import { fieldStamps } from '../../../shared/sync/field-stamps';
import { requireGlobal } from '../access/guards';

/**
 * The methods registry's writes (issue 21): a centre's own method added or changed (validated by
 * the shared schema, audited by field name), or taken out of use from today — never deleted, so
 * the recommendations that name it keep their meaning. One transaction each, with its audit event.
 */

function changedKeys(before: LocalMethod, after: LocalMethod): string[] {
  return (Object.keys(after) as Array<keyof LocalMethod>).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

export async function saveLocalMethod(ctx: CommandContext, input: LocalMethodInput, expectedRev?: number): Promise<MethodRecord> {
  requireGlobal(ctx, 'method.update');
  const parsed = localMethodSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  if (findShippedMethod(parsed.data.code)) throw new ValidationError([{ path: 'code', message: 'validation.invalid' }]);
  const { db } = ctx;
  const now = ctx.now();
  return db.transaction('rw', [db.methods, db.audit, db.meta], async () => {
    const before = await db.methods.get(parsed.data.id);
    if (expectedRev !== undefined && before && before.rev !== expectedRev) throw new CommandError('changedElsewhere');
    const method: LocalMethod = parsed.data;
    const fields = before ? changedKeys(before, method) : Object.keys(method);
    if (before && fields.length === 0) return before;
    const [stamp, auditStamp] = await takeStamps(db, now.getTime(), 2);
    const record: MethodRecord = { ...before, ...method, rev: (before?.rev ?? 0) + 1, updatedAt: now.toISOString(), stamps: fieldStamps(method, fields, stamp!, before?.stamps) };
    await db.methods.put(record);
    await addAudit(db, auditEvent(ctx, now, auditStamp!, { action: before ? 'method.update' : 'method.create', entity: 'method', entityId: record.id, fields }));
    return record;
  });
}

/** Takes a local method out of use from today on (its last day is yesterday). Recommendations naming it keep it. */
export async function deactivateLocalMethod(ctx: CommandContext, id: string): Promise<MethodRecord> {
  requireGlobal(ctx, 'method.update');
  const { db } = ctx;
  const now = ctx.now();
  const today = helsinkiDate(now);
  return db.transaction('rw', [db.methods, db.audit, db.meta], async () => {
    const before = await db.methods.get(id);
    if (!before) throw new CommandError('notFound');
    const yesterday = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)) - 1)).toISOString().slice(0, 10);
    const [stamp, auditStamp] = await takeStamps(db, now.getTime(), 2);
    const record: MethodRecord = { ...before, activeTo: yesterday, rev: before.rev + 1, updatedAt: now.toISOString(), stamps: fieldStamps(before, ['activeTo'], stamp!, before.stamps) };
    await db.methods.put(record);
    await addAudit(db, auditEvent(ctx, now, auditStamp!, { action: 'method.deactivate', entity: 'method', entityId: id, fields: ['activeTo'] }));
    return record;
  });
}
