import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import { useServices } from '../../services/services';
import { useUiStore } from '../../state/uiStore';
import { formatDateTime } from '../../format/dates';
import { isStale } from '../../../../shared/backup';
import { useBackupState } from './useBackupState';

/** Home: the last verified backup's date, and a warning when it is older than the configured days (or there is none). */
export function BackupStatus() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const { commands } = useServices();
  const state = useBackupState();
  if (!state) return null;
  const stale = isStale({ at: state.last?.at ?? null }, state.warnDays, commands.now());
  return (
    <div className={`otk-backup-status${stale ? ' otk-warning' : ''}`} data-testid="home-backup">
      <Paragraph>
        {state.last ? t('backup.home.last', { when: formatDateTime(state.last.at, language) }) : t('backup.home.never')}{' '}
        {stale && (state.last ? t('backup.home.stale', { count: state.warnDays }) : '')}{' '}
        <a href="#/settings">{t('backup.home.settings')}</a>
      </Paragraph>
    </div>
  );
}
