import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, DropdownItem, Heading, Paragraph } from 'suomifi-ui-components';
import { addWeeks, weekOf } from '../../../../shared/meetings/occurrences';
import { buildWeekView } from '../../../../shared/meetings/week-view';
import { networkSlots } from '../../../../shared/meetings/network-slots';
import { helsinkiDate } from '../../../../shared/calendar/target-date';
import { useServices } from '../../services/services';
import { navigate } from '../../services/router';
import { useUiStore } from '../../state/uiStore';
import { useNetworks } from '../../queries/useNetworks';
import { useMeetings } from '../../queries/useMeetings';
import { useSettings } from '../../queries/useSettings';
import { saveMeeting } from '../../commands/meetings';
import { canWrite } from '../../../../shared/protection/roles';
import { formatIsoDate } from '../../format/dates';
import { MeetingForm, toMeetingValues } from './MeetingForm';
import { ScreenPanel } from '../../components/ScreenPanel';
import { Section } from '../../components/Section';

/**
 * The consultation meetings of one network, a week at a time, like a calendar: each day's meetings
 * with their places taken, and the free occurrences of the network's meeting rhythm. A meeting opens
 * its agenda; an ad hoc meeting can be added here.
 */
export function MeetingsScreen({ query }: { query: URLSearchParams }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const flash = useUiStore((s) => s.flash);
  const { commands } = useServices();
  const networks = useNetworks();
  const today = helsinkiDate(commands.now());
  const week = weekOf(query.get('week') ?? today);
  const monday = week[0]!;
  const settings = useSettings();
  // An expert desk sees its own network's meetings only. Otherwise, without a choice in the address:
  // the first network of this centre's own area.
  const ownNetwork = commands.profile.role === 'expert' ? commands.profile.networkId : '';
  const networkId = ownNetwork || query.get('network') || networks?.find((n) => n.area === settings?.centreArea)?.id || networks?.[0]?.id || '';
  const meetings = useMeetings(networkId || null, week[0]!, week[6]!);
  const [adding, setAdding] = useState(false);
  const network = networks?.find((n) => n.id === networkId);

  const view = useMemo(
    () => (network && meetings ? buildWeekView({ date: monday, meetings, slots: networkSlots(network), today }) : null),
    [network, meetings, monday, today],
  );
  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(query);
    for (const [key, value] of Object.entries(changes)) next.set(key, value);
    navigate({ view: 'meetings', query: next });
  };

  if (!networks) return <Paragraph>{t('app.loading')}</Paragraph>;
  return (
    <ScreenPanel headingId="meetings-heading" heading={t('meetings.heading')} className="otk-panel">
      {ownNetwork ? (
        <Paragraph>{t('expertDesk.meetings.ownNetwork', { network: network?.name[language] ?? '' })}</Paragraph>
      ) : (
        <div className="otk-filter-row">
          <Dropdown labelText={t('meetings.network')} value={networkId || null} onChange={(value) => go({ network: value })} fullWidth>
            {networks.map((n) => (
              <DropdownItem key={n.id} value={n.id}>
                {n.name[language]}
              </DropdownItem>
            ))}
          </Dropdown>
        </div>
      )}
      <nav className="otk-row-actions otk-week-nav" aria-label={t('meetings.weekNavigation')}>
        <Button variant="secondary" onClick={() => go({ week: addWeeks(week[0]!, -1) })}>
          {t('meetings.previousWeek')}
        </Button>
        <Button variant="secondary" onClick={() => go({ week: today })}>
          {t('meetings.thisWeek')}
        </Button>
        <Button variant="secondary" onClick={() => go({ week: addWeeks(week[0]!, 1) })}>
          {t('meetings.nextWeek')}
        </Button>
        {canWrite(commands.profile, 'meeting.update') && <Button onClick={() => setAdding(true)}>{t('meetings.addAdHoc')}</Button>}
      </nav>
      {adding && (
        <Section headingId="adhoc-heading" heading={t('meetings.addAdHoc')} className="otk-section">
          <MeetingForm
            initial={toMeetingValues({ networkId, date: week[0]! < today ? today : week[0]! })}
            networks={networks}
            headingId="adhoc-heading"
            submitLabel={t('meetings.save')}
            editing={false}
            onSave={async (input) => {
              const meeting = await saveMeeting(commands, input);
              setAdding(false);
              flash(t('meetings.saved'), window.location.hash);
              go({ week: meeting.date, network: meeting.networkId });
            }}
            onCancel={() => setAdding(false)}
          />
        </Section>
      )}
      {view && (
        <Section
          headingId="week-heading"
          heading={t('meetings.weekHeading', { week: view.week, from: formatIsoDate(week[0]!, language), to: formatIsoDate(week[6]!, language) })}
        >
          <ol className="otk-week">
            {view.days.map((day) => (
              <li key={day.date} className={day.date === today ? 'otk-day otk-today' : 'otk-day'}>
                <Heading variant="h4" as="h4">
                  {t(`weekday.${day.weekday}`)} {formatIsoDate(day.date, language)}
                  {day.date === today && ` (${t('meetings.today')})`}
                </Heading>
                {day.holiday && <Paragraph className="otk-muted">{t('meetings.holidayDay')}</Paragraph>}
                {day.entries.length === 0 ? (
                  <Paragraph className="otk-muted">{t('meetings.noneThatDay')}</Paragraph>
                ) : (
                  <ul>
                    {day.entries.map((entry) => (
                      <li key={entry.meetingId ?? entry.slotId} className={entry.kind === 'meeting' ? 'otk-entry-meeting' : 'otk-entry-free'}>
                        {entry.kind === 'meeting' ? (
                          <a href={`#/meeting/${encodeURIComponent(entry.meetingId!)}`}>
                            {entry.time} · {t(`meetingMode.${entry.mode}`)} · {t('meetings.placesTaken', { booked: entry.booked, capacity: entry.capacity })}
                            {entry.cancelled && ` · ${t('meetings.cancelledMark')}`}
                          </a>
                        ) : (
                          <span>
                            {entry.time} · {t('meetings.freeSlot', { capacity: entry.capacity })}
                          </span>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </Section>
      )}
    </ScreenPanel>
  );
}
