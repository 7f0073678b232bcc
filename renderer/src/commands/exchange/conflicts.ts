import { caseRowOf } from '../../../../shared/domain/case-row';
import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import { resolveConflict, type Resolution } from '../../../../shared/sync/resolve';
import type { CommandContext } from '../../access/context';
import { CommandError, ValidationError } from '../../access/errors';
import { addAudit, auditEvent } from '../audit';
import { NO_CASE_VIEW, requireCase } from '../../access/guards';
import { bumpCounters } from '../counters';
import { COUNTER_REV } from '../../db/counters';
import { takeStamps } from '../stamps';
import { guardFreeText } from '../lifecycle';
import { readSettings } from '../../queries/settings';
import { COUNTER_OPEN_CONFLICTS } from '../../db/counters';
import type { ConflictRow, SyncedConsultation } from '../../db/rows/exchange';
import { completeAndDerive } from '../../../../shared/sync/wire/records';

/**
 * The coordinator's answer to a conflict (shared/sync/resolve):
 * - keep-current: the case keeps what it holds now (the losing value stays in the conflicts table);
 * - restore-losing: the value that lost is written again with a fresh stamp, so it wins everywhere;
 * - edit: a new text (e.g. both merged by hand) is written with a fresh stamp — text fields only.
 * Audited ('conflict.resolve', field and resolution, no values); the conflict is marked resolved and
 * the case's flag goes when its last open conflict does. Histories (routing, transitions) can only
 * be kept as they are: their status follows them. A conflict with a deletion can only be acknowledged.
 */

/** Fields whose losing value can be restored into the case. */
const RESTORABLE = new Set(['requester', 'subject', 'question', 'hopedOutcomeNote', 'consent', 'recommendation', 'closeOut']);
/** Text fields that can be edited while resolving, with their longest length (as the intake form). */
const EDITABLE: Record<string, { max: number; required: boolean }> = {
  question: { max: 5000, required: true },
  hopedOutcomeNote: { max: 500, required: false },
};

export type ConflictResolution = Resolution;

function checkedValue(field: string, value: unknown): string {
  const rule = EDITABLE[field];
  if (!rule) throw new CommandError('notAllowed');
  if (typeof value !== 'string') throw new ValidationError([{ path: 'value', message: 'validation.invalid' }]);
  const text = value.trim();
  if (rule.required && text === '') throw new ValidationError([{ path: 'value', message: 'validation.required' }]);
  if (text.length > rule.max) throw new ValidationError([{ path: 'value', message: 'validation.tooLong' }]);
  return text;
}

export async function resolveConflictCommand(ctx: CommandContext, conflictId: string, resolution: ConflictResolution): Promise<ConflictRow> {
  const { db } = ctx;
  const now = ctx.now();
  return db.transaction('rw', [db.conflicts, db.consultations, db.caseRows, db.audit, db.meta, db.counters], async () => {
    const conflict = await db.conflicts.get(conflictId);
    if (!conflict) throw new CommandError('notFound');
    // On the case as held now; a case deleted since (a conflict with its deletion) only the coordinator reads.
    requireCase(ctx, 'conflict.resolve', (await db.consultations.get(conflict.recordId)) ?? NO_CASE_VIEW);
    if (conflict.state === 'resolved') throw new CommandError('notAllowed');
    const writes = resolution.kind !== 'keep-current';
    if (writes && (conflict.kind !== 'concurrent-edit' || !RESTORABLE.has(conflict.field))) throw new CommandError('notAllowed');

    const [auditStamp, fieldStamp] = await takeStamps(db, now.getTime(), writes ? 2 : 1);
    const deltas: Record<string, number> = { [COUNTER_OPEN_CONFLICTS]: -1 };
    if (writes) {
      const record = (await db.consultations.get(conflict.recordId)) as SyncedConsultation | undefined;
      if (!record) throw new CommandError('notFound');
      const value = resolution.kind === 'edit' ? checkedValue(conflict.field, resolution.value) : conflict.losing;
      if (typeof value === 'string') guardFreeText(record, [{ path: conflict.field, text: value }], now);
      const { record: changed } = resolveConflict(record, conflict, resolution.kind === 'edit' ? { kind: 'edit', value } : resolution, fieldStamp!);
      const settings = await readSettings(db);
      const counters = await bumpCounters(db, { ...deltas, [COUNTER_REV]: 1 });
      const stored: ConsultationRecord = { ...completeAndDerive({ ...changed }, [conflict.field], false, settings), rev: counters[COUNTER_REV]! };
      await db.consultations.put(stored);
      await db.caseRows.put(caseRowOf(stored));
    } else {
      await bumpCounters(db, deltas);
    }
    const resolved: ConflictRow = { ...conflict, state: 'resolved', resolution: { kind: resolution.kind, by: ctx.actor, at: now.toISOString() } };
    await db.conflicts.put(resolved);
    await addAudit(db, 
      auditEvent(ctx, now, auditStamp!, {
        action: 'conflict.resolve',
        entityId: conflict.recordId,
        fields: [conflict.field],
        details: { resolution: resolution.kind, conflict: conflict.kind },
      }),
    );
    return resolved;
  });
}
