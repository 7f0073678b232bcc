import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, TextInput } from 'suomifi-ui-components';
import type { CommandContext } from '../../access/context';

type OtkDatabase = CommandContext['db'];
import type { Bridge } from '../../../../shared/bridge/contract';
import type { Clock } from '../../../../shared/clock';
import { applyRestore, previewRestore, type PreparedRestore } from '../../commands/backup/restore';
import { openedFileSource, type OpenedFile } from '../../commands/backup/files';
import type { BackupProgress as Progress } from '../../commands/backup/write';
import { useUiStore } from '../../state/uiStore';
import { formatDateTime } from '../../format/dates';
import { GateShell } from '../session/GateShell';
import { BackupProgress } from './BackupProgress';
import { backupFailureWords, TABLE_ORDER } from './backup-words';

type Step = { kind: 'choose' } | { kind: 'preview'; prepared: PreparedRestore } | { kind: 'done'; actor: string };

/**
 * Restore from a backup, on the first-run screen of a new installation: the backup file, the
 * recovery key or a coordinator's passphrase, then a preview — which installation, when it was
 * backed up, how many records of each kind, all checked — and only then "Restore", which writes
 * everything in one go. A newer app's backup, a damaged or cut file and a wrong key are refused
 * before anything is written, in words with what to do. The file is read in parts through the
 * bridge (opened by the shell under a handle, closed when done or left), never whole: a backup of
 * 100 000 cases restores without its size in memory.
 */
export function RestoreScreen({
  db,
  bridge,
  clock,
  onBack,
  onDone,
  replace,
}: {
  db: OtkDatabase;
  bridge: Bridge;
  clock: Clock;
  onBack?: () => void;
  onDone: (installationId: string) => void;
  /** Restoring into the place of a database that cannot be opened: replaces it, only once the chosen backup has passed every check and the restore is asked for. */
  replace?: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [secret, setSecret] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ file?: string; secret?: string }>({});
  const installed = useRef<string | null>(null);
  const controller = useRef<AbortController | null>(null);
  const openHandle = useRef<string | null>(null);

  const closeFile = () => {
    const handle = openHandle.current;
    openHandle.current = null;
    if (handle) void bridge.closeBackupFile({ handle }).catch(() => undefined);
  };
  // The chosen file stays open in the shell until another is chosen or the screen is left.
  useEffect(() => closeFile, []); // eslint-disable-line react-hooks/exhaustive-deps

  async function choose() {
    setError(null);
    const opened = await bridge.openBackupFile({ typeName: t('restore.fileType') });
    if (opened.status === 'opened') {
      closeFile();
      openHandle.current = opened.handle;
      setFile({ handle: opened.handle, name: opened.name, size: opened.size });
      setStep({ kind: 'choose' });
      setFieldError({});
    } else if (opened.status === 'failed') setError(t(`restore.fileFailed.${opened.code === 'not-a-backup' ? 'not-a-file' : 'read-failed'}`));
  }

  async function open(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const missing = { ...(file ? {} : { file: t('restore.fileRequired') }), ...(secret.trim() === '' ? { secret: t('restore.secretRequired') } : {}) };
    setFieldError(missing);
    if (!file || secret.trim() === '') return;
    const abort = new AbortController();
    controller.current = abort;
    setProgress({ phase: 'verifying', done: 0, total: file.size });
    try {
      const prepared = await previewRestore(db, openedFileSource(bridge, file), secret, { replacing: replace !== undefined, signal: abort.signal, onProgress: (p) => setProgress({ phase: 'verifying', done: p.done, total: p.total }) });
      setSecret('');
      setStep({ kind: 'preview', prepared });
    } catch (caught) {
      if (!(caught instanceof DOMException && caught.name === 'AbortError')) {
        console.error('the backup was refused', caught);
        const words = backupFailureWords(caught, t);
        setError(`${t('restore.refused')} ${words.what} ${words.action}`);
      }
    } finally {
      controller.current = null;
      setProgress(null);
    }
  }

  async function restore(prepared: PreparedRestore) {
    setError(null);
    const total = Object.values(prepared.preview.counts).reduce((a, b) => a + b, 0);
    setProgress({ phase: 'restoring', done: 0, total });
    try {
      await replace?.();
      const result = await applyRestore(db, prepared, clock(), { onProgress: (p) => setProgress({ phase: 'restoring', done: p.done, total }) });
      installed.current = result.installationId;
      closeFile();
      setStep({ kind: 'done', actor: result.actor });
    } catch (caught) {
      console.error('the restore failed', caught);
      const words = backupFailureWords(caught, t);
      setError(`${t('restore.failed')} ${words.what} ${words.action}`);
      setStep({ kind: 'choose' });
    } finally {
      setProgress(null);
    }
  }

  const alert = (
    <div role="alert" className="otk-live">
      {error && (
        <Paragraph className="otk-error" data-testid="restore-error">
          {error}
        </Paragraph>
      )}
    </div>
  );

  if (step.kind === 'done') {
    return (
      <GateShell title={t('restore.done.title')}>
        <div role="status">
          <Paragraph className="otk-notice">{t('restore.done.text')}</Paragraph>
        </div>
        <Paragraph mb="s">{t('restore.done.unlock')}</Paragraph>
        <Button id="restore-continue" onClick={() => onDone(installed.current ?? '')}>
          {t('restore.done.continue')}
        </Button>
      </GateShell>
    );
  }

  if (step.kind === 'preview') {
    const { preview } = step.prepared;
    return (
      <GateShell title={t('restore.preview.title')}>
        <Paragraph mb="s">{t('restore.preview.intro')}</Paragraph>
        <dl className="otk-fields" data-testid="restore-preview">
          <dt>{t('restore.preview.installation')}</dt>
          <dd>{preview.header.sender.name}</dd>
          <dt>{t('restore.preview.created')}</dt>
          <dd>{formatDateTime(preview.header.created, language)}</dd>
          <dt>{t('restore.preview.app')}</dt>
          <dd>{preview.header.app.version}</dd>
          <dt>{t('restore.preview.openedWith')}</dt>
          <dd>{t(`restore.preview.method.${preview.method}`)}</dd>
        </dl>
        <table className="otk-table">
          <caption>{t('restore.preview.counts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('restore.preview.kind')}</th>
              <th scope="col">{t('restore.preview.number')}</th>
            </tr>
          </thead>
          <tbody>
            {TABLE_ORDER.filter((table) => (preview.counts[table] ?? 0) > 0).map((table) => (
              <tr key={table}>
                <th scope="row">{t(`backup.table.${table}`)}</th>
                <td data-testid={`restore-count-${table}`}>{preview.counts[table]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Paragraph mb="s">{t('restore.preview.same')}</Paragraph>
        <div className="otk-row-actions">
          <Button id="restore-apply" disabled={progress !== null} onClick={() => void restore(step.prepared)}>
            {t('restore.preview.restore')}
          </Button>
          <Button variant="secondary" disabled={progress !== null} onClick={() => setStep({ kind: 'choose' })}>
            {t('restore.preview.other')}
          </Button>
        </div>
        <BackupProgress id="restore-progress" progress={progress} />
        {alert}
      </GateShell>
    );
  }

  return (
    <GateShell title={t('restore.title')}>
      <Paragraph mb="s">{t('restore.intro')}</Paragraph>
      <Paragraph mb="s" className="otk-warning">
        {t('restore.onlyNew')}
      </Paragraph>
      <form onSubmit={(event) => void open(event)} noValidate className="otk-grid otk-narrow">
        <div>
          <Button id="restore-file" variant="secondary" onClick={() => void choose()} aria-describedby="restore-file-name">
            {t('restore.chooseFile')}
          </Button>
          <Paragraph id="restore-file-name" className={fieldError.file ? 'otk-error' : undefined}>
            {file ? t('restore.chosen', { name: file.name }) : (fieldError.file ?? t('restore.noFile'))}
          </Paragraph>
        </div>
        <TextInput
          id="restore-secret"
          type="password"
          autoComplete="off"
          labelText={t('restore.secret')}
          hintText={t('restore.secretHint')}
          value={secret}
          onChange={(value) => setSecret(String(value ?? ''))}
          fullWidth
          {...(fieldError.secret ? { status: 'error' as const, statusText: fieldError.secret } : {})}
        />
        <div className="otk-row-actions">
          <Button type="submit" id="restore-open" disabled={progress !== null}>
            {t('restore.open')}
          </Button>
          {onBack && (
            <Button variant="secondary" onClick={onBack} disabled={progress !== null}>
              {t('restore.back')}
            </Button>
          )}
        </div>
      </form>
      <BackupProgress id="restore-progress" progress={progress} onCancel={() => controller.current?.abort()} />
      {alert}
    </GateShell>
  );
}
