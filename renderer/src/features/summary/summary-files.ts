import type { Bridge } from '../../../../shared/bridge/contract';
import { periodBounds } from '../../../../shared/summary/period';
import { serializeSummary, type SummaryFile } from '../../../../shared/summary/output';
import { summaryCsv, type CsvLabels } from '../../../../shared/summary/csv';

/** `otk-yhteenveto-2026-01-2026-12` style base name (no case data: the period only). */
export function summaryFileName(file: SummaryFile, prefix: string): string {
  const { from, to } = periodBounds(file.period);
  return from === to ? `${prefix}-${from}` : `${prefix}-${from}-${to}`;
}

/** Saves the summary as CSV for Finnish Excel (BOM, ';', decimal comma in fi/sv). */
export function saveSummaryCsv(bridge: Bridge, file: SummaryFile, labels: CsvLabels, prefix: string) {
  const bytes = new TextEncoder().encode(summaryCsv(file, labels));
  return bridge.saveFile({ suggestedName: `${summaryFileName(file, prefix)}.csv`, bytes, filters: [{ name: 'CSV', extensions: ['csv'] }] });
}

/** Saves the summary as `otk-summary/1` JSON, the file the national view combines. */
export function saveSummaryJson(bridge: Bridge, file: SummaryFile, prefix: string) {
  const bytes = new TextEncoder().encode(serializeSummary(file));
  return bridge.saveFile({ suggestedName: `${summaryFileName(file, prefix)}.json`, bytes, filters: [{ name: 'JSON', extensions: ['json'] }] });
}
