import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Block, Button, Heading, Paragraph, TextInput } from 'suomifi-ui-components';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { saveBackupSettings } from '../../commands/backup/state';
import { fieldErrorsOf, protectionMessage } from '../session/issues';
import { formatDateTime } from '../../format/dates';
import { BackupProgress } from './BackupProgress';
import { useBackupRun } from './useBackupRun';
import { useBackupState, useShell } from './useBackupState';
import { StorageStatus } from './StorageStatus';

/**
 * Settings → Backups (coordinator): the folder the desktop app writes its automatic, verified
 * backups to (a network drive is the usual choice) or, in the browser, the reminder to download
 * them; how many days before Home warns; "Back up now" and "Back up to a file…"; and the storage
 * the browser gives the app.
 */
export function BackupSettings() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { commands, bridge } = useServices();
  const state = useBackupState();
  const shell = useShell();
  const { run, cancel, progress, message, busy } = useBackupRun();
  // The field starts from the stored value once it is known; then it is the user's.
  const [typed, setDays] = useState<string | null>(null);
  const days = typed ?? (state ? String(state.warnDays) : '');
  const [notice, setNotice] = useState<{ error: boolean; text: string } | null>(null);
  const desktop = shell === 'electron';

  async function chooseFolder() {
    setNotice(null);
    try {
      const chosen = await bridge.chooseBackupFolder({});
      if (chosen.status === 'cancelled') return;
      if (chosen.status === 'failed') return setNotice({ error: true, text: t(`backup.folderReason.${chosen.code}`) });
      await saveBackupSettings(commands, { folder: chosen.folder });
      setNotice({ error: false, text: t('backup.settings.folderSaved', { folder: chosen.folder }) });
    } catch (error) {
      console.error('choosing the backup folder failed', error);
      setNotice({ error: true, text: protectionMessage(error, t) ?? t('backup.settings.failed') });
    }
  }

  async function saveDays(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    try {
      await saveBackupSettings(commands, { warnDays: Number(days) });
      setNotice({ error: false, text: t('backup.settings.warnSaved', { count: Number(days) }) });
    } catch (error) {
      setNotice({ error: true, text: fieldErrorsOf(error) ? t('backup.settings.warnInvalid') : (protectionMessage(error, t) ?? t('backup.settings.failed')) });
    }
  }

  if (!state || !shell) return null;
  const failedLast = state.failure && (!state.last || state.failure.at > state.last.at);
  return (
    <>
      <Block variant="section" aria-labelledby="backup-heading" className="otk-panel" id="backup">
        <Heading variant="h2" id="backup-heading">
          {t('backup.settings.heading')}
        </Heading>
        <Paragraph mb="s">{t(desktop ? 'backup.settings.introDesktop' : 'backup.settings.introWeb')}</Paragraph>
        <Paragraph mb="s" data-testid="backup-last">
          {state.last
            ? t('backup.settings.last', { when: formatDateTime(state.last.at, language), file: state.last.file, where: t(`backup.where.${state.last.where}`) })
            : t('backup.settings.never')}
        </Paragraph>
        {failedLast && state.failure && (
          <Paragraph className="otk-error" mb="s">
            {t('backup.settings.lastFailure', { when: formatDateTime(state.failure.at, language), reason: t(`backup.error.${state.failure.code}`, { defaultValue: t('backup.error.unknown') }) })}
          </Paragraph>
        )}
        {desktop && (
          <div className="otk-grid otk-narrow">
            <Paragraph data-testid="backup-folder">{state.folder ? t('backup.settings.folder', { folder: state.folder }) : t('backup.settings.noFolder')}</Paragraph>
            <Button variant="secondary" onClick={() => void chooseFolder()}>
              {state.folder ? t('backup.settings.changeFolder') : t('backup.settings.chooseFolder')}
            </Button>
          </div>
        )}
        <form onSubmit={(event) => void saveDays(event)} noValidate className="otk-grid otk-narrow">
          <TextInput id="backup-warn-days" type="number" labelText={t('backup.settings.warnDays')} hintText={t('backup.settings.warnDaysHint')} value={days} onChange={(value) => setDays(String(value ?? ''))} />
          <Button type="submit">{t('backup.settings.saveWarn')}</Button>
        </form>
        <div role={notice?.error ? 'alert' : 'status'} className="otk-live">
          {notice && <Paragraph className={notice.error ? 'otk-error' : 'otk-notice'}>{notice.text}</Paragraph>}
        </div>

        <Heading variant="h3" id="backup-now-heading">
          {t('backup.now.heading')}
        </Heading>
        <Paragraph mb="s">{t(desktop ? 'backup.now.introDesktop' : 'backup.now.introWeb')}</Paragraph>
        <div className="otk-row-actions">
          <Button id="backup-now" disabled={busy || (desktop && !state.folder)} onClick={() => void run(desktop && state.folder ? { kind: 'folder', folder: state.folder } : { kind: 'download' })}>
            {t('backup.now.submit')}
          </Button>
          {desktop && (
            <Button variant="secondary" id="backup-to-file" disabled={busy} onClick={() => void run({ kind: 'file' })}>
              {t('backup.now.toFile')}
            </Button>
          )}
        </div>
        <BackupProgress id="backup-progress" progress={progress} onCancel={cancel} />
        <div role={message?.kind === 'error' ? 'alert' : 'status'} className="otk-live">
          {message && (
            <Paragraph className={message.kind === 'error' ? 'otk-error' : 'otk-notice'} data-testid="backup-message">
              {message.text}
            </Paragraph>
          )}
        </div>
      </Block>
      <StorageStatus />
    </>
  );
}
