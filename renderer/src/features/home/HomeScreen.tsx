import { Section } from '../../components/Section';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import type { CaseRow } from '../../../../shared/domain/case-row';
import { HOME_LISTS, homeLists, type HomeList } from '../../../../shared/worklist/home';
import { weekOf } from '../../../../shared/meetings/occurrences';
import { helsinkiDate } from '../../../../shared/calendar/target-date';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { useNetworks } from '../../queries/useNetworks';
import { useMeetings } from '../../queries/useMeetings';
import { useStatusCount } from '../../queries/useConsultations';
import { formatIsoDate } from '../../format/dates';
import { meetingWhen } from '../meetings/meeting-label';
import { ScreenPanel } from '../../components/ScreenPanel';
import { BackupStatus } from '../backup/BackupStatus';

/** How many cases each list shows (the count always covers all). */
const SHOWN = 8;

function CaseList({ id, rows, detail }: { id: HomeList; rows: CaseRow[]; detail: (row: CaseRow) => string }) {
  const { t } = useTranslation();
  return (
    // A list is marked (the overdue one red) only when something is on it.
    <Section
      headingId={`home-${id}`}
      heading={
        <>
          {t(`home.${id}`)} <span className="otk-count" data-testid={`home-count-${id}`}>{rows.length}</span>
        </>
      }
      className={`otk-home-card otk-home-${id}${rows.length > 0 ? ' otk-home-nonempty' : ''}`}
    >
      {rows.length === 0 ? (
        <Paragraph className="otk-muted">{t('home.nothing')}</Paragraph>
      ) : (
        <ul>
          {rows.slice(0, SHOWN).map((row) => (
            <li key={row.id}>
              <a href={`#/case/${encodeURIComponent(row.id)}`}>{row.caseCode}</a> · {detail(row)}
            </li>
          ))}
          {rows.length > SHOWN && <li className="otk-muted">{t('home.more', { count: rows.length - SHOWN })}</li>}
        </ul>
      )}
    </Section>
  );
}

/**
 * The coordinator's day and week on one screen: new requests to accept, cases to route, this
 * week's meetings, cases overdue against their target date, recommendations not yet sent and
 * follow-ups due. Every item opens its case; counts follow every change live (the case index's
 * change feed and a live query on this week's meetings).
 */
export function HomeScreen() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { caseIndex, commands } = useServices();
  const today = helsinkiDate(commands.now());
  const [weekStart, weekEnd] = useMemo(() => {
    const days = weekOf(today);
    return [days[0]!, days[6]!];
  }, [today]);
  useEffect(() => void caseIndex.start(), [caseIndex]);
  const version = useSyncExternalStore(
    (listener) => caseIndex.subscribe(listener),
    () => caseIndex.getVersion(),
  );
  // One pass over every list row, only when the rows or the day change (not on every render).
  const lists = useMemo(() => (version === 0 ? null : homeLists(caseIndex.rows(), today, weekEnd)), [caseIndex, version, today, weekEnd]);
  const meetings = useMeetings(null, weekStart, weekEnd);
  const received = useStatusCount('received');
  const accepted = useStatusCount('accepted');
  const networks = useNetworks();
  const networkName = (id: string) => networks?.find((n) => n.id === id)?.name[language] ?? '';

  const detail: Record<HomeList, (row: CaseRow) => string> = {
    awaitingAcceptance: (row) => t('home.receivedOn', { date: formatIsoDate(row.receivedDate, language) }),
    toRoute: (row) => t('home.targetOn', { date: formatIsoDate(row.targetDate, language) }),
    overdue: (row) => `${t(`status.${row.status}`)} · ${t('home.overdueSince', { date: formatIsoDate(row.targetDate, language) })}`,
    recommendationsUnsent: (row) => t('home.targetOn', { date: formatIsoDate(row.targetDate, language) }),
    followUpsDue: (row) => t('home.followUpOn', { date: formatIsoDate(row.followUpDate, language) }),
  };

  return (
    <ScreenPanel headingId="home-heading" heading={t('home.heading', { date: formatIsoDate(today, language) })} className="otk-panel">
      <div className="otk-row-actions">
        <a className="otk-button-link" href="#/new">
          {t('list.new')}
        </a>
        <a className="otk-button-link" href="#/cases">
          {t('home.allCases')}
        </a>
      </div>
      <BackupStatus />
      {!lists ? (
        <>
          {/* While 100 000 list rows load, the counters already tell the two numbers that matter first. */}
          <dl className="otk-headline">
            <div>
              <dt>{t('home.awaitingAcceptance')}</dt>
              <dd data-testid="home-early-awaitingAcceptance">{received ?? '…'}</dd>
            </div>
            <div>
              <dt>{t('home.toRoute')}</dt>
              <dd>{accepted ?? '…'}</dd>
            </div>
          </dl>
          <Paragraph role="status">{t('home.loading')}</Paragraph>
        </>
      ) : (
        <div className="otk-home-grid">
          {HOME_LISTS.slice(0, 2).map((id) => (
            <CaseList key={id} id={id} rows={lists[id]} detail={detail[id]} />
          ))}
          <Section
            headingId="home-meetings"
            heading={
              <>
                {t('home.meetingsThisWeek')} <span className="otk-count" data-testid="home-count-meetings">{meetings?.filter((m) => !m.cancelled).length ?? 0}</span>
              </>
            }
            className="otk-home-card"
          >
            {!meetings || meetings.length === 0 ? (
              <Paragraph className="otk-muted">{t('home.nothing')}</Paragraph>
            ) : (
              <ul>
                {meetings.map((meeting) => (
                  <li key={meeting.id}>
                    <a href={`#/meeting/${encodeURIComponent(meeting.id)}`}>{meetingWhen(meeting, language, t)}</a> · {networkName(meeting.networkId)} ·{' '}
                    {t('meetings.placesTaken', { booked: meeting.caseIds.length, capacity: meeting.capacity })}
                    {meeting.cancelled && ` · ${t('meetings.cancelledMark')}`}
                  </li>
                ))}
              </ul>
            )}
          </Section>
          {HOME_LISTS.slice(2).map((id) => (
            <CaseList key={id} id={id} rows={lists[id]} detail={detail[id]} />
          ))}
        </div>
      )}
    </ScreenPanel>
  );
}
