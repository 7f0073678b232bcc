import { Section } from '../../components/Section';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Heading, InlineAlert, Paragraph } from 'suomifi-ui-components';
import { helsinkiDate } from '../../../../shared/calendar/target-date';
import type { RetentionPolicy } from '../../../../shared/protection/retention';
import { useServices } from '../../services/services';
import { dueCases, purgeCases, type DueCase } from '../../commands/retention';
import { formatIsoDate } from '../../format/dates';
import { useUiStore } from '../../state/uiStore';
import type { RunCommand } from './PolicyForm';

/** Rows rendered at first (and added by "show more"); "select all" always covers every due case. */
const PAGE = 200;
/** Case codes named in the confirmation before "and N more". */
const NAMED = 10;

const DUE_HEADING = 'retention-due-heading';
const CONFIRM_HEADING = 'retention-confirm-heading';
const PURGE_BUTTON = 'retention-purge-button';

const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/**
 * The cases due for deletion under the saved policy (from the in-memory list index: only the
 * candidates' records are read, see dueCases), each selectable, with "select all"; deleting the
 * selection asks for confirmation first, saying that it cannot be undone and what remains.
 */
export function DueList({ policy, run, busy }: { policy: RetentionPolicy; run: RunCommand; busy: boolean }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const flash = useUiStore((s) => s.flash);
  const { commands, caseIndex } = useServices();
  const version = useSyncExternalStore(
    (listener) => caseIndex.subscribe(listener),
    () => caseIndex.getVersion(),
  );
  const [due, setDue] = useState<{ today: string; cases: DueCase[] } | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [shown, setShown] = useState(PAGE);
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  useEffect(() => void caseIndex.start(), [caseIndex]);
  // Worked out again whenever the list's rows change (a case closed, reopened, purged, imported) or the policy does.
  useEffect(() => {
    if (!caseIndex.ready) return;
    let live = true;
    const today = helsinkiDate(commands.now());
    dueCases(commands, today, caseIndex.rows()).then(
      (cases) => live && setDue({ today, cases }),
      (error: unknown) => console.error('finding the cases due for deletion failed', error),
    );
    return () => {
      live = false;
    };
  }, [commands, caseIndex, version, policy]);

  const cases = due?.cases ?? [];
  const chosen = cases.filter((c) => selected.has(c.id));
  const allChosen = cases.length > 0 && chosen.length === cases.length;

  const toggle = (id: string, on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const ruleText = (c: DueCase) => {
    const count = c.years;
    if (c.rule === 'closed') return c.anonymous ? t('retention.rule.closedAnonymous', { count }) : t('retention.rule.closed', { count });
    return c.anonymous ? t('retention.rule.endedAnonymous', { count }) : t('retention.rule.ended', { count });
  };

  const openConfirmation = () => {
    setConfirming(true);
    focusLater(CONFIRM_HEADING);
  };
  const cancel = () => {
    setConfirming(false);
    focusLater(PURGE_BUTTON);
  };

  const purge = () =>
    void run(async () => {
      const ids = chosen.map((c) => c.id);
      setProgress({ done: 0, total: ids.length });
      try {
        const result = await purgeCases(commands, ids, { onProgress: (done, total) => setProgress({ done, total }) });
        const gone = new Set(result.purged);
        setDue((previous) => previous && { ...previous, cases: previous.cases.filter((c) => !gone.has(c.id)) });
        setSelected(new Set());
        setConfirming(false);
        const skipped = result.skipped.length > 0 ? ` ${t('retention.purge.skipped', { count: result.skipped.length })}` : '';
        flash(t('retention.purge.done', { count: result.purged.length }) + skipped, window.location.hash);
        focusLater(DUE_HEADING);
      } finally {
        setProgress(null);
      }
    });

  const codes = chosen.slice(0, NAMED).map((c) => c.caseCode).join(', ');

  return (
    <Section headingId={DUE_HEADING} heading={t('retention.due.heading')} headingTabIndex={-1} className="otk-section">
      {due === null ? (
        <Paragraph>{t('retention.due.loading')}</Paragraph>
      ) : (
        <>
          <Paragraph mb="s">{t('retention.due.intro', { date: formatIsoDate(due.today, language) })}</Paragraph>
          {cases.length === 0 ? (
            <Paragraph data-testid="retention-none">{t('retention.due.none')}</Paragraph>
          ) : (
            <>
              <Checkbox
                id="retention-select-all"
                checked={allChosen}
                disabled={busy}
                onClick={({ checkboxState }) => setSelected(checkboxState ? new Set(cases.map((c) => c.id)) : new Set())}
              >
                {t('retention.due.selectAll', { count: cases.length })}
              </Checkbox>
              <Paragraph mb="s">{t('retention.due.selected', { count: chosen.length, total: cases.length })}</Paragraph>
              <div className="otk-table-scroll" role="region" aria-label={t('retention.due.tableLabel')} tabIndex={0}>
                <table className="otk-table" data-testid="retention-due-table">
                  <caption>{t('retention.due.caption', { count: cases.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('retention.due.caseCode')}</th>
                      <th scope="col">{t('retention.due.rule')}</th>
                      <th scope="col">{t('retention.due.from')}</th>
                      <th scope="col">{t('retention.due.retainUntil')}</th>
                      <th scope="col">{t('retention.due.dueDate')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {cases.slice(0, shown).map((c) => (
                      <tr key={c.id}>
                        <td>
                          <Checkbox id={`retention-select-${c.id}`} checked={selected.has(c.id)} disabled={busy} onClick={({ checkboxState }) => toggle(c.id, checkboxState)}>
                            {c.caseCode}
                          </Checkbox>
                        </td>
                        <td>{ruleText(c)}</td>
                        <td>{formatIsoDate(c.from, language)}</td>
                        <td>{formatIsoDate(c.retainUntil, language)}</td>
                        <td>{formatIsoDate(c.dueDate, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {cases.length > shown && (
                <div className="otk-row-actions">
                  <Paragraph>{t('retention.due.shown', { shown, count: cases.length })}</Paragraph>
                  <Button variant="secondary" onClick={() => setShown(shown + PAGE)}>
                    {t('retention.due.more')}
                  </Button>
                </div>
              )}
              {!confirming && (
                <div className="otk-row-actions">
                  <Button id={PURGE_BUTTON} disabled={busy || chosen.length === 0} onClick={openConfirmation}>
                    {t('retention.purge.button', { count: chosen.length })}
                  </Button>
                </div>
              )}
              {confirming && chosen.length > 0 && (
                <section aria-labelledby={CONFIRM_HEADING} className="otk-action-form" data-testid="retention-confirm">
                  <Heading variant="h4" id={CONFIRM_HEADING} tabIndex={-1}>
                    {t('retention.purge.heading', { count: chosen.length })}
                  </Heading>
                  <InlineAlert status="warning">{t('retention.purge.cannotUndo')}</InlineAlert>
                  <Paragraph mt="s">{t('retention.purge.remains')}</Paragraph>
                  <Paragraph mt="s">
                    {chosen.length > NAMED ? t('retention.purge.codesMore', { codes, count: chosen.length - NAMED }) : t('retention.purge.codes', { codes })}
                  </Paragraph>
                  <div className="otk-row-actions">
                    <Button disabled={busy} onClick={purge}>
                      {t('retention.purge.confirm', { count: chosen.length })}
                    </Button>
                    <Button variant="secondary" disabled={busy} onClick={cancel}>
                      {t('retention.purge.cancel')}
                    </Button>
                  </div>
                </section>
              )}
              <div role="status" className="otk-live">
                {progress && <Paragraph>{t('retention.purge.progress', progress)}</Paragraph>}
              </div>
            </>
          )}
        </>
      )}
    </Section>
  );
}
