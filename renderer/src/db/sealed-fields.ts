/**
 * Which fields of which table are sensitive and stored sealed (AES-256-GCM under the installation's
 * data key; see ./sealing). Indexed fields are never listed: codes, dates, statuses and ids stay
 * queryable and carry no free text. Everything a person wrote or that names a person is here:
 * the requester and their contact, the question and its notes, services tried, consent details,
 * routing reasons, lifecycle notes, the recommendation, the close-out, conflict copies, quarantined
 * records, the meetings' free-text place and notes, and the desks' drafts.
 */
export const SEALED_FIELDS = {
  consultations: ['requester', 'question', 'hopedOutcomeNote', 'subject', 'consent', 'routing', 'transitions', 'recommendation', 'closeOut'],
  caseRows: ['requesterName', 'organisation'],
  requesters: ['name', 'title', 'organisation', 'phone', 'email'],
  conflicts: ['losing'],
  quarantine: ['record'],
  meetings: ['location', 'notes'],
  recommendationDrafts: ['recommendation', 'by'],
  requestDrafts: ['values'],
} as const satisfies Record<string, readonly string[]>;

export type SealedTable = keyof typeof SEALED_FIELDS;

/** The property that holds a record's sealed fields (one sealed value per record). */
export const SEALED_PROPERTY = 'sealed';

export function isSealedTable(name: string): name is SealedTable {
  return Object.hasOwn(SEALED_FIELDS, name);
}
