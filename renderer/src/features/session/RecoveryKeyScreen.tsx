import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Paragraph } from 'suomifi-ui-components';
import { GateShell } from './GateShell';

/** The recovery key, shown once: the coordinator confirms having stored it before going on. */
export function RecoveryKeyScreen({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  const [error, setError] = useState(false);
  return (
    <GateShell title={t('session.recovery.title')}>
      <Paragraph>{t('session.recovery.intro')}</Paragraph>
      <p className="otk-recovery-key" aria-label={t('session.recovery.keyLabel')}>
        <code>{recoveryKey}</code>
      </p>
      <Paragraph>{t('session.recovery.once')}</Paragraph>
      <div className="otk-grid otk-narrow">
        <Checkbox
          id="recovery-stored"
          checked={stored}
          onClick={({ checkboxState }) => {
            setStored(checkboxState);
            setError(false);
          }}
          status={error ? 'error' : 'default'}
          statusText={error ? t('session.recovery.confirmFirst') : undefined}
        >
          {t('session.recovery.stored')}
        </Checkbox>
        <Button id="recovery-continue" onClick={() => (stored ? onDone() : setError(true))}>{t('session.recovery.continue')}</Button>
      </div>
    </GateShell>
  );
}
