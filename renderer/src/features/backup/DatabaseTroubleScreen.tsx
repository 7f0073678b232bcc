import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Paragraph } from 'suomifi-ui-components';
import { GateShell } from '../session/GateShell';
import type { Trouble } from './database-trouble';

/**
 * The app's database cannot be opened, or opened empty where there was an installation: what
 * happened, that nothing was changed, and what to do — install the newer app, free space, or
 * restore the latest backup. Deleting an unreadable database to restore into its place is asked
 * for explicitly; a lost installation is restored into the new empty one, or set up anew.
 */
export function DatabaseTroubleScreen({ trouble, onRestore, onSetUpNew }: { trouble: Trouble; onRestore: () => Promise<void>; onSetUpNew?: () => void }) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState(false);
  const [asked, setAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const replaces = trouble !== 'lost';

  async function restore() {
    if (replaces && !confirmed) return setAsked(true);
    setBusy(true);
    setFailed(false);
    try {
      await onRestore();
    } catch (error) {
      console.error('could not start the restore', error);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <GateShell title={t(`dbTrouble.${trouble}.title`)}>
      <div role="alert">
        <Paragraph className="otk-error" mb="s">
          {t(`dbTrouble.${trouble}.what`)}
        </Paragraph>
      </div>
      <Paragraph mb="s">{t(`dbTrouble.${trouble}.action`)}</Paragraph>
      {trouble !== 'full' && (
        <div className="otk-grid otk-narrow">
          {replaces && (
            <>
              <Paragraph className="otk-warning">{t('dbTrouble.replaceWarning')}</Paragraph>
              <Checkbox
                id="trouble-confirm"
                checked={confirmed}
                onClick={({ checkboxState }) => {
                  setConfirmed(checkboxState);
                  setAsked(false);
                }}
                status={asked ? 'error' : 'default'}
                statusText={asked ? t('dbTrouble.confirmFirst') : undefined}
              >
                {t('dbTrouble.confirm')}
              </Checkbox>
            </>
          )}
          <Button id="trouble-restore" disabled={busy} onClick={() => void restore()}>
            {t('dbTrouble.restore')}
          </Button>
          {onSetUpNew && (
            <Button variant="secondary" id="trouble-new" onClick={onSetUpNew}>
              {t('dbTrouble.setUpNew')}
            </Button>
          )}
        </div>
      )}
      <div role="alert" className="otk-live">
        {failed && <Paragraph className="otk-error">{t('dbTrouble.failed')}</Paragraph>}
      </div>
    </GateShell>
  );
}
