import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { applyImport, previewImport, type ImportPreview } from '../../commands/exchange';
import { useWorkerJob } from './useWorkerJob';
import { ENTRY_TYPES } from '../../../../shared/sync/wire/types';
import { useCommand } from '../../forms/useCommand';
import { useMessage } from '../../forms/message';
import { formatDateTime } from '../../format/dates';
import { PassphraseFields } from './PassphraseFields';
import { ProgressView } from './ProgressView';
import { findingMessage, refusalMessage } from './refusal-message';
import { Section } from '../../components/Section';

/**
 * Reading a bundle: choose the .otk file, give its passphrase, see what it would do (new, updated,
 * unchanged, conflicts kept aside, clocks quarantined) — or why it is refused — and only then
 * apply it, in one transaction. Nothing is written before "Import".
 */
export function ImportPanel() {
  const { t } = useTranslation();
  const translate = useMessage();
  const language = useUiStore((s) => s.language);
  const flash = useUiStore((s) => s.flash);
  const { commands, bridge } = useServices();
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const { progress, setProgress, withWorker, cancel } = useWorkerJob();
  const { run, busy, error } = useCommand('exchange.importFailed');

  const choose = () =>
    void run(async () => {
      const opened = await bridge.openFile({ filters: [{ name: t('exchange.fileType'), extensions: ['otk'] }] });
      if (opened.status === 'opened') {
        setFile({ name: opened.name, bytes: opened.bytes });
        setPreview(null);
      } else if (opened.status === 'failed') throw new Error(opened.code);
    });

  const check = () =>
    void run(async () => {
      if (!file) return setErrors({ file: 'validation.required' });
      if (passphrase === '') return setErrors({ passphrase: 'validation.required' });
      setErrors({});
      const result = await withWorker((codec, signal, onProgress) => previewImport(commands, file.bytes, passphrase, { codec, onProgress, signal }));
      if (result) setPreview(result);
      else flash(t('exchange.cancelled'), window.location.hash);
    });

  const apply = () =>
    void run(async () => {
      if (!preview?.ok) return;
      const result = await applyImport(commands, preview, { onProgress: setProgress });
      setProgress(null);
      setPreview(null);
      setFile(null);
      setPassphrase('');
      flash(
        result.applied
          ? result.counts.draft.new + result.counts.draft.updated > 0
            ? t('exchange.importedDrafts', { count: result.counts.draft.new + result.counts.draft.updated })
            : t('exchange.imported', { new: result.counts.consultation.new, updated: result.counts.consultation.updated, conflicts: result.newConflicts, quarantined: result.quarantined })
          : t('exchange.refusal.already-imported'),
        window.location.hash,
      );
    });

  return (
    <Section headingId="import-heading" heading={t('exchange.importHeading')} className="otk-section">
      <div className="otk-row-actions">
        <Button variant="secondary" onClick={choose} disabled={busy}>
          {t('exchange.chooseFile')}
        </Button>
        <span aria-live="polite">{file ? t('exchange.chosenFile', { name: file.name }) : t('exchange.noFile')}</span>
      </div>
      {errors.file && <Paragraph className="otk-error">{translate(errors.file)}</Paragraph>}
      <PassphraseFields idPrefix="import" value={passphrase} onChange={(next) => setPassphrase(next.passphrase)} errors={errors} withConfirm={false} />
      <div className="otk-row-actions">
        <Button onClick={check} disabled={busy || !file}>
          {t('exchange.check')}
        </Button>
      </div>
      <ProgressView progress={progress} onCancel={progress?.phase === 'writing' ? undefined : cancel} />
      <div role="alert" className="otk-live">
        {error && <Paragraph className="otk-error">{error}</Paragraph>}
        {preview && !preview.ok && (
          <Paragraph className="otk-error" data-testid="import-refusal">
            {refusalMessage(preview.refusal, t)}
          </Paragraph>
        )}
      </div>
      {preview?.ok && (
        <div className="otk-import-preview" data-testid="import-preview">
          <Paragraph>
            {t('exchange.previewFrom', {
              sender: preview.header.sender.name,
              scope: t(`exchange.scopeLabel.${preview.header.scope.kind}`),
              date: formatDateTime(preview.header.created, language),
            })}
          </Paragraph>
          <table className="otk-table">
            <caption>{t('exchange.previewCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exchange.recordType')}</th>
                {(['new', 'updated', 'unchanged', 'conflicts', 'quarantined'] as const).map((key) => (
                  <th scope="col" key={key}>
                    {t(`exchange.count.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {ENTRY_TYPES.filter((type) => (preview.header.counts[type] ?? 0) > 0 || type === 'consultation').map((type) => (
                <tr key={type}>
                  <th scope="row">{t(`exchange.type.${type}`)}</th>
                  {(['new', 'updated', 'unchanged', 'conflicts', 'quarantined'] as const).map((key) => (
                    <td key={key}>{preview.counts[type][key]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {preview.conflicts.length > 0 && <Paragraph>{t('exchange.previewConflicts', { count: preview.conflicts.length })}</Paragraph>}
          {preview.quarantined.length > 0 && <Paragraph>{t('exchange.previewQuarantined', { count: preview.quarantined.length })}</Paragraph>}
          {preview.withdrawn > 0 && <Paragraph>{t('exchange.previewWithdrawn', { count: preview.withdrawn })}</Paragraph>}
          {preview.findings.length > 0 && (
            <div className="otk-notice" data-testid="import-findings">
              <Paragraph>{t('exchange.previewFindings')}</Paragraph>
              <ul>
                {preview.findings.map((finding) => (
                  <li key={`${finding.index}|${finding.field}|${finding.problem}`}>{findingMessage(finding, t)}</li>
                ))}
              </ul>
            </div>
          )}
          {commands.profile.role === 'coordinator' && preview.header.scope.kind === 'requester' && preview.counts.consultation.new > 0 && (
            <Paragraph>{t('exchange.previewRequests', { count: preview.counts.consultation.new })}</Paragraph>
          )}
          {preview.nothingNew ? (
            <Paragraph>{t('exchange.nothingNew')}</Paragraph>
          ) : (
            <div className="otk-row-actions">
              <Button onClick={apply} disabled={busy}>
                {t('exchange.import')}
              </Button>
              <Button variant="secondary" onClick={() => setPreview(null)}>
                {t('exchange.discard')}
              </Button>
            </div>
          )}
        </div>
      )}
    </Section>
  );
}
