import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, TextInput } from 'suomifi-ui-components';
import { bundlePassphraseSchema } from '../../../../shared/sync/passphrase';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { useWorkerJob } from '../exchange/useWorkerJob';
import { sendDrafts } from '../../commands/desk/send';
import { useCommand } from '../../forms/useCommand';
import { useMessage } from '../../forms/message';
import { FileSaveError } from '../../forms/useFileOutcome';
import { formatDateTime } from '../../format/dates';
import { PassphraseFields } from '../exchange/PassphraseFields';
import { ProgressView } from '../exchange/ProgressView';
import { deskDraftState } from './draft-state';
import { useNetworkCases } from '../../queries/expert-desk';
import { Section } from '../../components/Section';

/**
 * The expert desk's file for the coordinator (issue 11, on "Files"): every recommendation draft
 * marked ready, in one encrypted network bundle. The passphrase is agreed with the coordinator by
 * another channel; the file goes by any means (e-mail attachment, memory stick).
 */
export function SendDraftsPanel() {
  const { t } = useTranslation();
  const translate = useMessage();
  const language = useUiStore((s) => s.language);
  const { commands, bridge } = useServices();
  const cases = useNetworkCases();
  const [recipientName, setRecipientName] = useState(() => t('expertDesk.send.defaultRecipient'));
  const [secret, setSecret] = useState({ passphrase: '', confirm: '' });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const { progress, withWorker, cancel } = useWorkerJob();
  const [written, setWritten] = useState<{ location: string; count: number } | null>(null);
  const { run, busy, error, setError } = useCommand('expertDesk.send.failed');

  const ready = (cases ?? []).filter((item) => item.draft?.state === 'ready');

  const submit = () =>
    void run(async () => {
      setWritten(null);
      const next: Record<string, string | undefined> = {};
      if (recipientName.trim() === '') next.recipientName = 'validation.required';
      const secretCheck = bundlePassphraseSchema.safeParse(secret);
      if (!secretCheck.success) for (const issue of secretCheck.error.issues) next[issue.path.join('.')] = issue.message;
      setErrors(next);
      if (Object.keys(next).length > 0) {
        setError(t('exchange.fixFields'));
        return;
      }
      const result = await withWorker((codec, signal, onProgress) => sendDrafts(commands, { recipientName: recipientName.trim(), passphrase: secret.passphrase, codec, onProgress, signal }));
      if (result === undefined) return setError(t('exchange.cancelled'));
      const saved = await bridge.saveFile({ suggestedName: result.fileName, bytes: result.bytes, filters: [{ name: t('exchange.fileType'), extensions: ['otk'] }] });
      if (saved.status === 'failed') throw new FileSaveError(saved.code ?? 'write-failed');
      if (saved.status === 'saved') {
        setWritten({ location: saved.location ?? result.fileName, count: result.header.counts.draft ?? 0 });
        setSecret({ passphrase: '', confirm: '' });
      }
    });

  return (
    <Section headingId="send-drafts-heading" heading={t('expertDesk.send.heading')} intro={t('expertDesk.send.intro')} className="otk-section">
      <div role="status" className="otk-live">
        {written && (
          <Paragraph className="otk-notice" data-testid="drafts-written">
            {t('expertDesk.send.written', { location: written.location, count: written.count })}
          </Paragraph>
        )}
      </div>
      {cases === undefined ? (
        <Paragraph>{t('app.loading')}</Paragraph>
      ) : ready.length === 0 ? (
        <Paragraph data-testid="drafts-ready">{t('expertDesk.send.noneReady')}</Paragraph>
      ) : (
        <>
          <Paragraph data-testid="drafts-ready">{t('expertDesk.send.readyCount', { count: ready.length })}</Paragraph>
          <ul>
            {ready.map((item) => {
              const state = deskDraftState(item);
              return (
                <li key={item.id}>
                  <a href={`#/case/${encodeURIComponent(item.id)}/draft`}>{item.caseCode}</a>
                  {state.kind === 'sent' && ` · ${t('expertDesk.send.alreadySent', { date: formatDateTime(state.at, language) })}`}
                  {state.kind === 'changed' && ` · ${t('expertDesk.send.changedSince')}`}
                  {state.kind === 'done' && ` · ${t('expertDesk.state.done')}`}
                </li>
              );
            })}
          </ul>
          <TextInput
            id="send-recipient-name"
            labelText={t('expertDesk.send.recipientName')}
            hintText={t('expertDesk.send.recipientNameHint')}
            value={recipientName}
            onChange={(value) => setRecipientName(String(value ?? ''))}
            fullWidth
            {...(errors.recipientName ? { status: 'error' as const, statusText: translate(errors.recipientName) } : {})}
          />
          <PassphraseFields idPrefix="send" value={secret.passphrase} confirm={secret.confirm} onChange={setSecret} errors={errors} withConfirm />
          <div role="alert" className="otk-live">
            {error && <Paragraph className="otk-error">{error}</Paragraph>}
          </div>
          <ProgressView progress={progress} onCancel={cancel} />
          <div className="otk-row-actions">
            <Button disabled={busy} onClick={submit}>
              {t('expertDesk.send.write')}
            </Button>
          </div>
        </>
      )}
    </Section>
  );
}
