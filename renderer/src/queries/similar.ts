import type { CaseRow } from '../../../shared/domain/case-row';
import type { ConsultationRecord } from '../../../shared/domain/consultation';
import { rankSimilar, type AgeRelation } from '../../../shared/knowledge/similarity';
import { recommendedMethods, type StepKind } from '../../../shared/lifecycle/recommendation';
import { scanText } from '../../../shared/privacy/identifier-guard';
import { canRead, type Profile } from '../../../shared/protection/roles';
import { caseViewOf } from '../access/guards';
import { rowVisibleTo } from './row-visibility';
import type { OtkDatabase } from '../db/schema';
import { consultationById } from './consultations';

/**
 * Similar earlier consultations of a case (issue 21), for the case view and the expert's draft
 * editor. Ranked from the in-memory list index (only the cases this profile may see; purged
 * cases are not in it) by shared/knowledge/similarity, then the few listed are read by id, each
 * checked again against the role table.
 *
 * Purpose limitation: the free text of an earlier case (its question, the recommendation's text
 * and steps) is shown only when that case is anonymous and the identifier guard finds nothing in
 * any of it; otherwise only the structured parts — themes, age band, service level, the methods
 * named and the kinds of the steps. Reading is audited by the caller (commands/similar-view).
 */

export interface SimilarText {
  question: string;
  questionSummary: string;
  items: Array<{ text: string; methods: readonly string[] }>;
  steps: Array<{ step: string; by: string; kind?: StepKind }>;
}

export interface SimilarItem {
  id: string;
  caseCode: string;
  receivedAt: string;
  status: ConsultationRecord['status'];
  themes: readonly string[];
  ageBand: string;
  serviceLevel: string;
  /** Why it is listed. */
  sharedThemes: readonly string[];
  age: AgeRelation;
  sameLevel: boolean;
  /** The methods the recommendation names (first), and the kinds of its steps. */
  methods: string[];
  stepKinds: StepKind[];
  recommendationCount: number;
  /** The free text, or null with the reason it is not shown. */
  text: SimilarText | null;
  withheld: 'not-anonymous' | 'identifier' | null;
  /** The profile may open the case itself. */
  mayOpen: boolean;
}

function textOf(record: ConsultationRecord): SimilarText {
  const r = record.recommendation;
  return {
    question: record.question,
    questionSummary: r?.questionSummary ?? '',
    items: (r?.recommendations ?? []).map((text, i) => ({ text, methods: r?.methods?.[i] ?? [] })),
    steps: (r?.nextSteps ?? []).map((s) => ({ step: s.step, by: s.by, ...(s.kind ? { kind: s.kind } : {}) })),
  };
}

/** Is every piece of the text free of anything the identifier guard finds (names of kinds, never the values)? */
function clean(text: SimilarText, now: Date): boolean {
  const pieces = [text.question, text.questionSummary, ...text.items.map((i) => i.text), ...text.steps.flatMap((s) => [s.step, s.by])];
  return pieces.every((piece) => piece === '' || scanText(piece, now).length === 0);
}

export async function similarConsultations(
  ctx: { db: OtkDatabase; profile: Profile; now: Date },
  index: { rows(): readonly CaseRow[] },
  caseId: string,
  limit = 5,
): Promise<{ caseCode: string; items: SimilarItem[] } | null> {
  const { db, profile, now } = ctx;
  const target = await consultationById(db, profile, caseId);
  if (!target) return null;
  const probe = { id: target.id, ageBand: target.subject.ageBand, themes: target.subject.themes, serviceLevel: target.subject.serviceLevel };
  const matches = rankSimilar(probe, index.rows(), { now, limit, visible: rowVisibleTo(profile) });
  const records = await db.consultations.bulkGet(matches.map((m) => m.id));
  const items: SimilarItem[] = [];
  matches.forEach((match, i) => {
    const record = records[i];
    if (!record || !canRead(profile, caseViewOf(record))) return;
    const text = textOf(record);
    const anonymous = record.consent.mode === 'anonymous';
    const shown = anonymous && clean(text, now);
    items.push({
      id: record.id,
      caseCode: record.caseCode,
      receivedAt: record.receivedAt,
      status: record.status,
      themes: record.subject.themes,
      ageBand: record.subject.ageBand,
      serviceLevel: record.subject.serviceLevel,
      sharedThemes: match.sharedThemes,
      age: match.age,
      sameLevel: match.sameLevel,
      methods: recommendedMethods(record.recommendation),
      stepKinds: (record.recommendation?.nextSteps ?? []).flatMap((s) => (s.kind ? [s.kind] : [])),
      recommendationCount: record.recommendation?.recommendations.length ?? 0,
      text: shown ? text : null,
      withheld: shown ? null : anonymous ? 'identifier' : 'not-anonymous',
      mayOpen: true,
    });
  });
  return { caseCode: target.caseCode, items };
}
