import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from 'suomifi-ui-components';
import type { ConsultationRecord } from '../../../../shared/domain/consultation';
import { THEMES } from '../../../../shared/reference/themes';
import { bookingLabel } from '../../../../shared/meetings/booking';
import { icsBytes, meetingToIcs } from '../../../../shared/meetings/ics';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { useNetworks } from '../../queries/useNetworks';
import { useMeeting, useMeetingCases } from '../../queries/useMeetings';
import { saveMeeting } from '../../commands/meetings';
import { recordDisclosure } from '../../commands/recommendation';
import { useCommand } from '../../forms/useCommand';
import { useFileOutcome } from '../../forms/useFileOutcome';
import { LiveRegions } from '../../forms/LiveRegions';
import { APP_NAME, APP_VERSION } from '../../services/app-meta';
import { meetingWhen } from './meeting-label';
import { MeetingForm, toMeetingValues } from './MeetingForm';
import { canWrite } from '../../../../shared/protection/roles';
import { NotFound } from '../../components/NotFound';
import { PrintPage } from '../../print/PrintPage';
import { ScreenPanel } from '../../components/ScreenPanel';
import { Section } from '../../components/Section';

const THEME_BY_CODE = new Map(THEMES.map((theme) => [theme.code, theme]));

/** An anonymised case card: case code, age band, themes and the question — nothing that names the child. */
function CaseCard({ record }: { record: ConsultationRecord }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  return (
    <article className="otk-case-card" aria-labelledby={`card-${record.id}`}>
      <Heading variant="h4" as="h4" id={`card-${record.id}`}>
        <a href={`#/case/${encodeURIComponent(record.id)}`}>{record.caseCode}</a>
      </Heading>
      <dl className="otk-fields">
        <div className="otk-field">
          <dt>{t('intake.ageBand')}</dt>
          <dd>{t(`ageBand.${record.subject.ageBand}`)}</dd>
        </div>
        <div className="otk-field">
          <dt>{t('intake.themes')}</dt>
          <dd>{record.subject.themes.map((code) => THEME_BY_CODE.get(code)?.[language] ?? code).join(', ')}</dd>
        </div>
        <div className="otk-field">
          <dt>{t('intake.question')}</dt>
          <dd className="otk-pre">{record.question}</dd>
        </div>
      </dl>
    </article>
  );
}

/**
 * One meeting's agenda: when, how, who takes part (by role), and its cases as anonymised cards.
 * Printable (the page is its own print view), saveable as PDF through the bridge, and exportable
 * as an .ics calendar event that carries no client data.
 */
export function AgendaScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const flash = useUiStore((s) => s.flash);
  const { commands, bridge } = useServices();
  const meeting = useMeeting(id);
  const cases = useMeetingCases(meeting?.caseIds);
  const networks = useNetworks();
  const [editing, setEditing] = useState(false);
  const { run, busy, error } = useCommand('meetings.exportFailed');
  const reportFile = useFileOutcome();

  if (meeting === undefined || !networks) return <Paragraph>{t('app.loading')}</Paragraph>;
  if (meeting === null) return <NotFound message={t('meetings.notFound')} />;
  const networkName = networks.find((n) => n.id === meeting.networkId)?.name[language] ?? '';
  const when = meetingWhen(meeting, language, t);
  const places = bookingLabel(meeting);
  const participants = meeting.participants.map((p) => t('meetings.participantCount', { role: t(`participantRole.${p.role}`), count: p.count })).join(', ');

  const printAgenda = () =>
    void run(async () => {
      await recordDisclosure(commands, 'meeting.print', meeting.id, { cases: String(meeting.caseIds.length) });
      const result = await bridge.printToPdf({ suggestedName: `${t('meetings.agendaFile')}-${meeting.date}.pdf` });
      reportFile(result, 'meetings.pdfSaved');
    });
  const exportIcs = () =>
    void run(async () => {
      const text = meetingToIcs({
        meeting,
        uid: `${meeting.id}@otk-consultation-desk`,
        title: t('meetings.icsTitle', { network: networkName, mode: t(`meetingMode.${meeting.mode}`) }),
        description: participants,
        location: meeting.location,
        now: commands.now(),
        productId: `-//OT-keskus//${APP_NAME} ${APP_VERSION}//${language.toUpperCase()}`,
        sequence: meeting.rev - 1,
      });
      await recordDisclosure(commands, 'meeting.export-ics', meeting.id);
      const result = await bridge.saveFile({ suggestedName: `${t('meetings.icsFile')}-${meeting.date}.ics`, bytes: icsBytes(text), filters: [{ name: 'iCalendar', extensions: ['ics'] }] });
      reportFile(result, 'meetings.icsSaved');
    });

  return (
    <ScreenPanel
      headingId="agenda-heading"
      heading={t('meetings.agendaHeading', { network: networkName })}
      before={<PrintPage head={`${t('meetings.agendaHeading', { network: networkName })} – ${when}`} />}
      className="otk-panel otk-printable"
    >
      <Paragraph>
        <strong>{when}</strong> · {t(`meetingMode.${meeting.mode}`)} · {t('meetings.placesTaken', { booked: places.booked, capacity: places.capacity })}
        {meeting.cancelled && ` · ${t('meetings.cancelledMark')}`}
      </Paragraph>
      {participants && <Paragraph>{t('meetings.participantsLine', { participants })}</Paragraph>}
      {meeting.location && <Paragraph>{t('meetings.locationLine', { location: meeting.location })}</Paragraph>}
      <LiveRegions error={error} className="otk-no-print" />
      <div className="otk-row-actions otk-no-print">
        <Button disabled={busy} onClick={printAgenda}>
          {t('meetings.printAgenda')}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={exportIcs}>
          {t('meetings.exportIcs')}
        </Button>
        {canWrite(commands.profile, 'meeting.update') && (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {t('meetings.edit')}
          </Button>
        )}
        <a className="otk-button-link" href={`#/meetings?network=${encodeURIComponent(meeting.networkId)}&week=${meeting.date}`}>
          {t('meetings.backToWeek')}
        </a>
      </div>
      {editing && (
        <Section headingId="edit-meeting-heading" heading={t('meetings.edit')} className="otk-section otk-no-print">
          <MeetingForm
            initial={toMeetingValues(meeting)}
            networks={networks}
            headingId="edit-meeting-heading"
            submitLabel={t('meetings.save')}
            editing
            onSave={async (input) => {
              await saveMeeting(commands, input, meeting.id, meeting.rev);
              setEditing(false);
              flash(t('meetings.saved'), window.location.hash);
            }}
            onCancel={() => setEditing(false)}
          />
        </Section>
      )}
      <Section headingId="agenda-cases" heading={t('meetings.agendaCases')}>
        {cases === undefined ? (
          <Paragraph>{t('app.loading')}</Paragraph>
        ) : cases.length === 0 ? (
          <Paragraph>{t('meetings.noCases')}</Paragraph>
        ) : (
          cases.map((record) => <CaseCard key={record.id} record={record} />)
        )}
      </Section>
    </ScreenPanel>
  );
}
