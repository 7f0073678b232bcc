import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import { addWeeks } from '../../../../shared/meetings/occurrences';
import { buildWeekView, type WeekEntry } from '../../../../shared/meetings/week-view';
import { networkSlots } from '../../../../shared/meetings/network-slots';
import { helsinkiDate } from '../../../../shared/calendar/target-date';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { useNetworks } from '../../queries/useNetworks';
import { useMeetings } from '../../queries/useMeetings';
import { bookConsultation } from '../../commands/meetings';
import { mayRunOn } from '../../access/guards';
import { useCommand } from '../../forms/useCommand';
import { meetingStart, meetingWhen } from './meeting-label';
import { Section } from '../../components/Section';

/** How far ahead the case view offers meetings and free slots. */
const WEEKS_AHEAD = 6;

/**
 * Booking on the case view: the routed network's meetings and free slot occurrences for the next
 * weeks, each with its places taken ("1/2 booked"); booking moves the case to "scheduled" (or
 * reschedules it, freeing its earlier place).
 */
export function BookingPanel({ record }: { record: ConsultationRecord }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const flash = useUiStore((s) => s.flash);
  const { commands } = useServices();
  const networks = useNetworks();
  const today = helsinkiDate(commands.now());
  const until = addWeeks(today, WEEKS_AHEAD);
  const networkId = record.routing.at(-1)?.networkId ?? null;
  const meetings = useMeetings(networkId, today, until);
  const { run, busy, error } = useCommand('meetings.bookFailed');
  const network = networks?.find((n) => n.id === networkId);

  const entries = useMemo(() => {
    if (!network || !meetings) return [];
    const slots = networkSlots(network);
    const list: WeekEntry[] = [];
    for (let week = 0; week <= WEEKS_AHEAD; week++) {
      for (const day of buildWeekView({ date: addWeeks(today, week), meetings, slots, today, hideCancelled: true }).days) {
        for (const entry of day.entries) if (entry.date >= today && entry.date <= until) list.push(entry);
      }
    }
    return list;
  }, [network, meetings, today, until]);

  if (record.status !== 'routed' && record.status !== 'scheduled') return null;
  if (!mayRunOn(commands.profile, 'meeting.book', record)) return null;
  const networkName = network?.name[language] ?? '';

  const book = (entry: WeekEntry) =>
    void run(async () => {
      await bookConsultation(commands, record.id, entry.meetingId ? { meetingId: entry.meetingId } : { slotId: entry.slotId!, date: entry.date }, record.rev);
      flash(t('meetings.booked', { code: record.caseCode, when: meetingWhen(entry, language, t) }), window.location.hash);
    });

  return (
    <Section headingId="case-booking" heading={t('meetings.bookingHeading')} className="otk-section">
      {record.booking && (
        <Paragraph>
          {t('meetings.bookedInto', { when: meetingStart(record.booking, language, t) })}{' '}
          <a href={`#/meeting/${encodeURIComponent(record.booking.meetingId)}`}>{t('meetings.openAgenda')}</a>
        </Paragraph>
      )}
      <Paragraph>{t('meetings.optionsFor', { network: networkName, weeks: WEEKS_AHEAD })}</Paragraph>
      <div role="alert" className="otk-live">
        {error && <Paragraph className="otk-error">{error}</Paragraph>}
      </div>
      {entries.length === 0 ? (
        <Paragraph>{t('meetings.noOptions')}</Paragraph>
      ) : (
        <ul className="otk-booking-options" aria-label={t('meetings.optionsLabel')}>
          {entries.map((entry) => {
            const current = entry.meetingId !== undefined && entry.meetingId === record.booking?.meetingId;
            const full = entry.booked >= entry.capacity;
            const when = meetingWhen(entry, language, t);
            return (
              <li key={`${entry.meetingId ?? entry.slotId}-${entry.date}`}>
                <span>
                  {when} · {t(`meetingMode.${entry.mode}`)} · <strong>{t('meetings.placesTaken', { booked: entry.booked, capacity: entry.capacity })}</strong>
                </span>
                {current ? (
                  <span className="otk-muted">{t('meetings.thisCaseIsHere')}</span>
                ) : (
                  <Button variant="secondary" disabled={busy || full} aria-label={t('meetings.bookInto', { when })} onClick={() => book(entry)}>
                    {full ? t('meetings.fullLabel') : t('meetings.book')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Paragraph className="otk-muted">
        <a href={`#/meetings?network=${encodeURIComponent(networkId ?? '')}`}>{t('meetings.planAdHoc')}</a>
      </Paragraph>
    </Section>
  );
}
