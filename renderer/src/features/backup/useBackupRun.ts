import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../services/services';
import { APP_VERSION } from '../../services/app-meta';
import { deviceTag } from './device-tag';
import { writeBackup, type BackupOutcome, type BackupProgress, type BackupTarget } from '../../commands/backup/write';
import { backupFailureWords } from './backup-words';

export type BackupMessage = { kind: 'done' | 'error'; text: string } | null;

/**
 * Runs one backup at a time from a screen: progress (rows written, then bytes checked) with
 * Cancel, and the outcome in words — written and verified, cancelled, or what failed and what to do.
 */
export function useBackupRun() {
  const { t } = useTranslation();
  const { commands, bridge } = useServices();
  const [progress, setProgress] = useState<BackupProgress | null>(null);
  const [message, setMessage] = useState<BackupMessage>(null);
  const controller = useRef<AbortController | null>(null);

  const run = useCallback(
    async (target: BackupTarget): Promise<BackupOutcome | null> => {
      if (controller.current) return null;
      const abort = new AbortController();
      controller.current = abort;
      setMessage(null);
      setProgress({ phase: 'writing', done: 0, total: 0 });
      try {
        const outcome = await writeBackup(commands, bridge, target, { appVersion: APP_VERSION, device: deviceTag(), onProgress: setProgress, signal: abort.signal });
        if (outcome.status === 'cancelled') setMessage({ kind: 'done', text: t('backup.now.cancelled') });
        else {
          const rows = Object.values(outcome.record.counts).reduce((a, b) => a + b, 0);
          const done = t('backup.now.done', { file: outcome.record.file, rows });
          setMessage({ kind: outcome.generationsFailed ? 'error' : 'done', text: outcome.generationsFailed ? `${done} ${t('backup.now.generationsFailed')}` : done });
        }
        return outcome;
      } catch (error) {
        console.error('backup failed', error);
        const words = backupFailureWords(error, t);
        setMessage({ kind: 'error', text: `${t('backup.now.failed')} ${words.what} ${words.action}` });
        return null;
      } finally {
        controller.current = null;
        setProgress(null);
      }
    },
    [commands, bridge, t],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { run, cancel, progress, message, busy: progress !== null };
}
