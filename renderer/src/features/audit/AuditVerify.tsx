import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from 'suomifi-ui-components';
import { useServices } from '../../services/services';
import { verifyAuditLog } from '../../commands/audit-verify';
import type { RunCommand } from './AuditBrowse';

/**
 * Verifying the audit log's hash chains: `verify` checks every chain and `verification` says the
 * outcome in words — how many events and chains are whole, or where each chain breaks and why.
 */
export function useAuditVerify(run: RunCommand) {
  const { t } = useTranslation();
  const { commands } = useServices();
  const [verification, setVerification] = useState<string | null>(null);
  const verify = () =>
    void run(async () => {
      setVerification(null);
      const { result, installationId, unchained } = await verifyAuditLog(commands);
      const notes = unchained > 0 ? ` ${t('audit.unchained', { count: unchained })}` : '';
      if (result.ok) return setVerification(t('audit.verified', { count: result.count, chains: result.peers.length }) + notes);
      const lines = result.breaks.map((b) =>
        t('audit.broken', {
          chain: b.peer === installationId ? t('audit.ownChain') : t('audit.otherChain', { peer: b.peer }),
          position: b.firstBrokenAt + 1,
          reason: t(`audit.breakReason.${b.reason}`),
          event: b.eventId ?? '–',
        }),
      );
      setVerification(lines.join(' ') + notes);
    });
  return { verification, verify };
}

/** The verification's outcome, announced when it arrives. */
export function AuditVerification({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <Paragraph className="otk-notice" role="status" data-testid="audit-verification">
      {text}
    </Paragraph>
  );
}
