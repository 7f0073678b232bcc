import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../../shared/domain/audit';
import { useServices } from '../../services/services';
import { auditPage, type AuditFilter } from '../../queries/audit';
import { recordAuditExport } from '../../commands/audit-export';
import { useFileOutcome } from '../../forms/useFileOutcome';
import type { RunCommand } from './AuditBrowse';

/** Events per read while exporting (keyset pages along the `at` index). */
const EXPORT_PAGE = 5000;

/**
 * Taking the audit log off the screen, each time logged itself: `exportLog` saves every event the
 * filters match as JSON lines (codes and field names only — the log never holds case content);
 * `printLog` prints the events on screen (the filtered, loaded ones).
 */
export function useAuditExport(run: RunCommand, { filter, events }: { filter: () => AuditFilter | null; events: AuditEvent[] }) {
  const { t } = useTranslation();
  const { commands, bridge } = useServices();
  const reportFile = useFileOutcome();

  const exportLog = () =>
    void run(async () => {
      const chosen = filter();
      if (!chosen) return;
      const lines: string[] = [];
      let before: { at: string; id: string } | undefined;
      for (;;) {
        const page = await auditPage(commands, chosen, EXPORT_PAGE, before);
        for (const event of page.events) lines.push(JSON.stringify(event));
        const last = page.events.at(-1);
        if (!page.more || !last) break;
        before = { at: last.at, id: last.id };
      }
      await recordAuditExport(commands, lines.length);
      const saved = await bridge.saveFile({
        suggestedName: `${t('audit.fileName')}-${commands.now().toISOString().slice(0, 10)}.jsonl`,
        bytes: new TextEncoder().encode(lines.join('\n') + (lines.length > 0 ? '\n' : '')),
        filters: [{ name: 'JSON Lines', extensions: ['jsonl'] }],
      });
      reportFile(saved, 'audit.saved', { count: lines.length });
    });

  const printLog = () =>
    void run(async () => {
      await recordAuditExport(commands, events.length, 'print');
      const result = await bridge.printToPdf({ suggestedName: `${t('audit.fileName')}-${commands.now().toISOString().slice(0, 10)}.pdf`, landscape: true });
      reportFile(result, 'audit.printed');
    });

  return { exportLog, printLog };
}
