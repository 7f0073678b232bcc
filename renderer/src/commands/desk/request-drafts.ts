import { uuidv7 } from '../../../../shared/ids';
import type { ConsultationRecord, IntakeInput } from '../../../../shared/domain/consultation';
import type { CommandContext } from '../../access/context';
import { CommandError } from '../../access/errors';
import { ProtectionError } from '../../../../shared/protection/errors';
import { takeStamps } from '../stamps';
import { addAudit, auditEvent } from '../audit';
import { createConsultation } from '../consultations';
import type { RequestDraftRow } from '../../db/rows/desk';

/**
 * The requester desk's unsent requests (issue 11). A draft keeps the form's values as typed, with
 * nothing checked, until the requester finishes it: then the same schema and identifier guard as
 * the coordinator's intake apply (createConsultation), and the request becomes a case of this
 * desk, ready to be sent (./send). Only a requester profile keeps drafts.
 */

function requireRequester(ctx: CommandContext): void {
  if (ctx.profile.role !== 'requester') throw new ProtectionError('not-permitted', `${ctx.profile.role} keeps no request drafts`, { command: 'consultation.create' });
}

async function auditDraft(ctx: CommandContext, now: Date, id: string, change: 'save' | 'discard'): Promise<void> {
  const [stamp] = await takeStamps(ctx.db, now.getTime(), 1);
  await addAudit(ctx.db, auditEvent(ctx, now, stamp!, { action: 'request.draft', entity: 'request', entityId: id, details: { change } }));
}

/** Saves the draft (a new one when `id` is undefined). Returns the stored row. */
export async function saveRequestDraft(ctx: CommandContext, id: string | undefined, values: Partial<IntakeInput>): Promise<RequestDraftRow> {
  requireRequester(ctx);
  const { db } = ctx;
  const now = ctx.now();
  return db.transaction('rw', [db.requestDrafts, db.audit, db.meta], async () => {
    const before = id === undefined ? undefined : await db.requestDrafts.get(id);
    if (id !== undefined && !before) throw new CommandError('notFound');
    const row: RequestDraftRow = { id: id ?? uuidv7(now.getTime()), values: structuredClone(values), updatedAt: now.toISOString(), createdAt: before?.createdAt ?? now.toISOString() };
    await db.requestDrafts.put(row);
    await auditDraft(ctx, now, row.id, 'save');
    return row;
  });
}

/** Discards an unsent draft. */
export async function discardRequestDraft(ctx: CommandContext, id: string): Promise<void> {
  requireRequester(ctx);
  const { db } = ctx;
  const now = ctx.now();
  await db.transaction('rw', [db.requestDrafts, db.audit, db.meta], async () => {
    if (!(await db.requestDrafts.get(id))) throw new CommandError('notFound');
    await db.requestDrafts.delete(id);
    await auditDraft(ctx, now, id, 'discard');
  });
}

/**
 * Finishes a draft: validates it as a request (the intake's schema and identifier guard; a
 * ValidationError names every field), records it as a case of this desk and removes the draft —
 * in one transaction. The requester must be the desk's own (the role policy checks the key).
 */
export async function finishRequest(ctx: CommandContext, draftId: string | undefined, input: IntakeInput): Promise<ConsultationRecord> {
  requireRequester(ctx);
  const { db } = ctx;
  return db.transaction('rw', [db.consultations, db.caseRows, db.requesters, db.audit, db.meta, db.counters, db.requestDrafts], async () => {
    const record = await createConsultation(ctx, input);
    if (draftId !== undefined) await db.requestDrafts.delete(draftId);
    return record;
  });
}

/** The desk's drafts, newest first (a requester keeps a handful). */
export async function requestDrafts(ctx: CommandContext): Promise<RequestDraftRow[]> {
  requireRequester(ctx);
  return ctx.db.requestDrafts.orderBy('updatedAt').reverse().toArray();
}
