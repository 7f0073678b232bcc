import { useTranslation } from 'react-i18next';
import { Button } from 'suomifi-ui-components';
import { canWrite } from '../../../../shared/protection/roles';
import { useServices } from '../../services/services';
import { useCommand } from '../../forms/useCommand';
import { LiveRegions } from '../../forms/LiveRegions';
import { PrintPage } from '../../print/PrintPage';
import { NotPermitted } from '../../components/NotPermitted';
import { ScreenPanel } from '../../components/ScreenPanel';
import { AuditFilters, useAuditBrowse } from './AuditBrowse';
import { AuditTable } from './AuditTable';
import { AuditVerification, useAuditVerify } from './AuditVerify';
import { useAuditExport } from './AuditExport';

/**
 * The audit log for the data protection officer: who did what to which record and when, newest
 * first, filtered by date, action, user and case (AuditBrowse, AuditTable); exported as JSON lines
 * or printed, each logged itself (AuditExport); its hash chains verified (AuditVerify). One
 * command runner, so one busy flag and one error line serve them all.
 */
export function AuditScreen() {
  const { t } = useTranslation();
  const { commands } = useServices();
  const { run, busy, error } = useCommand('audit.failed');
  const browse = useAuditBrowse(run);
  const { exportLog, printLog } = useAuditExport(run, { filter: browse.filter, events: browse.events });
  const { verification, verify } = useAuditVerify(run);

  // The audit log is the coordinator's (roles); the command layer refuses other profiles too.
  if (!canWrite(commands.profile, 'audit.read')) return <NotPermitted heading={t('audit.heading')} />;
  return (
    <ScreenPanel
      headingId="audit-heading"
      heading={t('audit.heading')}
      intro={t('audit.intro')}
      introClassName="otk-no-print"
      before={<PrintPage head={t('audit.printHead', { count: browse.events.length })} landscape />}
      className="otk-panel otk-printable"
    >
      <AuditFilters choice={browse.choice} onChange={browse.setChoice} onSearch={browse.search} busy={busy} />
      <div className="otk-row-actions otk-no-print">
        <Button variant="secondary" disabled={busy} onClick={exportLog}>
          {t('audit.export')}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={printLog}>
          {t('audit.print')}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={verify}>
          {t('audit.verify')}
        </Button>
      </div>
      <AuditVerification text={verification} />
      <LiveRegions error={error} className="otk-no-print" />
      <AuditTable events={browse.events} more={browse.more} busy={busy} onMore={browse.loadMore} codeOf={browse.codeOf} />
    </ScreenPanel>
  );
}
