import { z } from 'zod';
import { REQUESTER_LANGUAGES } from '../domain/codes';
import { choice, MSG, optionalIsoDate, requiredText } from '../domain/validation';
import { LIFECYCLE_MSG } from './messages';
import { METHOD_CODE } from '../reference/methods';

export const MAX_RECOMMENDATIONS = 30;
export const MAX_NEXT_STEPS = 30;
/** Methods one recommended item may name. */
export const MAX_METHODS_PER_ITEM = 10;

/**
 * What kind of step a next step is (issue 21): the structured part of a step that may be shown
 * where its free text may not (similar earlier consultations of consented or statutory cases).
 */
export const STEP_KINDS = ['method', 'assessment', 'service', 'network-meeting', 'guidance', 'other'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** One suggested next step and who should take it (a role or an organisation, never a person's identity). */
export const nextStepSchema = z.object(
  {
    step: requiredText(1000),
    by: requiredText(200),
    /** Absent in steps written before issue 21, and when not chosen. */
    kind: z.enum(STEP_KINDS, { error: MSG.choose }).optional(),
  },
  { error: MSG.invalid },
);

const methodCodes = z
  .array(z.string({ error: MSG.invalid }).regex(METHOD_CODE, MSG.invalid), { error: MSG.invalid })
  .max(MAX_METHODS_PER_ITEM, MSG.tooLong)
  .refine((codes) => new Set(codes).size === codes.length, MSG.invalid);

/**
 * The fields of the written recommendation the experts give after the meeting. It is written in
 * the requester's language (the UI proposes `requester.language`; the schema does not enforce it).
 */
const recommendationShape = {
  language: choice(REQUESTER_LANGUAGES),
  /** The question as the experts understood it. */
  questionSummary: requiredText(3000),
  /** The experts' recommendations, one item each; at least one. */
  recommendations: z
    .array(requiredText(3000), { error: LIFECYCLE_MSG.recommendationsRequired })
    .min(1, LIFECYCLE_MSG.recommendationsRequired)
    .max(MAX_RECOMMENDATIONS, MSG.tooLong),
  nextSteps: z.array(nextStepSchema, { error: MSG.invalid }).max(MAX_NEXT_STEPS, MSG.tooLong).default([]),
  /**
   * The evidence-based methods each recommended item names (issue 21): `methods[i]` belongs to
   * `recommendations[i]` (codes of the methods catalogue, shipped or local). Shorter than the
   * items, or absent, in recommendations written before; never longer.
   */
  methods: z.array(methodCodes, { error: MSG.invalid }).max(MAX_RECOMMENDATIONS, MSG.tooLong).default([]),
  /** Finnish calendar date for following the case up; '' when none. */
  followUpDate: optionalIsoDate(),
};

/** Every method list belongs to a recommended item. */
const methodsFitItems = {
  check: (r: { recommendations?: unknown; methods?: unknown }) => !Array.isArray(r.methods) || !Array.isArray(r.recommendations) || r.methods.length <= r.recommendations.length,
  params: { path: ['methods'], message: MSG.invalid },
};

/** What the 'consult' action records: the recommendation before it is sent. */
export const recommendationDraftSchema = z.object(recommendationShape, { error: MSG.invalid }).refine(methodsFitItems.check, methodsFitItems.params);

/**
 * The recommendation as stored on the case. `sentAt` (ISO 8601 instant) is set by the command that
 * performs the 'send-recommendation' action, from that transition's time — not typed by the user.
 */
export const recommendationSchema = z
  .object(
    {
      ...recommendationShape,
      sentAt: z.iso.datetime({ offset: true, error: MSG.invalid }).optional(),
    },
    { error: MSG.invalid },
  )
  .refine(methodsFitItems.check, methodsFitItems.params);

/** The methods a recommendation names, each once, in the order they first appear. */
export function recommendedMethods(recommendation: { methods?: ReadonlyArray<readonly string[]> } | null | undefined): string[] {
  return [...new Set((recommendation?.methods ?? []).flat())];
}

export type RecommendationDraftInput = z.input<typeof recommendationDraftSchema>;
export type RecommendationDraft = z.output<typeof recommendationDraftSchema>;
export type RecommendationInput = z.input<typeof recommendationSchema>;
export type Recommendation = z.output<typeof recommendationSchema>;
export type NextStep = z.output<typeof nextStepSchema>;
