import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import type { BackupProgress as Progress } from '../../commands/backup/write';

/** A backup's or restore's progress: a real <progress> element, announced politely, with Cancel. */
export function BackupProgress({ id, progress, onCancel }: { id: string; progress: Progress | null; onCancel?: () => void }) {
  const { t } = useTranslation();
  if (!progress) return null;
  const phase = t(`backup.phase.${progress.phase}`);
  return (
    <div className="otk-progress" role="status" aria-live="polite">
      <label htmlFor={id}>{progress.total > 0 ? t('backup.progressOf', { phase, percent: Math.floor((progress.done / progress.total) * 100) }) : phase}</label>
      <progress id={id} max={progress.total > 0 ? progress.total : undefined} value={progress.total > 0 ? progress.done : undefined} />
      {onCancel && (
        <Button variant="secondary" onClick={onCancel}>
          {t('backup.cancel')}
        </Button>
      )}
    </div>
  );
}
