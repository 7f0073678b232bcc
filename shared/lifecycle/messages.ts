/**
 * i18n keys of the lifecycle's own messages (`lifecycle.*`). Field messages reuse `validation.*`
 * (MSG in ../domain/validation) wherever one fits; parameters travel encoded with the key
 * (see ../domain/messages).
 */
export const LIFECYCLE_MSG = {
  /** params: action, status, allowed (comma-separated action codes; the UI shows their labels). */
  notAllowed: 'lifecycle.notAllowed',
  /** params: action, status — the case is in a final state and nothing can be done with it. */
  noActions: 'lifecycle.noActions',
  /** params: action — the data of an allowed action has issues, listed field by field. */
  invalidData: 'lifecycle.invalidData',
  /** The recommendation was marked sent already: sending happens once. */
  alreadySent: 'lifecycle.alreadySent',
  /** params: date, time — the booked meeting has not begun: record the consultation after it. */
  meetingAhead: 'lifecycle.meetingAhead',
  /** A recommendation without a single recommended item. */
  recommendationsRequired: 'lifecycle.recommendationsRequired',
} as const;

/** Prefixes of the label keys: `lifecycle.action.<action>`, `lifecycle.declineReasonCode.<code>`, … */
export const LIFECYCLE_LABEL_PREFIX = {
  action: 'lifecycle.action.',
  declineReason: 'lifecycle.declineReasonCode.',
  outcome: 'closeOut.outcomeCode.',
  otherwiseSought: 'closeOut.otherwiseSoughtCode.',
} as const;
