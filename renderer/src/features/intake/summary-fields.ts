import type { TFunction } from 'i18next';
import { fieldId } from '../../forms/fields';
import type { SummaryField } from '../../forms/ErrorList';

/** Every field of the intake form in screen order: its path, label key, and which element takes focus. */
const FIELDS: Array<[path: string, label: string, focus?: 'first']> = [
  ['requestKind', 'intake.requestKind', 'first'],
  ['received.date', 'intake.receivedDate'],
  ['received.time', 'intake.receivedTime'],
  ['received.channel', 'intake.channel'],
  ['requester.name', 'intake.requesterName'],
  ['requester.title', 'intake.requesterTitle'],
  ['requester.organisation', 'intake.organisation'],
  ['requester.sector', 'intake.sector'],
  ['requester.region', 'intake.region'],
  ['requester.language', 'intake.requesterLanguage', 'first'],
  ['requester.phone', 'intake.phone'],
  ['requester.email', 'intake.email'],
  ['subject.ageBand', 'intake.ageBand'],
  ['subject.serviceLevel', 'intake.serviceLevel'],
  ['subject.serviceLanguage', 'intake.serviceLanguage'],
  ['subject.themes', 'intake.themes', 'first'],
  ['subject.servicesTried', 'intake.servicesTried', 'first'],
  ['subject.servicesTriedNote', 'intake.servicesTriedNote'],
  ['question', 'intake.question'],
  ['hopedOutcome', 'intake.hopedOutcome', 'first'],
  ['hopedOutcomeNote', 'intake.hopedOutcomeNote'],
  ['urgency', 'intake.urgency', 'first'],
  ['consent.mode', 'intake.consentMode', 'first'],
  ['consent.consentedBy', 'intake.consentedBy', 'first'],
  ['consent.date', 'intake.consentDate'],
  ['consent.expiry', 'intake.consentExpiry'],
  ['consent.withdrawn', 'intake.consentWithdrawn'],
  ['consent.scope', 'intake.consentScope'],
  ['consent.basis', 'intake.statutoryBasis'],
];

/** The label key the intake form shows for a field path (e.g. `requester.email` → `intake.email`). */
export const INTAKE_LABELS: ReadonlyMap<string, string> = new Map(FIELDS.map(([path, label]) => [path, label]));

export function summaryFields(t: TFunction): SummaryField[] {
  return FIELDS.map(([name, label, focus]) => ({
    name,
    label: t(label),
    inputId: focus ? `${fieldId(name)}-${focus}` : fieldId(name),
  }));
}
