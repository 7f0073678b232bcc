import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from 'suomifi-ui-components';
import { helsinkiDate } from '../../../../shared/calendar/target-date';
import { summaryRequestSchema } from '../../../../shared/summary/spec';
import type { SummaryFile } from '../../../../shared/summary/output';
import { useServices } from '../../services/services';
import { canWrite } from '../../../../shared/protection/roles';
import { useSettings } from '../../queries/useSettings';
import { useMessage } from '../../forms/message';
import { useCommand } from '../../forms/useCommand';
import { useFileOutcome } from '../../forms/useFileOutcome';
import { LiveRegions } from '../../forms/LiveRegions';
import { SummaryControls, type SummaryChoice } from './SummaryControls';
import { SummaryTables, CellText } from './SummaryTables';
import { TrendChart } from './TrendChart';
import { SummaryPresets } from './SummaryPresets';
import { useSummaryLabels } from './labels';
import { useCentreSummary } from './useCentreSummary';
import { saveSummaryCsv, saveSummaryJson } from './summary-files';
import { PrintPage } from '../../print/PrintPage';
import { formatMonth, parseMonthInput } from '../../format/dates';
import { NotPermitted } from '../../components/NotPermitted';
import { ScreenPanel } from '../../components/ScreenPanel';
import { Section } from '../../components/Section';

/** A typed month (3/2026, 3.2026 or 2026-03) as `YYYY-MM`; anything else as typed, for the schema to name. */
const monthOf = (text: string) => parseMonthInput(text) ?? text.trim();

function requestOf(choice: SummaryChoice) {
  const period =
    choice.kind === 'year'
      ? { kind: 'year', year: choice.year }
      : choice.kind === 'quarter'
        ? { kind: 'quarter', year: choice.year, quarter: choice.quarter }
        : choice.kind === 'month'
          ? { kind: 'month', month: monthOf(choice.month) }
          : { kind: 'range', from: monthOf(choice.from), to: monthOf(choice.to) };
  const dimensions = [choice.rows, choice.columns].filter((d) => d !== '');
  const parsed = summaryRequestSchema.safeParse({ period, dimensions, measures: choice.measures });
  // A string key: the summary is recomputed only when the request really changes.
  return parsed.success ? { key: JSON.stringify(parsed.data), issues: [] } : { key: '', issues: parsed.error.issues.map((issue) => issue.message) };
}

/**
 * Anonymised activity summaries of this centre: choose the period and up to two breakdowns, read
 * the headline numbers, the trend and the tables (suppressed: 1–4 shows as "<5", and what could
 * reveal it as ".."), export CSV or otk-summary/1 JSON, or print the report. Computed in memory
 * from the case index's identity-free projections — no case is read for it.
 */
export function SummaryScreen() {
  const { t } = useTranslation();
  const translate = useMessage();
  const { caseIndex, commands, bridge } = useServices();
  const settings = useSettings();
  const labels = useSummaryLabels();
  const today = helsinkiDate(commands.now());
  const thisYear = Number(today.slice(0, 4));
  const [choice, setChoice] = useState<SummaryChoice>({
    kind: 'year',
    year: thisYear,
    quarter: (Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4,
    month: formatMonth(today.slice(0, 7)),
    from: formatMonth(`${thisYear}-01`),
    to: formatMonth(today.slice(0, 7)),
    rows: 'theme',
    columns: '',
    measures: ['received', 'accepted', 'declined', 'consulted', 'closed', 'medianDaysToConsultation', 'p90DaysToConsultation', 'targetMetShare'],
  });
  const { run, busy, error } = useCommand('summary.exportFailed');
  const reportFile = useFileOutcome();

  useEffect(() => void caseIndex.start(), [caseIndex]);
  const version = useSyncExternalStore(
    (listener) => caseIndex.subscribe(listener),
    () => caseIndex.getVersion(),
  );
  const request = useMemo(() => requestOf(choice), [choice]);
  const requestKey = request.key;
  const issues = request.issues;
  const area = settings?.centreArea ?? '';
  // Summaries are the coordinator's (roles): nothing is computed for another profile.
  const permitted = canWrite(commands.profile, 'summary.read');

  const { summary: result, computing } = useCentreSummary({ enabled: permitted, version, requestKey, area });
  // What is on screen is being replaced: nothing is exported or printed from it meanwhile.
  const stale = !result || computing;

  const years = useMemo(() => Array.from({ length: 10 }, (_, i) => thisYear - i), [thisYear]);
  const prefix = t('summary.filePrefix');
  const exportWith = (save: () => Promise<{ status: string; location?: string; code?: string }>) => void run(async () => reportFile(await save(), 'summary.saved'));

  if (!permitted) return <NotPermitted heading={t('summary.heading')} />;
  return (
    <ScreenPanel
      headingId="summary-heading"
      heading={t('summary.heading')}
      intro={t('summary.intro')}
      introClassName="otk-no-print"
      className="otk-panel otk-printable"
    >
      {area === '' && (
        <Paragraph className="otk-notice otk-no-print">
          {t('summary.chooseCentre')} <a href="#/settings">{t('nav.settings')}</a>
        </Paragraph>
      )}
      <div className="otk-no-print">
        <SummaryControls choice={choice} onChange={setChoice} years={years} labels={labels} />
        <SummaryPresets choice={choice} onChange={setChoice} />
        {issues.length > 0 && (
          <div role="alert" className="otk-error">
            {issues.map((message, i) => (
              <Paragraph key={i}>{translate(message)}</Paragraph>
            ))}
          </div>
        )}
        <div className="otk-row-actions">
          <Button disabled={stale || busy || area === ''} onClick={() => result && exportWith(() => saveSummaryCsv(bridge, result.file, labels, prefix))}>
            {t('summary.exportCsv')}
          </Button>
          <Button variant="secondary" disabled={stale || busy || area === ''} onClick={() => result && exportWith(() => saveSummaryJson(bridge, result.file, prefix))}>
            {t('summary.exportJson')}
          </Button>
          <Button
            variant="secondary"
            disabled={stale || busy}
            onClick={() => result && exportWith(() => bridge.printToPdf({ suggestedName: `${prefix}.pdf`, landscape: true }))}
          >
            {t('summary.print')}
          </Button>
          <a className="otk-button-link" href="#/summaries/national">
            {t('summary.national')}
          </a>
        </div>
        <LiveRegions error={error} />
      </div>
      {/* One status region throughout, so the change of its text is announced. */}
      <Paragraph role="status" className="otk-muted otk-no-print">
        {version === 0 ? t('home.loading') : computing ? t('summary.computing') : ''}
      </Paragraph>
      {result && (
        <div aria-busy={computing}>
          <PrintPage head={[t('summary.heading'), periodText(result.file, labels, t), producerName(result.file)].filter(Boolean).join(' – ')} landscape />
          <Section headingId="summary-headline" heading={t('summary.headlineHeading', { period: periodText(result.file, labels, t) })} className="otk-section">
            <dl className="otk-headline">
              <div>
                <dt>{t('summary.measure.received')}</dt>
                <dd>
                  <CellText cell={result.headline.requests} measure="received" />
                </dd>
              </div>
              <div>
                <dt>{t('summary.measure.medianDaysToConsultation')}</dt>
                <dd>
                  <CellText cell={result.headline.medianDaysToConsultation} measure="medianDaysToConsultation" />
                </dd>
              </div>
              <div>
                <dt>{t('summary.measure.targetMetShare')}</dt>
                <dd>
                  <CellText cell={result.headline.targetMetShare} measure="targetMetShare" />
                </dd>
              </div>
              <div>
                <dt>{t('summary.topThemes')}</dt>
                <dd>{result.headline.topThemes.length === 0 ? '–' : result.headline.topThemes.map((theme) => `${labels.label('theme', theme.theme)} (${theme.requests})`).join(', ')}</dd>
              </div>
            </dl>
          </Section>
          <TrendChart trend={result.trend} labels={labels} />
          <Section headingId="summary-tables" heading={t('summary.tablesHeading')} className="otk-section">
            <SummaryTables tables={result.file.tables} labels={labels} caption={periodText(result.file, labels, t)} />
            {result.file.notes.map((note) => (
              <Paragraph key={note} className="otk-muted">
                {t(`summary.note.${note}`)}
              </Paragraph>
            ))}
            <Paragraph className="otk-muted">{t('summary.producedBy', { producer: producerName(result.file) })}</Paragraph>
          </Section>
        </div>
      )}
    </ScreenPanel>
  );
}

function producerName(file: SummaryFile): string {
  return file.producer.kind === 'centre' ? file.producer.name : '';
}

/** "1/2026 – 12/2026" style text of a summary's period. */
export function periodText(file: SummaryFile, labels: ReturnType<typeof useSummaryLabels>, t: (key: string, params?: Record<string, unknown>) => string): string {
  const period = file.period;
  switch (period.kind) {
    case 'year':
      return t('summary.periodYear', { year: period.year });
    case 'quarter':
      return t('summary.periodQuarter', { year: period.year, quarter: period.quarter });
    case 'month':
      return labels.label('month', period.month);
    case 'range':
      return `${labels.label('month', period.from)} – ${labels.label('month', period.to)}`;
  }
}
