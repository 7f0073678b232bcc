import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, DateInput, Dropdown, DropdownItem, TextInput } from 'suomifi-ui-components';
import { AUDIT_ACTIONS, type AuditEvent } from '../../../../shared/domain/audit';
import { helsinkiInstant } from '../../../../shared/calendar/helsinki-time';
import { addCalendarDays } from '../../../../shared/calendar/finnish-holidays';
import { canWrite } from '../../../../shared/protection/roles';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { auditPage, type AuditFilter } from '../../queries/audit';
import { parseDateInput } from '../../format/dates';
import { actionName } from './audit-text';

const PAGE = 100;

/** Runs a command from a button (forms/useCommand): the screen's one busy flag and error line. */
export type RunCommand = <T>(command: () => Promise<T>) => Promise<T | undefined>;

/** The filters as chosen on the screen: dates as `YYYY-MM-DD`, a case by its code. */
export interface AuditChoice {
  fromDate: string;
  toDate: string;
  action: AuditFilter['action'];
  actor: string;
  caseCode: string;
}

const NO_CHOICE: AuditChoice = { fromDate: '', toDate: '', action: '', actor: '', caseCode: '' };

/**
 * Browsing the audit log: the chosen filters, the events read so far (newest first, a page at a
 * time) and whether there are more. `filter()` is the query the chosen filters make (null for an
 * unknown case code), also what an export reads.
 */
export function useAuditBrowse(run: RunCommand) {
  const { commands, caseIndex } = useServices();
  const [choice, setChoice] = useState<AuditChoice>(NO_CHOICE);
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [more, setMore] = useState(false);

  useEffect(() => void caseIndex.start(), [caseIndex]);
  // Re-render when the index has loaded, so case codes replace ids in the table.
  useSyncExternalStore(
    (listener) => caseIndex.subscribe(listener),
    () => caseIndex.getVersion(),
  );
  const codeOf = (id: string) => caseIndex.row(id)?.caseCode;

  const filterOf = (c: AuditChoice): AuditFilter | null => {
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

  const search = (next: AuditChoice) =>
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

  return { choice, setChoice, events, more, search, loadMore, codeOf, filter: () => filterOf(choice) };
}

/** The filter row: dates, action, user and case code; searching reads the first page afresh. */
export function AuditFilters({
  choice,
  onChange,
  onSearch,
  busy,
}: {
  choice: AuditChoice;
  onChange: (choice: AuditChoice) => void;
  onSearch: (choice: AuditChoice) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  return (
    <form
      className="otk-filter-row otk-no-print"
      aria-label={t('audit.filters')}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(choice);
      }}
    >
      <DateInput labelText={t('filter.from')} visualPlaceholder={t('form.datePlaceholder')} onBlur={(event) => onChange({ ...choice, fromDate: parseDateInput(event.target.value, language) ?? '' })} />
      <DateInput labelText={t('filter.to')} visualPlaceholder={t('form.datePlaceholder')} onBlur={(event) => onChange({ ...choice, toDate: parseDateInput(event.target.value, language) ?? '' })} />
      <Dropdown labelText={t('audit.action')} value={choice.action || '-'} onChange={(value) => onChange({ ...choice, action: value === '-' ? '' : (value as AuditFilter['action']) })}>
        {[
          <DropdownItem key="-" value="-">
            {t('audit.anyAction')}
          </DropdownItem>,
          ...AUDIT_ACTIONS.map((action) => (
            <DropdownItem key={action} value={action}>
              {actionName(t, action)}
            </DropdownItem>
          )),
        ]}
      </Dropdown>
      <TextInput labelText={t('audit.actor')} value={choice.actor} onChange={(value) => onChange({ ...choice, actor: String(value ?? '') })} />
      <TextInput labelText={t('audit.caseCode')} value={choice.caseCode} onChange={(value) => onChange({ ...choice, caseCode: String(value ?? '') })} />
      <Button type="submit" disabled={busy}>
        {t('audit.search')}
      </Button>
    </form>
  );
}
