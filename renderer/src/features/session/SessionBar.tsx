import { useTranslation } from 'react-i18next';
import { Button, Text } from 'suomifi-ui-components';
import { useServices } from '../../services/services';
import { profileLabel } from '../../format/profile-label';

/** Who is signed in, and the lock (also Ctrl+Shift+L) and profile switch, in the header. */
export function SessionBar() {
  const { t } = useTranslation();
  const { commands, session } = useServices();
  const { profile } = commands;
  return (
    <div className="otk-session-bar" role="group" aria-label={t('session.bar.label')}>
      <Text>{profileLabel(t, profile)}</Text>
      <Button variant="secondary" onClick={() => void session.lock('button')} aria-keyshortcuts="Control+Shift+L">
        {t('session.bar.lock')}
      </Button>
      <Button variant="secondaryNoBorder" onClick={() => void session.lock('switch')}>
        {t('session.bar.switch')}
      </Button>
    </div>
  );
}
