import { z } from 'zod';
import { MSG, optionalText } from '../domain/validation';
import { oneLineText } from '../reference/methods';
import criteriaJson from '../reference/data/ot-criteria.json';

/**
 * OT-level criteria (issue 21): a short checklist that records why a request was accepted (or
 * declined) as an OT-level consultation. The national definition is still open, so the list is
 * the centre's own: shipped as a documented default (reference/data/ot-criteria.json), edited in
 * Settings, and every save is a new version. A criterion is deactivated, never removed, and 'other'
 * (with a short text) is always there. A decision keeps the version it was made under and the
 * labels of the criteria it met, so it reads the same later and at another installation.
 */

export const OTHER_CRITERION = 'other';
export const CRITERION_CODE = /^[a-z0-9][a-z0-9-]{1,40}$/;
export const MAX_CRITERIA = 20;
export const CRITERIA_MSG = {
  otherRequired: 'validation.criteriaOtherRequired',
  unknown: 'validation.criterionUnknown',
  removed: 'validation.criterionRemoved',
  otherKept: 'validation.criterionOtherKept',
} as const;

const labelsSchema = z.object({ fi: oneLineText(200), sv: oneLineText(200), en: oneLineText(200) }, { error: MSG.invalid });
export type CriterionLabels = z.output<typeof labelsSchema>;

export const criterionSchema = z.object(
  {
    code: z.string({ error: MSG.invalid }).regex(CRITERION_CODE, MSG.invalid),
    fi: oneLineText(200),
    sv: oneLineText(200),
    en: oneLineText(200),
    /** Offered on new decisions; a deactivated criterion still labels the decisions that used it. */
    active: z.boolean().default(true),
  },
  { error: MSG.invalid },
);
export type CriterionInput = z.input<typeof criterionSchema>;
export type Criterion = z.output<typeof criterionSchema>;

export const criteriaListSchema = z
  .object(
    {
      version: z.number().int().min(1),
      /** When this version was saved (ISO instant); null for the shipped default. */
      savedAt: z.iso.datetime({ offset: true }).nullable().default(null),
      criteria: z.array(criterionSchema, { error: MSG.invalid }).min(1).max(MAX_CRITERIA, MSG.tooLong),
    },
    { error: MSG.invalid },
  )
  .superRefine((list, ctx) => {
    const codes = list.criteria.map((c) => c.code);
    codes.forEach((code, i) => {
      if (codes.indexOf(code) !== i) ctx.addIssue({ code: 'custom', path: ['criteria', i, 'code'], message: MSG.invalid });
    });
    const other = list.criteria.find((c) => c.code === OTHER_CRITERION);
    if (!other?.active) ctx.addIssue({ code: 'custom', path: ['criteria'], message: CRITERIA_MSG.otherKept });
  });
export type CriteriaList = z.output<typeof criteriaListSchema>;

const shipped = z.object({ note: z.string().min(1), version: z.literal(1), criteria: z.array(criterionSchema).min(2) }).parse(criteriaJson);
/** The shipped default list (version 1). */
export const DEFAULT_CRITERIA: CriteriaList = criteriaListSchema.parse({ version: 1, savedAt: null, criteria: shipped.criteria });

/** What the accept and decline forms send: the criteria met, and the text that 'other' needs. */
const criteriaChoiceShape = {
  met: z
    .array(z.string().regex(CRITERION_CODE, MSG.invalid), { error: MSG.invalid })
    .max(MAX_CRITERIA, MSG.invalid)
    .refine((codes) => new Set(codes).size === codes.length, MSG.invalid)
    .default([]),
  otherNote: optionalText(500),
};
const otherNeedsNote = {
  check: (c: { met?: unknown; otherNote?: unknown }) => !Array.isArray(c.met) || !c.met.includes(OTHER_CRITERION) || (typeof c.otherNote === 'string' && c.otherNote.trim() !== ''),
  params: { path: ['otherNote'], message: CRITERIA_MSG.otherRequired, when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null },
};
export const criteriaChoiceSchema = z.object(criteriaChoiceShape, { error: MSG.invalid }).refine(otherNeedsNote.check, otherNeedsNote.params);
export type CriteriaChoiceInput = z.input<typeof criteriaChoiceSchema>;

/**
 * The criteria as a decision keeps them (transition data of 'accept' and 'decline'): the choice,
 * the list version it was made under and the labels of the criteria met then. The accepting
 * command fills `version` and `labels` from the list in force; the form sends only the choice.
 */
export const criteriaRecordSchema = z
  .object(
    {
      ...criteriaChoiceShape,
      version: z.number().int().min(1),
      labels: z.record(z.string().regex(CRITERION_CODE), labelsSchema).default({}),
    },
    { error: MSG.invalid },
  )
  .refine(otherNeedsNote.check, otherNeedsNote.params);
export type CriteriaRecord = z.output<typeof criteriaRecordSchema>;

/** The latest of the saved versions, or the shipped default. */
export function currentCriteria(versions: readonly CriteriaList[]): CriteriaList {
  return versions.reduce<CriteriaList>((latest, v) => (v.version > latest.version ? v : latest), DEFAULT_CRITERIA);
}

/**
 * Checks a choice against the list in force and freezes it: unknown or deactivated codes are
 * refused (issues by path, as the commands' ValidationError carries them).
 */
export function freezeChoice(list: CriteriaList, choice: z.output<typeof criteriaChoiceSchema>): { ok: true; record: CriteriaRecord } | { ok: false; issues: Array<{ path: string; message: string }> } {
  const active = new Map(list.criteria.filter((c) => c.active).map((c) => [c.code, c]));
  const issues = choice.met.flatMap((code, i) => (active.has(code) ? [] : [{ path: `criteria.met.${i}`, message: CRITERIA_MSG.unknown }]));
  if (issues.length > 0) return { ok: false, issues };
  const labels = Object.fromEntries(choice.met.map((code) => [code, { fi: active.get(code)!.fi, sv: active.get(code)!.sv, en: active.get(code)!.en }]));
  return { ok: true, record: { met: [...choice.met], otherNote: choice.met.includes(OTHER_CRITERION) ? choice.otherNote : '', version: list.version, labels } };
}

/**
 * The next version of the list from the edited criteria: every code of the current version stays
 * (deactivated at most), 'other' stays active and last. Returns the issues instead when the edit
 * breaks a rule.
 */
export function nextCriteriaVersion(current: CriteriaList, edited: readonly CriterionInput[], savedAt: string): { ok: true; list: CriteriaList } | { ok: false; issues: Array<{ path: string; message: string }> } {
  const parsed = criteriaListSchema.safeParse({ version: current.version + 1, savedAt, criteria: edited });
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })) };
  const kept = new Set(parsed.data.criteria.map((c) => c.code));
  const removed = current.criteria.filter((c) => !kept.has(c.code));
  if (removed.length > 0) return { ok: false, issues: [{ path: 'criteria', message: CRITERIA_MSG.removed }] };
  const others = parsed.data.criteria.filter((c) => c.code !== OTHER_CRITERION);
  const other = parsed.data.criteria.find((c) => c.code === OTHER_CRITERION)!;
  return { ok: true, list: { ...parsed.data, criteria: [...others, other] } };
}

/** A criterion's label in a language: from the decision's frozen labels, any saved version, or the code itself. */
export function criterionLabel(code: string, language: 'fi' | 'sv' | 'en', versions: readonly CriteriaList[], frozen?: Readonly<Record<string, CriterionLabels>>): string {
  const own = frozen?.[code];
  if (own) return own[language];
  const all = [...versions, DEFAULT_CRITERIA].toSorted((a, b) => b.version - a.version);
  for (const list of all) {
    const found = list.criteria.find((c) => c.code === code);
    if (found) return found[language];
  }
  return code;
}

/** A code for a new criterion from a random UUID (v7: the tail is random). */
export function newCriterionCode(uuid: string): string {
  return `c-${uuid.replace(/-/g, '').slice(-8)}`;
}
