import { useTranslation } from 'react-i18next';
import { Heading, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { hrefFor } from '../../services/router';
import { useUiStore } from '../../state/uiStore';
import { formatDateTime, formatIsoDate } from '../../format/dates';
import type { MyRequest } from '../../queries/desk';
import { meetingStart } from '../meetings/meeting-label';
import { Field } from '../../forms/Field';


/** What the stage means for this request: the centre's answer, the meeting, the letter, what to do next. */
function StageDetails({ request }: { request: MyRequest }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const code = request.caseCode ?? '';
  switch (request.stage) {
    case 'draft':
      return (
        <>
          <Paragraph>{t('requesterDesk.home.savedAt', { date: formatDateTime(request.createdAt, language) })}</Paragraph>
          <a className="otk-button-link" href={hrefFor({ view: 'request', id: request.id })}>
            {t('requesterDesk.home.continue')}
          </a>
        </>
      );
    case 'not-sent':
      return (
        <>
          <Paragraph>{t('requesterDesk.home.finishedAt', { date: formatDateTime(request.createdAt, language) })}</Paragraph>
          <a className="otk-button-link" href={hrefFor({ view: 'files' })}>
            {t('requesterDesk.home.send')}
          </a>
        </>
      );
    case 'sent':
      return <Paragraph>{t('requesterDesk.home.sentAt', { date: request.sentAt ? formatDateTime(request.sentAt, language) : '–' })}</Paragraph>;
    case 'information-requested':
      return (
        <InlineAlert status="warning" labelText={t('requesterDesk.home.askedHeading')} className="otk-alert">
          {request.asked && <Paragraph className="otk-pre">{request.asked}</Paragraph>}
          <Paragraph>{t('requesterDesk.home.askedHelp', { code })}</Paragraph>
        </InlineAlert>
      );
    case 'accepted':
      return <Paragraph>{t('requesterDesk.home.accepted')}</Paragraph>;
    case 'declined':
      return (
        <InlineAlert status="warning" labelText={t('requesterDesk.home.declinedHeading')} className="otk-alert">
          {request.decline && (
            <dl className="otk-fields">
              <Field label={t('requesterDesk.home.declineReason')}>{t(`lifecycle.declineReasonCode.${request.decline.reason}`)}</Field>
              {request.decline.reasonNote && (
                <Field label={t('requesterDesk.home.declineNote')}>
                  <span className="otk-pre">{request.decline.reasonNote}</span>
                </Field>
              )}
              <Field label={t('requesterDesk.home.whereToTurn')}>
                <strong className="otk-pre">{request.decline.whereToTurn}</strong>
              </Field>
            </dl>
          )}
        </InlineAlert>
      );
    case 'consulted':
      return <Paragraph>{t('requesterDesk.home.consulted')}</Paragraph>;
    case 'recommendation-received':
      return <LetterLink request={request} />;
    case 'closed':
      return (
        <>
          <Paragraph>{t('requesterDesk.home.closed')}</Paragraph>
          {request.recommendationSentAt && <LetterLink request={request} />}
        </>
      );
    case 'cancelled':
      return <Paragraph>{t('requesterDesk.home.cancelled')}</Paragraph>;
    case 'received':
    case 'meeting-booked':
      // The receipt and the meeting stand in the card's facts.
      return null;
  }
}

function LetterLink({ request }: { request: MyRequest }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  return (
    <>
      {request.recommendationSentAt && <Paragraph>{t('requesterDesk.home.recommendationOn', { date: formatDateTime(request.recommendationSentAt, language) })}</Paragraph>}
      <a className="otk-button-link" href={hrefFor({ view: 'letter', id: request.id })}>
        {t('requesterDesk.home.openLetter')}
      </a>
    </>
  );
}

/** One of "my requests": what it asks, where it stands (in words), and what that means. */
export function RequestCard({ request }: { request: MyRequest }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const headingId = `request-${request.id}`;
  const isCase = request.stage !== 'draft';
  const booking = request.booking;
  return (
    <li className="otk-case-card" data-stage={request.stage}>
      <Heading variant="h4" as="h3" id={headingId} mb="xs">
        {request.question || t('requesterDesk.home.untitled')}
      </Heading>
      <dl className="otk-fields">
        <Field label={t('requesterDesk.home.stage')}>
          <strong data-testid="request-stage">{t(`requesterDesk.stage.${request.stage}`)}</strong>
        </Field>
        {request.caseCode && <Field label={t('requesterDesk.home.caseCode')}>{request.caseCode}</Field>}
        {request.receivedDate && <Field label={t('requesterDesk.stage.received')}>{formatIsoDate(request.receivedDate, language)}</Field>}
        {booking && request.stage !== 'cancelled' && request.stage !== 'declined' && (
          <>
            <Field label={t('requesterDesk.home.meeting')}>{meetingStart(booking, language, t)}</Field>
            {booking.mode && <Field label={t('requesterDesk.home.meetingMode')}>{t(`meetingMode.${booking.mode}`, { defaultValue: booking.mode })}</Field>}
          </>
        )}
      </dl>
      <StageDetails request={request} />
      {isCase && (
        <Paragraph mt="s">
          <a href={hrefFor({ view: 'case', id: request.id })}>{t('requesterDesk.home.openRequest')}</a>
        </Paragraph>
      )}
    </li>
  );
}
