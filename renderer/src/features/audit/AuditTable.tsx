import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import type { AuditEvent } from '../../../../shared/domain/audit';
import { useUiStore } from '../../state/uiStore';
import { formatDateTime } from '../../format/dates';
import { eventDetails, eventText } from './audit-text';

/** The events read so far, newest first (a case by its code once the case index has it), and the way to read more. */
export function AuditTable({
  events,
  more,
  busy,
  onMore,
  codeOf,
}: {
  events: AuditEvent[];
  more: boolean;
  busy: boolean;
  onMore: () => void;
  codeOf: (id: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  return (
    <>
      <div className="otk-table-scroll" role="region" aria-label={t('audit.tableLabel')} tabIndex={0}>
        <table className="otk-table" data-testid="audit-table">
          <caption>{t('audit.caption', { count: events.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.target')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td>{formatDateTime(event.at, language)}</td>
                <td>{event.actor}</td>
                <td>{eventText(t, event)}</td>
                <td>{event.entity === 'consultation' ? (codeOf(event.entityId) ?? event.entityId) : `${event.entity} ${event.entityId}`}</td>
                <td>{eventDetails(t, event)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more && (
        <Button variant="secondary" className="otk-no-print" disabled={busy} onClick={onMore}>
          {t('audit.more')}
        </Button>
      )}
    </>
  );
}
