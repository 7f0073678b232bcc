import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, DateInput, Dropdown, DropdownItem, Paragraph, TextInput } from 'suomifi-ui-components';
import { AUDIT_ACTIONS, type AuditEvent } from '../../../../shared/domain/audit';
import { helsinkiInstant } from '../../../../shared/calendar/helsinki-time';
import { addCalendarDays } from '../../../../shared/calendar/finnish-holidays';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { auditPage, type AuditFilter } from '../../queries/audit';
import { recordAuditExport } from '../../commands/audit-export';
import { verifyAuditLog } from '../../commands/audit-verify';
import { useCommand } from '../../forms/useCommand';
import { useFileOutcome } from '../../forms/useFileOutcome';
import { LiveRegions } from '../../forms/LiveRegions';
import { formatDateTime, parseDateInput } from '../../format/dates';
import { canWrite } from '../../../../shared/protection/roles';
import { PrintPage } from '../../print/PrintPage';
import { NotPermitted } from '../../components/NotPermitted';
import { ScreenPanel } from '../../components/ScreenPanel';

const PAGE = 100;
/** Actions whose log sentence takes details (a network, a count, a transition): named plainly in lists. */
const PARAMETRISED: ReadonlySet<string> = new Set(['consultation.route', 'consultation.import', 'consultation.transition']);
/** Events per read while exporting (keyset pages along the `at` index). */
const EXPORT_PAGE = 5000;

interface Choice {
  fromDate: string;
  toDate: string;
  action: AuditFilter['action'];
  actor: string;
  caseCode: string;
}

/**
 * The audit log for the data protection officer: who did what to which record and when, newest
 * first, filtered by date, action, user and case; exported as JSON lines (codes and field names only —
 * the log never holds case content). The export is itself logged.
 */
export function AuditScreen() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { commands, bridge, caseIndex } = useServices();
  const [choice, setChoice] = useState<Choice>({ fromDate: '', toDate: '', action: '', actor: '', caseCode: '' });
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [more, setMore] = useState(false);
  const { run, busy, error } = useCommand('audit.failed');
  const reportFile = useFileOutcome();

  useEffect(() => void caseIndex.start(), [caseIndex]);
  // Re-render when the index has loaded, so case codes replace ids in the table.
  useSyncExternalStore(
    (listener) => caseIndex.subscribe(listener),
    () => caseIndex.getVersion(),
  );
  const codeOf = (id: string) => caseIndex.row(id)?.caseCode;

  const filterOf = (c: Choice): AuditFilter | null => {
    const code = c.caseCode.trim().toUpperCase();
    const entityId = code === '' ? '' : caseIndex.rows().find((row) => row.caseCode === code)?.id ?? null;
    if (entityId === null) return null;
    return {
      from: c.fromDate ? helsinkiInstant(c.fromDate, '00:00').toISOString() : '',
      to: c.toDate ? helsinkiInstant(addCalendarDays(c.toDate, 1), '00:00').toISOString() : '',
      action: c.action,
      actor: c.actor,
      entityId,
    };
  };

  const search = (next: Choice) =>
    void run(async () => {
      setChoice(next);
      const filter = filterOf(next);
      if (!filter) {
        setEvents([]);
        setMore(false);
        throw new Error('unknown case code');
      }
      const page = await auditPage(commands, filter, PAGE);
      setEvents(page.events);
      setMore(page.more);
    });

  // The audit log is the coordinator's (roles); the command layer refuses other profiles too.
  const permitted = canWrite(commands.profile, 'audit.read');
  useEffect(() => {
    if (!canWrite(commands.profile, 'audit.read')) return;
    void auditPage(commands, { from: '', to: '', action: '', actor: '', entityId: '' }, PAGE).then((page) => {
      setEvents(page.events);
      setMore(page.more);
    });
  }, [commands]);

  const loadMore = () =>
    void run(async () => {
      const filter = filterOf(choice);
      const last = events.at(-1);
      if (!filter || !last) return;
      const page = await auditPage(commands, filter, PAGE, { at: last.at, id: last.id });
      setEvents([...events, ...page.events]);
      setMore(page.more);
    });

  const [verification, setVerification] = useState<string | null>(null);
  const verify = () =>
    void run(async () => {
      setVerification(null);
      const { result, installationId, unchained } = await verifyAuditLog(commands);
      const notes = unchained > 0 ? ` ${t('audit.unchained', { count: unchained })}` : '';
      if (result.ok) return setVerification(t('audit.verified', { count: result.count, chains: result.peers.length }) + notes);
      const lines = result.breaks.map((b) =>
        t('audit.broken', {
          chain: b.peer === installationId ? t('audit.ownChain') : t('audit.otherChain', { peer: b.peer }),
          position: b.firstBrokenAt + 1,
          reason: t(`audit.breakReason.${b.reason}`),
          event: b.eventId ?? '–',
        }),
      );
      setVerification(lines.join(' ') + notes);
    });

  const exportLog = () =>
    void run(async () => {
      const filter = filterOf(choice);
      if (!filter) return;
      const lines: string[] = [];
      let before: { at: string; id: string } | undefined;
      for (;;) {
        const page = await auditPage(commands, filter, EXPORT_PAGE, before);
        for (const event of page.events) lines.push(JSON.stringify(event));
        const last = page.events.at(-1);
        if (!page.more || !last) break;
        before = { at: last.at, id: last.id };
      }
      await recordAuditExport(commands, lines.length);
      const saved = await bridge.saveFile({
        suggestedName: `${t('audit.fileName')}-${commands.now().toISOString().slice(0, 10)}.jsonl`,
        bytes: new TextEncoder().encode(lines.join('\n') + (lines.length > 0 ? '\n' : '')),
        filters: [{ name: 'JSON Lines', extensions: ['jsonl'] }],
      });
      reportFile(saved, 'audit.saved', { count: lines.length });
    });

  /** Prints the events on screen (the filtered, loaded ones); logged like an export. */
  const printLog = () =>
    void run(async () => {
      await recordAuditExport(commands, events.length, 'print');
      const result = await bridge.printToPdf({ suggestedName: `${t('audit.fileName')}-${commands.now().toISOString().slice(0, 10)}.pdf`, landscape: true });
      reportFile(result, 'audit.printed');
    });

  /** An action's name for the filter: its log sentence, or a plain name where the sentence needs details. */
  const actionName = (action: AuditEvent['action']) => (PARAMETRISED.has(action) ? t(`audit.name.${action}`) : t(`audit.${action}`));
  /** The log sentence of an event, as the case timeline writes it. */
  const eventText = (event: AuditEvent) => {
    const d = event.details ?? {};
    if (event.action === 'consultation.transition') {
      return t('audit.consultation.transition', { actionLabel: t(`lifecycle.action.${d.action}`), fromLabel: t(`status.${d.from}`), toLabel: t(`status.${d.to}`) });
    }
    return PARAMETRISED.has(event.action) ? t(`audit.name.${event.action}`) : t(`audit.${event.action}`);
  };

  const details = (event: AuditEvent) =>
    [
      event.fields.length > 0 ? event.fields.map((field) => t(`auditField.${field}`, { defaultValue: field })).join(', ') : '',
      event.details ? Object.entries(event.details).map(([key, value]) => `${key}=${value}`).join(' ') : '',
    ]
      .filter(Boolean)
      .join(' · ');

  if (!permitted) {
    return (
      <NotPermitted heading={t('audit.heading')} />
    );
  }
  return (
    <ScreenPanel
      headingId="audit-heading"
      heading={t('audit.heading')}
      intro={t('audit.intro')}
      introClassName="otk-no-print"
      before={<PrintPage head={t('audit.printHead', { count: events.length })} landscape />}
      className="otk-panel otk-printable"
    >
      <form
        className="otk-filter-row otk-no-print"
        aria-label={t('audit.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          search(choice);
        }}
      >
        <DateInput labelText={t('filter.from')} visualPlaceholder={t('form.datePlaceholder')} onBlur={(event) => setChoice({ ...choice, fromDate: parseDateInput(event.target.value, language) ?? '' })} />
        <DateInput labelText={t('filter.to')} visualPlaceholder={t('form.datePlaceholder')} onBlur={(event) => setChoice({ ...choice, toDate: parseDateInput(event.target.value, language) ?? '' })} />
        <Dropdown labelText={t('audit.action')} value={choice.action || '-'} onChange={(value) => setChoice({ ...choice, action: value === '-' ? '' : (value as AuditFilter['action']) })}>
          {[
            <DropdownItem key="-" value="-">
              {t('audit.anyAction')}
            </DropdownItem>,
            ...AUDIT_ACTIONS.map((action) => (
              <DropdownItem key={action} value={action}>
                {actionName(action)}
              </DropdownItem>
            )),
          ]}
        </Dropdown>
        <TextInput labelText={t('audit.actor')} value={choice.actor} onChange={(value) => setChoice({ ...choice, actor: String(value ?? '') })} />
        <TextInput labelText={t('audit.caseCode')} value={choice.caseCode} onChange={(value) => setChoice({ ...choice, caseCode: String(value ?? '') })} />
        <Button type="submit" disabled={busy}>
          {t('audit.search')}
        </Button>
      </form>
      <div className="otk-row-actions otk-no-print">
        <Button variant="secondary" disabled={busy} onClick={exportLog}>
          {t('audit.export')}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={printLog}>
          {t('audit.print')}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={verify}>
          {t('audit.verify')}
        </Button>
      </div>
      {verification && (
        <Paragraph className="otk-notice" role="status" data-testid="audit-verification">
          {verification}
        </Paragraph>
      )}
      <LiveRegions error={error} className="otk-no-print" />
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
                <td>{eventText(event)}</td>
                <td>{event.entity === 'consultation' ? (codeOf(event.entityId) ?? event.entityId) : `${event.entity} ${event.entityId}`}</td>
                <td>{details(event)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more && (
        <Button variant="secondary" className="otk-no-print" disabled={busy} onClick={loadMore}>
          {t('audit.more')}
        </Button>
      )}
    </ScreenPanel>
  );
}
