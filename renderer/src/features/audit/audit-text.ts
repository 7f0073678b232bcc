import type { TFunction } from 'i18next';
import type { AuditEvent } from '../../../../shared/domain/audit';

/** Actions whose log sentence takes details (a network, a count, a transition): named plainly in lists. */
const PARAMETRISED: ReadonlySet<string> = new Set(['consultation.route', 'consultation.import', 'consultation.transition']);

/** An action's name for the filter: its log sentence, or a plain name where the sentence needs details. */
export const actionName = (t: TFunction, action: AuditEvent['action']) => (PARAMETRISED.has(action) ? t(`audit.name.${action}`) : t(`audit.${action}`));

/** The log sentence of an event, as the case timeline writes it. */
export function eventText(t: TFunction, event: AuditEvent): string {
  const d = event.details ?? {};
  if (event.action === 'consultation.transition') {
    return t('audit.consultation.transition', { actionLabel: t(`lifecycle.action.${d.action}`), fromLabel: t(`status.${d.from}`), toLabel: t(`status.${d.to}`) });
  }
  return actionName(t, event.action);
}

/** The fields an event touched (by their labels) and its details, as one line. */
export const eventDetails = (t: TFunction, event: AuditEvent) =>
  [
    event.fields.length > 0 ? event.fields.map((field) => t(`auditField.${field}`, { defaultValue: field })).join(', ') : '',
    event.details ? Object.entries(event.details).map(([key, value]) => `${key}=${value}`).join(' ') : '',
  ]
    .filter(Boolean)
    .join(' · ');
