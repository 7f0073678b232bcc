import type { ConsultationRecord } from '../../../shared/domain/consultation';
import { caseRowOf } from '../../../shared/domain/case-row';
import { recommendationDraftSchema, type RecommendationDraftInput } from '../../../shared/lifecycle/recommendation';
import type { CommandContext } from '../access/context';
import { CommandError, ValidationError } from '../access/errors';
import { takeStamps } from './stamps';
import { bumpCounters } from './counters';
import { COUNTER_REV } from '../db/counters';
import { addAudit, auditEvent } from './audit';
import { caseForWrite, guardFreeText } from './lifecycle';
import { NO_CASE_VIEW, requireCase } from '../access/guards';
import { requireKnownMethods } from './method-check';

const TABLES = (ctx: CommandContext) => [ctx.db.consultations, ctx.db.caseRows, ctx.db.audit, ctx.db.meta, ctx.db.counters];

async function writeCase(ctx: CommandContext, before: ConsultationRecord, fields: Partial<ConsultationRecord>, changed: Array<keyof ConsultationRecord['stamps']>, now: Date, action: 'consultation.recommendation-revise' | 'consultation.follow-up-done') {
  const counters = await bumpCounters(ctx.db, { [COUNTER_REV]: 1 });
  const [stamp, auditStamp] = await takeStamps(ctx.db, now.getTime(), 2);
  const record: ConsultationRecord = {
    ...before,
    ...fields,
    rev: counters[COUNTER_REV]!,
    stamps: { ...before.stamps, ...Object.fromEntries(changed.map((field) => [field, stamp!])) },
  };
  await ctx.db.consultations.put(record);
  await ctx.db.caseRows.put(caseRowOf(record));
  await addAudit(ctx.db, auditEvent(ctx, now, auditStamp!, { action, entityId: record.id, fields: changed }));
  return record;
}

/**
 * Corrects the written recommendation before it is sent (after sending, the letter the requester
 * holds is the record; a correction is a new consultation or a reopened case).
 */
export async function reviseRecommendation(ctx: CommandContext, id: string, input: RecommendationDraftInput, expectedRev?: number): Promise<ConsultationRecord> {
  const parsed = recommendationDraftSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  await requireKnownMethods(ctx.db, parsed.data.methods);
  const now = ctx.now();
  return ctx.db.transaction('rw', TABLES(ctx), async () => {
    const before = await caseForWrite(ctx, 'recommendation.write', id, expectedRev);
    if (before.status !== 'consulted' || !before.recommendation) throw new CommandError('notAllowed');
    if (before.recommendation.sentAt) throw new CommandError('recommendationSent');
    const r = parsed.data;
    guardFreeText(
      before,
      [
        { path: 'questionSummary', text: r.questionSummary },
        ...r.recommendations.map((text, i) => ({ path: `recommendations.${i}`, text })),
        ...r.nextSteps.flatMap((s, i) => [
          { path: `nextSteps.${i}.step`, text: s.step },
          { path: `nextSteps.${i}.by`, text: s.by },
        ]),
      ],
      now,
    );
    return writeCase(ctx, before, { recommendation: { ...r } }, ['recommendation'], now, 'consultation.recommendation-revise');
  });
}

/** Marks the recommendation's follow-up as done: it leaves the reminder list. */
export async function markFollowUpDone(ctx: CommandContext, id: string, expectedRev?: number): Promise<ConsultationRecord> {
  const now = ctx.now();
  return ctx.db.transaction('rw', TABLES(ctx), async () => {
    const before = await caseForWrite(ctx, 'recommendation.follow-up', id, expectedRev);
    if (!before.recommendation || before.recommendation.followUpDate === '' || before.followUpDoneAt !== null) throw new CommandError('noFollowUp');
    return writeCase(ctx, before, { followUpDoneAt: now.toISOString() }, ['followUpDoneAt'], now, 'consultation.follow-up-done');
  });
}

/** Logs that a case's letter was printed or saved, or a meeting's agenda or calendar file produced (a disclosure). */
export async function recordDisclosure(ctx: CommandContext, action: 'consultation.print' | 'meeting.print' | 'meeting.export-ics', entityId: string, details?: Record<string, string>): Promise<void> {
  const now = ctx.now();
  await ctx.db.transaction('rw', [ctx.db.consultations, ctx.db.meetings, ctx.db.audit, ctx.db.meta], async () => {
    // A disclosure of a case, or of a meeting's agenda: the meeting's network and every case on it.
    if (action === 'consultation.print') {
      const record = await ctx.db.consultations.get(entityId);
      if (!record) throw new CommandError('notFound');
      requireCase(ctx, 'consultation.print', record);
    } else {
      const meeting = await ctx.db.meetings.get(entityId);
      if (!meeting) throw new CommandError('notFound');
      requireCase(ctx, 'consultation.print', { ...NO_CASE_VIEW, networkId: meeting.networkId });
      for (const record of await ctx.db.consultations.bulkGet(meeting.caseIds)) if (record) requireCase(ctx, 'consultation.print', record);
    }
    const [stamp] = await takeStamps(ctx.db, now.getTime(), 1);
    await addAudit(ctx.db, auditEvent(ctx, now, stamp!, { action, entity: action === 'consultation.print' ? 'consultation' : 'meeting', entityId, ...(details ? { details } : {}) }));
  });
}
