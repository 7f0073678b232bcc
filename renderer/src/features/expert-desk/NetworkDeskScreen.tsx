import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import { helsinkiDate } from '../../../../shared/calendar/target-date';
import { bookingLabel } from '../../../../shared/meetings/booking';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { useMeetings } from '../../queries/useMeetings';
import { LiveRegions } from '../../forms/LiveRegions';
import type { NetworkCase } from '../../queries/desk';
import { meetingStart, meetingWhen } from '../meetings/meeting-label';
import { DraftStateText } from './DraftStateText';
import { themeLabels } from './labels';
import { useDeskNetworkId, useNetworkCases } from '../../queries/expert-desk';
import { useDeskNetworkName } from './useDeskNetworkName';
import { ScreenPanel } from '../../components/ScreenPanel';
import { Section } from '../../components/Section';

/** A row header stays in its row (the table's headers are sticky for scrolling lists). */
const ROW_HEADER = { position: 'static' } as const;

/** The last day the agenda looks ahead to (a calendar date beyond any meeting). */
const FAR_FUTURE = '9999-12-31';

function CaseRow({ item }: { item: NetworkCase }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { booking } = item;
  return (
    <tr>
      <th scope="row" style={ROW_HEADER}>
        <a href={`#/case/${encodeURIComponent(item.id)}`}>{item.caseCode}</a>
      </th>
      <td>{themeLabels(item.themes, language)}</td>
      <td>{t(`ageBand.${item.ageBand}`)}</td>
      <td>{t(`urgency.${item.urgency}`)}</td>
      <td>
        {booking ? (
          <>
            {meetingStart(booking, language, t)}
            {booking.mode && ` · ${t(`meetingMode.${booking.mode}`)}`}
          </>
        ) : (
          t('expertDesk.home.noMeeting')
        )}
      </td>
      <td>
        <DraftStateText item={item} />
      </td>
      <td>
        <a href={`#/case/${encodeURIComponent(item.id)}/draft`}>
          {t(item.recommendationSent ? 'expertDesk.home.viewDraft' : 'expertDesk.home.writeDraft')}
          <span className="otk-visually-hidden"> {t('expertDesk.home.forCase', { code: item.caseCode })}</span>
        </a>
      </td>
    </tr>
  );
}

/** The network's upcoming meetings from today (its agenda), each with the desk's cases booked into it. */
function Agenda({ cases }: { cases: readonly NetworkCase[] }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { commands } = useServices();
  const networkId = useDeskNetworkId();
  const meetings = useMeetings(networkId || null, helsinkiDate(commands.now()), FAR_FUTURE);
  const codeOf = new Map(cases.map((c) => [c.id, c.caseCode]));
  return (
    <Section headingId="desk-agenda-heading" heading={t('expertDesk.home.agendaHeading')} className="otk-section">
      {meetings === undefined ? (
        <Paragraph>{t('app.loading')}</Paragraph>
      ) : meetings.length === 0 ? (
        <Paragraph>{t('expertDesk.home.noMeetings')}</Paragraph>
      ) : (
        <ul className="otk-desk-agenda">
          {meetings.map((meeting) => {
            const places = bookingLabel(meeting);
            const codes = meeting.caseIds.flatMap((id) => (codeOf.has(id) ? [codeOf.get(id)!] : []));
            return (
              <li key={meeting.id}>
                <a href={`#/meeting/${encodeURIComponent(meeting.id)}`}>{meetingWhen(meeting, language, t)}</a> · {t(`meetingMode.${meeting.mode}`)} ·{' '}
                {t('meetings.placesTaken', { booked: places.booked, capacity: places.capacity })}
                {meeting.cancelled && ` · ${t('meetings.cancelledMark')}`}
                {codes.length > 0 && ` · ${t('expertDesk.home.meetingCases', { codes: codes.join(', ') })}`}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}

/**
 * The expert desk's home (issue 11): the cases the coordinator routed to this network — without the
 * requester's contact details — with each one's meeting and the state of its recommendation draft,
 * and the network's upcoming meetings. Both follow the database, so an opened network file shows
 * at once.
 */
export function NetworkDeskScreen() {
  const { t } = useTranslation();
  const network = useDeskNetworkName();
  const cases = useNetworkCases();

  return (
    <ScreenPanel
      headingId="desk-heading"
      heading={network === undefined ? t('expertDesk.home.headingPlain') : t('expertDesk.home.heading', { network: network || t('expertDesk.home.unknownNetwork') })}
      className="otk-panel"
    >
      <div className="otk-section">
        <Paragraph>{t('expertDesk.home.intro')}</Paragraph>
      </div>
      <LiveRegions />
      <Section headingId="desk-cases-heading" heading={t('expertDesk.home.casesHeading')} className="otk-section">
        {cases === undefined ? (
          <Paragraph>{t('app.loading')}</Paragraph>
        ) : cases.length === 0 ? (
          <div data-testid="desk-empty">
            <Paragraph>{t('expertDesk.home.empty')}</Paragraph>
            <Paragraph>
              <a href="#/files">{t('expertDesk.home.openFiles')}</a>
            </Paragraph>
          </div>
        ) : (
          <table className="otk-table otk-table-plain" data-testid="desk-cases">
            <caption className="otk-visually-hidden">{t('expertDesk.home.casesCaption', { count: cases.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('list.caseCode')}</th>
                <th scope="col">{t('list.themes')}</th>
                <th scope="col">{t('intake.ageBand')}</th>
                <th scope="col">{t('list.urgency')}</th>
                <th scope="col">{t('expertDesk.home.meeting')}</th>
                <th scope="col">{t('expertDesk.home.draftState')}</th>
                <th scope="col">{t('expertDesk.home.action')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((item) => (
                <CaseRow key={item.id} item={item} />
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Agenda cases={cases ?? []} />
    </ScreenPanel>
  );
}
