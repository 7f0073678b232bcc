import { z } from 'zod';
import { MAX_METHODS_PER_ITEM, recommendationDraftSchema, STEP_KINDS, type RecommendationDraftInput } from '../../../../shared/lifecycle/recommendation';
import { METHOD_CODE } from '../../../../shared/reference/methods';
import { requireKnownMethods } from '../method-check';
import type { RecommendationDraftRow } from '../../db/rows/desk';
import type { CommandContext } from '../../access/context';
import { CommandError, ValidationError } from '../../access/errors';
import { takeStamps } from '../stamps';
import { addAudit, auditEvent } from '../audit';
import { caseForWrite, guardFreeText } from '../lifecycle';
import { caseViewOf } from '../../access/guards';

/**
 * The expert desk's recommendation drafts (issue 11): per case routed to the expert's network, the
 * structured recommendation of the lifecycle ('consult') being written. Saved as 'draft' while
 * incomplete, 'ready' when it passes the recommendation's own schema; ready drafts go back to the
 * coordinator in a network bundle (../desk/send). The identifier guard of the case's consent mode
 * applies to every text, as on the coordinator's forms.
 */

/** While writing, any part may still be missing; what is there must have the right shape. */
const partialDraftSchema = z.object({
  language: z.string().max(10).optional(),
  questionSummary: z.string().max(3000).optional(),
  recommendations: z.array(z.string().max(3000)).max(30).optional(),
  nextSteps: z.array(z.object({ step: z.string().max(1000), by: z.string().max(200), kind: z.enum(STEP_KINDS).optional() })).max(30).optional(),
  followUpDate: z.string().max(10).optional(),
  /** Per recommended item, the methods it names (issue 21). */
  methods: z.array(z.array(z.string().regex(METHOD_CODE)).max(MAX_METHODS_PER_ITEM)).max(30).optional(),
});

function textsOf(draft: Partial<RecommendationDraftInput>): Array<{ path: string; text: string }> {
  return [
    { path: 'questionSummary', text: draft.questionSummary ?? '' },
    ...(draft.recommendations ?? []).map((text, i) => ({ path: `recommendations.${i}`, text })),
    ...(draft.nextSteps ?? []).flatMap((s, i) => [
      { path: `nextSteps.${i}.step`, text: s.step ?? '' },
      { path: `nextSteps.${i}.by`, text: s.by ?? '' },
    ]),
  ].filter((field) => field.text !== '');
}

/**
 * Saves the expert's draft for a case of their network ('ready' only when complete and valid).
 * Refused for a case of another network, a case whose recommendation was sent already, or a
 * profile that may not write recommendations. One transaction with its audit event.
 */
export async function saveRecommendationDraft(ctx: CommandContext, caseId: string, input: Partial<RecommendationDraftInput>, state: 'draft' | 'ready'): Promise<RecommendationDraftRow> {
  const parsed = state === 'ready' ? recommendationDraftSchema.safeParse(input) : partialDraftSchema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  const recommendation = parsed.data as RecommendationDraftInput;
  await requireKnownMethods(ctx.db, recommendation.methods);
  const { db } = ctx;
  const now = ctx.now();
  return db.transaction('rw', [db.consultations, db.recommendationDrafts, db.audit, db.meta], async () => {
    const record = await caseForWrite(ctx, 'recommendation.draft', caseId);
    if (record.recommendation?.sentAt) throw new CommandError('recommendationSent');
    guardFreeText(record, textsOf(recommendation), now);
    const networkId = caseViewOf(record).networkId;
    if (networkId === null) throw new CommandError('notAllowed');
    const row: RecommendationDraftRow = { id: caseId, networkId, caseCode: record.caseCode, state, recommendation, updatedAt: now.toISOString(), by: ctx.actor };
    await db.recommendationDrafts.put(row);
    const [stamp] = await takeStamps(db, now.getTime(), 1);
    await addAudit(db, auditEvent(ctx, now, stamp!, { action: 'recommendation.draft', entityId: caseId, fields: ['recommendation'], details: { state } }));
    return row;
  });
}

