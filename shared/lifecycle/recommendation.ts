import { z } from 'zod';
import { REQUESTER_LANGUAGES } from '../domain/codes';
import { choice, MSG, optionalIsoDate, requiredText } from '../domain/validation';
import { LIFECYCLE_MSG } from './messages';

export const MAX_RECOMMENDATIONS = 30;
export const MAX_NEXT_STEPS = 30;

/** One suggested next step and who should take it (a role or an organisation, never a person's identity). */
export const nextStepSchema = z.object(
  {
    step: requiredText(1000),
    by: requiredText(200),
  },
  { error: MSG.invalid },
);

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
  /** Finnish calendar date for following the case up; '' when none. */
  followUpDate: optionalIsoDate(),
};

/** What the 'consult' action records: the recommendation before it is sent. */
export const recommendationDraftSchema = z.object(recommendationShape, { error: MSG.invalid });

/**
 * The recommendation as stored on the case. `sentAt` (ISO 8601 instant) is set by the command that
 * performs the 'send-recommendation' action, from that transition's time — not typed by the user.
 */
export const recommendationSchema = z.object(
  {
    ...recommendationShape,
    sentAt: z.iso.datetime({ offset: true, error: MSG.invalid }).optional(),
  },
  { error: MSG.invalid },
);

export type RecommendationDraftInput = z.input<typeof recommendationDraftSchema>;
export type RecommendationDraft = z.output<typeof recommendationDraftSchema>;
export type RecommendationInput = z.input<typeof recommendationSchema>;
export type Recommendation = z.output<typeof recommendationSchema>;
export type NextStep = z.output<typeof nextStepSchema>;
