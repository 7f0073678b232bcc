import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from 'suomifi-ui-components';
import { useTimeline } from '../../data/useConsultations';
import { useUiStore } from '../../state/uiStore';
import { formatDateTime } from '../../format/dates';

/** A case's history from its audit events: what was done, by whom, when, and to which fields. */
export function Timeline({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const events = useTimeline(id);
  return (
    <section aria-labelledby="case-timeline">
      <Heading variant="h3" id="case-timeline">
        {t('case.timeline')}
      </Heading>
      {events === undefined ? (
        <Paragraph>{t('app.loading')}</Paragraph>
      ) : (
        <ol className="otk-timeline">
          {[...events].reverse().map((event) => (
            <li key={event.id}>
              <time dateTime={event.at}>{formatDateTime(event.at, language)}</time>{' '}
              <strong>{t(`audit.${event.action}`, event.details ?? {})}</strong> · {event.actor}
              {event.action === 'consultation.update' && event.fields.length > 0 && (
                <span className="otk-muted"> ({event.fields.map((field) => t(`auditField.${field}`)).join(', ')})</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
