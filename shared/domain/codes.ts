/**
 * The vocabularies of a consultation request — channels, languages, outcomes, urgency, kinds,
 * services tried and the statuses of its lifecycle: plain codes every other module may use
 * (the lifecycle, routing and the record itself), so none of them needs the record to name them.
 */
export const CHANNELS = ['phone', 'email', 'form', 'letter', 'imported-file'] as const;
export const REQUESTER_LANGUAGES = ['fi', 'sv'] as const;
export const SERVICE_LANGUAGES = ['fi', 'sv', 'se', 'other'] as const;
export const HOPED_OUTCOMES = ['guidance', 'joint-meeting', 'referral-advice', 'other'] as const;
export const URGENCIES = ['normal', 'urgent'] as const;
export const REQUEST_KINDS = ['consultation', 'forensic-investigation'] as const;
/** Services already tried, as the coordinator's checklist (multi-select), plus a short free text. */
export const SERVICES_TRIED = [
  'child-welfare-open-care',
  'substitute-care',
  'family-work',
  'family-counselling',
  'school-welfare',
  'special-education',
  'child-psychiatry',
  'adolescent-psychiatry',
  'substance-services',
  'disability-services',
  'therapy',
  'other',
] as const;

export const CONSULTATION_STATUSES = [
  'received',
  'accepted',
  'declined',
  'more-information-requested',
  'routed',
  'scheduled',
  'consulted',
  'closed',
  'cancelled',
] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
export type Urgency = (typeof URGENCIES)[number];
