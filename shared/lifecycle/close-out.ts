import { z } from 'zod';
import { choice, MSG, optionalText } from '../domain/validation';

/** The outcome of a consultation, as in eConsult's mandatory close-out survey. */
export const CLOSE_OUT_OUTCOMES = [
  /** Guidance was sufficient at the current service level. */
  'guidance-sufficient',
  /** A referral to a special-level service is recommended. */
  'special-level-referral',
  /** Joint work with the network. */
  'network-joint-work',
  /** A child welfare notification is recommended. */
  'child-welfare-notification',
  /** Further consultation is needed. */
  'further-consultation',
] as const;
export type CloseOutOutcome = (typeof CLOSE_OUT_OUTCOMES)[number];

/** "Without this consultation the requester would have sought a more demanding service": */
export const OTHERWISE_SOUGHT = [
  /** … and now did not need to (a more demanding service was avoided). */
  'avoided',
  /** … and still needs it. */
  'still-needed',
  /** … not before, but the consultation showed that one is needed. */
  'newly-prompted',
  'not-applicable',
] as const;
export type OtherwiseSought = (typeof OTHERWISE_SOUGHT)[number];

/** The close-out the 'close' action requires. Codes only feed the summaries; the note never does. */
export const closeOutSchema = z.object(
  {
    outcome: choice(CLOSE_OUT_OUTCOMES),
    wouldOtherwiseHaveSought: choice(OTHERWISE_SOUGHT),
    note: optionalText(1000),
  },
  { error: MSG.invalid },
);

export type CloseOutInput = z.input<typeof closeOutSchema>;
export type CloseOut = z.output<typeof closeOutSchema>;
