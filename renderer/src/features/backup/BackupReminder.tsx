import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import { useServices } from '../../services/services';
import { dueAfterChange } from '../../../../shared/backup';
import { useLiveQuery } from 'dexie-react-hooks';
import { changedSinceLastBackup } from '../../commands/backup/changes';
import { useBackupRun } from './useBackupRun';
import { useBackupState, useShell } from './useBackupState';
import { BackupProgress } from './BackupProgress';
import { backupFailureWords } from './backup-words';
import { BackupError, type BackupErrorCode } from '../../../../shared/backup';

/**
 * The banner under the header: in the browser, a reminder when today's changes have no backup yet,
 * with the download (the browser cannot write files unasked); in the desktop app, when the last
 * automatic backup failed, what failed and "Back up now". Quiet otherwise.
 */
export function BackupReminder() {
  const { t } = useTranslation();
  const { commands } = useServices();
  const state = useBackupState();
  const shell = useShell();
  const changed = useLiveQuery(async () => (state ? changedSinceLastBackup(commands.db, state) : false), [commands.db, state]);
  const { run, cancel, progress, message, busy } = useBackupRun();
  if (!state || !shell || changed === undefined) return null;

  const failed = state.failure !== null && (state.last === null || state.failure.at > state.last.at);
  const webDue = shell === 'web' && dueAfterChange({ at: state.last?.at ?? null }, changed, commands.now());
  if (!failed && !webDue && !busy && !message) return null;
  const failure = failed && state.failure ? backupFailureWords(new BackupError(state.failure.code as BackupErrorCode, state.failure.code), t) : null;
  const target = shell === 'electron' && state.folder ? ({ kind: 'folder', folder: state.folder } as const) : shell === 'electron' ? ({ kind: 'file' } as const) : ({ kind: 'download' } as const);

  return (
    <section className="otk-backup-reminder otk-no-print" aria-labelledby="backup-reminder-heading">
      <h2 id="backup-reminder-heading" className="otk-visually-hidden">
        {t('backup.reminder.heading')}
      </h2>
      {failure && !message && (
        <div role="alert">
          <Paragraph className="otk-error">{`${t('backup.reminder.failed')} ${failure.what} ${failure.action}`}</Paragraph>
        </div>
      )}
      {webDue && !failure && !message && <Paragraph>{t('backup.reminder.due')}</Paragraph>}
      {(failure || webDue) && !busy && !message && (
        <Button id="backup-reminder-now" variant="secondary" onClick={() => void run(target)}>
          {shell === 'web' ? t('backup.reminder.download') : t('backup.now.submit')}
        </Button>
      )}
      <BackupProgress id="backup-reminder-progress" progress={progress} onCancel={cancel} />
      <div role={message?.kind === 'error' ? 'alert' : 'status'} className="otk-live">
        {message && <Paragraph className={message.kind === 'error' ? 'otk-error' : 'otk-notice'}>{message.text}</Paragraph>}
      </div>
    </section>
  );
}
