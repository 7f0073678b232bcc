import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import { canWrite } from '../../../../shared/protection/roles';
import type { RetentionPolicy } from '../../../../shared/protection/retention';
import { useServices } from '../../services/services';
import { readRetentionPolicy } from '../../commands/retention';
import { LiveRegions } from '../../forms/LiveRegions';
import { useCommand } from '../../forms/useCommand';
import { PolicyForm } from './PolicyForm';
import { DueList } from './DueList';
import { NotPermitted } from '../../components/NotPermitted';
import { ScreenPanel } from '../../components/ScreenPanel';

/**
 * Retention and deletion (#/retention), the coordinator's: the retention policy, the cases whose
 * period is over, and their deletion — confirmed first, with what cannot be undone and what
 * remains (a deletion marker for sync and an audit event) said plainly.
 */
export function RetentionScreen() {
  const { t } = useTranslation();
  const { commands } = useServices();
  const [policy, setPolicy] = useState<RetentionPolicy | null>(null);
  const command = useCommand('retention.failed');
  const permitted = canWrite(commands.profile, 'retention.review');

  useEffect(() => {
    if (!permitted) return;
    let live = true;
    readRetentionPolicy(commands.db).then(
      (saved) => live && setPolicy(saved),
      (error: unknown) => console.error('reading the retention policy failed', error),
    );
    return () => {
      live = false;
    };
  }, [commands, permitted]);

  if (!permitted) return <NotPermitted heading={t('retention.heading')} message={t('retention.notPermitted')} />;
  return (
    <ScreenPanel headingId="retention-heading" heading={t('retention.heading')} intro={t('retention.intro')} introMargin="m" className="otk-panel">
      <LiveRegions error={command.error} />
      {policy === null ? (
        <Paragraph>{t('app.loading')}</Paragraph>
      ) : (
        <>
          <PolicyForm initial={policy} onSaved={setPolicy} run={command.run} busy={command.busy} />
          <DueList policy={policy} run={command.run} busy={command.busy} />
        </>
      )}
    </ScreenPanel>
  );
}
