import type { Booking } from '../../../shared/lifecycle/record';
import type { ConsultationRecord } from '../../../shared/domain/consultation';
import { canRead } from '../../../shared/protection/roles';
import { declineNotice, informationAsked, requestStage, type DeclineNotice, type RequestStage } from '../../../shared/desk/request-stage';
import type { CommandContext } from '../access/context';
import { caseViewOf } from '../access/guards';
import type { RecommendationDraftRow } from '../db/rows/desk';

/**
 * What the requester's and the expert's desks list (issue 11). A desk holds the cases of one
 * requester or one network — tens, not the centre's 100 000 — so these read the desk's list rows
 * and records whole; every record is still checked against the profile.
 */

type Ctx = Pick<CommandContext, 'db' | 'profile'>;

/** When each case was last written into a bundle by this desk (from the exchange log's sent rows). */
export async function lastSentByCase(ctx: Ctx): Promise<Map<string, string>> {
  const sent = new Map<string, string>();
  const rows = await ctx.db.exchangeLog.orderBy('at').toArray();
  for (const row of rows) if (row.direction === 'sent') for (const id of row.caseIds ?? []) sent.set(id, row.at);
  return sent;
}

async function readableCases(ctx: Ctx): Promise<ConsultationRecord[]> {
  const ids = (await ctx.db.caseRows.toCollection().primaryKeys()) as string[];
  const records = await ctx.db.consultations.bulkGet(ids);
  return records.filter((r): r is ConsultationRecord => r !== undefined && canRead(ctx.profile, caseViewOf(r)));
}

export interface MyRequest {
  /** The draft's id, or the case's. */
  id: string;
  stage: RequestStage;
  /** The centre's case code, once the centre has answered. */
  caseCode: string | null;
  /** The opening of the question (what the requester recognises the request by). */
  question: string;
  /** When the draft was last saved, or the request was finished here. */
  createdAt: string;
  sentAt: string | null;
  /** The centre's receipt date (after its answer). */
  receivedDate: string | null;
  booking: Booking | null;
  decline: DeclineNotice | null;
  asked: string | null;
  recommendationSentAt: string | null;
}

const excerpt = (text: string | undefined) => (text ?? '').trim().slice(0, 140);

/** "My requests": the drafts, then the requests, newest first. */
export async function myRequests(ctx: Ctx): Promise<MyRequest[]> {
  if (ctx.profile.role !== 'requester') return [];
  const [drafts, cases, sent] = await Promise.all([ctx.db.requestDrafts.orderBy('updatedAt').reverse().toArray(), readableCases(ctx), lastSentByCase(ctx)]);
  const fromDrafts: MyRequest[] = drafts.map((draft) => ({
    id: draft.id,
    stage: 'draft',
    caseCode: null,
    question: excerpt(draft.values.question),
    createdAt: draft.updatedAt,
    sentAt: null,
    receivedDate: null,
    booking: null,
    decline: null,
    asked: null,
    recommendationSentAt: null,
  }));
  const fromCases: MyRequest[] = cases.map((record) => {
    // The desk's own request keeps its own receipt until the centre's comes back in a reply.
    const answered = record.received.channel === 'imported-file' || record.createdBy === '';
    const recommendationSentAt = record.recommendation?.sentAt ?? null;
    return {
      id: record.id,
      stage: requestStage({ status: record.status, answered, sent: sent.has(record.id), recommendationSentAt }),
      caseCode: answered ? record.caseCode : null,
      question: excerpt(record.question),
      createdAt: record.receivedAt,
      sentAt: sent.get(record.id) ?? null,
      receivedDate: answered ? record.received.date : null,
      booking: record.booking,
      decline: record.status === 'declined' ? declineNotice(record.transitions) : null,
      asked: record.status === 'more-information-requested' ? informationAsked(record.transitions) : null,
      recommendationSentAt,
    };
  });
  return [...fromDrafts, ...fromCases.toSorted((a, b) => b.createdAt.localeCompare(a.createdAt))];
}

export interface NetworkCase {
  id: string;
  caseCode: string;
  status: ConsultationRecord['status'];
  themes: readonly string[];
  ageBand: string;
  urgency: ConsultationRecord['urgency'];
  booking: Booking | null;
  draft: Pick<RecommendationDraftRow, 'state' | 'updatedAt'> | null;
  /** When this desk last sent the case's draft back. */
  sentAt: string | null;
  /** The coordinator has sent the recommendation to the requester: the desk's work on it is done. */
  recommendationSent: boolean;
}

/** The expert desk: the cases routed to the expert's network, with the state of each draft, by meeting date. */
export async function networkCases(ctx: Ctx): Promise<NetworkCase[]> {
  if (ctx.profile.role !== 'expert') return [];
  const [cases, drafts, sent] = await Promise.all([readableCases(ctx), ctx.db.recommendationDrafts.where('networkId').equals(ctx.profile.networkId).toArray(), lastSentByCase(ctx)]);
  const draftOf = new Map(drafts.map((d) => [d.id, d]));
  return cases
    .map((record) => {
      const draft = draftOf.get(record.id);
      return {
        id: record.id,
        caseCode: record.caseCode,
        status: record.status,
        themes: record.subject.themes,
        ageBand: record.subject.ageBand,
        urgency: record.urgency,
        booking: record.booking,
        draft: draft ? { state: draft.state, updatedAt: draft.updatedAt } : null,
        sentAt: sent.get(record.id) ?? null,
        recommendationSent: record.recommendation?.sentAt !== undefined && record.recommendation !== null,
      };
    })
    .toSorted((a, b) => (a.booking?.date ?? '9999').localeCompare(b.booking?.date ?? '9999') || a.caseCode.localeCompare(b.caseCode));
}

/** The draft an expert network sent back for a case (coordinator), or the expert's own draft (expert desk). */
export async function draftForCase(ctx: Ctx, caseId: string): Promise<RecommendationDraftRow | undefined> {
  const record = await ctx.db.consultations.get(caseId);
  if (!record || !canRead(ctx.profile, caseViewOf(record)) || ctx.profile.role === 'requester') return undefined;
  return ctx.db.recommendationDrafts.get(caseId);
}
