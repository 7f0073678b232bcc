import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import { hrefFor } from '../../services/router';
import { LiveRegions } from '../../forms/LiveRegions';
import { RequestCard } from './RequestCard';
import { useMyRequests } from '../../queries/requester-desk';
import { ScreenPanel } from '../../components/ScreenPanel';

/**
 * The requester's home (issue 11): "my requests" — drafts, requests not yet sent, sent, and what
 * the OT-keskus answered (received, more information asked, accepted, declined with where to
 * turn instead, the meeting, the recommendation letter). Live: an imported reply updates it.
 */
export function MyRequestsScreen() {
  const { t } = useTranslation();
  const requests = useMyRequests();
  return (
    <ScreenPanel
      headingId="my-requests-heading"
      heading={t('requesterDesk.home.heading')}
      intro={t('requesterDesk.home.intro')}
      introMargin="m"
      className="otk-panel"
    >
      <div className="otk-row-actions">
        <a className="otk-button-link" href={hrefFor({ view: 'request', id: 'new' })}>
          {t('requesterDesk.home.newRequest')}
        </a>
        <a className="otk-button-link" href={hrefFor({ view: 'files' })}>
          {t('requesterDesk.home.files')}
        </a>
      </div>
      <LiveRegions />
      {requests === undefined ? (
        <Paragraph role="status">{t('app.loading')}</Paragraph>
      ) : requests.length === 0 ? (
        <Paragraph className="otk-muted">{t('requesterDesk.home.empty')}</Paragraph>
      ) : (
        <ul className="otk-candidates" aria-label={t('requesterDesk.home.listLabel')} data-testid="my-requests">
          {requests.map((request) => (
            <RequestCard key={request.id} request={request} />
          ))}
        </ul>
      )}
    </ScreenPanel>
  );
}
