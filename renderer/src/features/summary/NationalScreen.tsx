import { Section } from '../../components/Section';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import { parseSummaryFile, type SummaryFile } from '../../../../shared/summary/output';
import { mergeSummaries } from '../../../../shared/summary/merge';
import { isSummaryError } from '../../../../shared/summary/errors';
import { useServices } from '../../services/services';
import { useCommand } from '../../forms/useCommand';
import { useFileOutcome } from '../../forms/useFileOutcome';
import { LiveRegions } from '../../forms/LiveRegions';
import { SummaryTables } from './SummaryTables';
import { useSummaryLabels } from './labels';
import { periodText } from './SummaryScreen';
import { saveSummaryCsv, saveSummaryJson } from './summary-files';
import { PrintPage } from '../../print/PrintPage';
import { ScreenPanel } from '../../components/ScreenPanel';

interface Loaded {
  name: string;
  file: SummaryFile;
}

/**
 * The national view: the otk-summary/1 files of several centres combined into one table, with the
 * disclosure control applied again over the combination. Anything else — a case-level export, an
 * encrypted bundle, a second file of the same centre, another period — is refused and says why.
 */
export function NationalScreen() {
  const { t } = useTranslation();
  const { bridge, commands } = useServices();
  const labels = useSummaryLabels();
  const [files, setFiles] = useState<Loaded[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const { run, busy, error } = useCommand('summary.exportFailed');
  const reportFile = useFileOutcome();

  const merged = useMemo(() => {
    if (files.length === 0) return { file: null, error: null };
    try {
      return { file: mergeSummaries(files.map((f) => f.file), commands.now().toISOString()), error: null };
    } catch (caught) {
      if (isSummaryError(caught)) return { file: null, error: t(caught.messageKey) };
      throw caught;
    }
  }, [files, commands, t]);

  const add = () =>
    void run(async () => {
      setRefusal(null);
      const opened = await bridge.openFile({ filters: [{ name: 'otk-summary/1 (JSON)', extensions: ['json'] }], maxBytes: 10 * 1024 * 1024 });
      if (opened.status !== 'opened') return;
      try {
        const file = parseSummaryFile(opened.bytes);
        setFiles((list) => [...list, { name: opened.name, file }]);
      } catch (caught) {
        if (!isSummaryError(caught)) throw caught;
        setRefusal(t('summary.refused', { name: opened.name, reason: t(caught.messageKey) }));
      }
    });
  const save = (kind: 'csv' | 'json') =>
    void run(async () => {
      if (!merged.file) return;
      const prefix = t('summary.nationalFilePrefix');
      reportFile(kind === 'csv' ? await saveSummaryCsv(bridge, merged.file, labels, prefix) : await saveSummaryJson(bridge, merged.file, prefix), 'summary.saved');
    });
  const print = () =>
    void run(async () => reportFile(await bridge.printToPdf({ suggestedName: `${t('summary.nationalFilePrefix')}.pdf`, landscape: true }), 'summary.saved'));

  return (
    <ScreenPanel
      headingId="national-heading"
      heading={t('summary.nationalHeading')}
      intro={t('summary.nationalIntro')}
      introClassName="otk-no-print"
      className="otk-panel otk-printable"
    >
      <div className="otk-row-actions otk-no-print">
        <Button disabled={busy} onClick={add}>
          {t('summary.addFile')}
        </Button>
        <Button variant="secondary" disabled={!merged.file || busy} onClick={() => save('csv')}>
          {t('summary.exportCsv')}
        </Button>
        <Button variant="secondary" disabled={!merged.file || busy} onClick={() => save('json')}>
          {t('summary.exportJson')}
        </Button>
        <Button variant="secondary" disabled={!merged.file || busy} onClick={print}>
          {t('summary.print')}
        </Button>
        <a className="otk-button-link" href="#/summaries">
          {t('summary.backToSummaries')}
        </a>
      </div>
      <LiveRegions error={refusal ?? error ?? merged.error} className="otk-no-print" />
      {files.length > 0 && (
        <ul className="otk-file-list" aria-label={t('summary.filesLabel')}>
          {files.map((loaded, i) => (
            <li key={`${loaded.name}-${i}`}>
              {loaded.file.producer.kind === 'centre' ? loaded.file.producer.name : t('summary.csv.national')} · {periodText(loaded.file, labels, t)} · {loaded.name}{' '}
              <Button variant="secondaryNoBorder" className="otk-no-print" onClick={() => setFiles((list) => list.filter((_, j) => j !== i))}>
                {t('summary.removeFile', { name: loaded.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {merged.file && (
        <Section
          headingId="national-tables"
          heading={t('summary.combinedHeading', { count: files.length, period: periodText(merged.file, labels, t) })}
          before={<PrintPage head={`${t('summary.nationalHeading')} – ${periodText(merged.file, labels, t)}`} landscape />}
        >
          <SummaryTables tables={merged.file.tables} labels={labels} caption={periodText(merged.file, labels, t)} />
          {merged.file.notes.map((note) => (
            <Paragraph key={note} className="otk-muted">
              {t(`summary.note.${note}`)}
            </Paragraph>
          ))}
        </Section>
      )}
    </ScreenPanel>
  );
}
