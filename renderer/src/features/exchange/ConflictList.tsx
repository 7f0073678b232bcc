import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, Textarea } from 'suomifi-ui-components';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { resolveConflictCommand, type ConflictRow } from '../../commands/exchange';
import { useCommand } from '../../forms/useCommand';
import { formatDateTime } from '../../format/dates';
import { useConsultation } from '../../queries/useConsultations';
import { Section } from '../../components/Section';

/** The losing value in words: text as it is, anything structured as readable JSON. */
function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

function ConflictItem({ conflict }: { conflict: ConflictRow }) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const flash = useUiStore((s) => s.flash);
  const { commands } = useServices();
  const [editing, setEditing] = useState(false);
  const record = useConsultation(conflict.recordId);
  const [text, setText] = useState(valueText(conflict.losing));
  const { run, busy, error } = useCommand('exchange.resolveFailed');
  const resolve = (resolution: Parameters<typeof resolveConflictCommand>[2]) =>
    void run(async () => {
      await resolveConflictCommand(commands, conflict.id, resolution);
      flash(t('exchange.conflictResolved'), window.location.hash);
    });
  const field = t(`auditField.${conflict.field}`, { defaultValue: conflict.field });
  return (
    <li className="otk-conflict">
      <Paragraph>
        <strong>{field}</strong> · {t(`exchange.conflictKind.${conflict.kind}`)} · {formatDateTime(conflict.detectedAt, language)} ·{' '}
        {t(conflict.losingSide === 'local' ? 'exchange.losingLocal' : 'exchange.losingIncoming')}{' '}
        <a href={`#/case/${encodeURIComponent(conflict.recordId)}`}>{t('exchange.openCase')}</a>
      </Paragraph>
      {/* The two versions side by side (one above the other on a narrow screen): what is kept now, and what lost. */}
      <div className="otk-conflict-sides">
        <figure>
          <figcaption>{t('exchange.conflictSides.current')}</figcaption>
          <pre className="otk-pre otk-current" data-testid="conflict-current">
            {record === undefined ? t('app.loading') : record === null ? '–' : valueText((record as unknown as Record<string, unknown>)[conflict.field])}
          </pre>
        </figure>
        <figure>
          <figcaption>{t('exchange.conflictSides.losing')}</figcaption>
          <pre className="otk-pre otk-losing" data-testid="conflict-losing">
            {valueText(conflict.losing)}
          </pre>
        </figure>
      </div>
      <div role="alert" className="otk-live">
        {error && <Paragraph className="otk-error">{error}</Paragraph>}
      </div>
      {editing ? (
        <>
          <Textarea labelText={t('exchange.editValue', { field })} value={text} onChange={(event) => setText(event.target.value)} fullWidth />
          <div className="otk-row-actions">
            <Button disabled={busy} onClick={() => resolve({ kind: 'edit', value: text })}>
              {t('exchange.saveEdited')}
            </Button>
            <Button variant="secondary" onClick={() => setEditing(false)}>
              {t('lifecycle.cancelForm')}
            </Button>
          </div>
        </>
      ) : (
        <div className="otk-row-actions">
          <Button variant="secondary" disabled={busy} onClick={() => resolve({ kind: 'keep-current' })}>
            {t('exchange.keepCurrent')}
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => resolve({ kind: 'restore-losing' })}>
            {t('exchange.restoreLosing')}
          </Button>
          {typeof conflict.losing === 'string' && (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t('exchange.edit')}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

/** Conflicts to resolve: the value that lost a merge is kept until the coordinator decides. */
export function ConflictList({ conflicts, headingId, title }: { conflicts: ConflictRow[]; headingId: string; title: string }) {
  const { t } = useTranslation();
  const open = conflicts.filter((c) => c.state === 'open');
  if (open.length === 0) return null;
  return (
    <Section headingId={headingId} heading={title} intro={t('exchange.conflictsIntro')} className="otk-section otk-conflicts">
      <ul>
        {open.map((conflict) => (
          <ConflictItem key={conflict.id} conflict={conflict} />
        ))}
      </ul>
    </Section>
  );
}
