import { NOT_RECORDED } from './dimensions';
import { SUMMARY_LABEL_PREFIX, SUMMARY_TEXT } from './messages';
import type { SummaryFile } from './output';
import { periodBounds } from './period';
import { isCountMeasure, type SummaryDimension, type SummaryMeasure } from './spec';
import type { SummaryCell, SummaryNote, SummaryTable } from './tables';

/**
 * A summary as CSV for Finnish Excel: UTF-8 with a byte-order mark, ';' between fields, CRLF line
 * ends, decimal comma in Finnish and Swedish (point in English), fields with ';', '"' or a line
 * break quoted. The engine stays language-free: every text comes from the caller.
 *
 * One or no dimension: one block, a column per measure. Two dimensions: one block per measure,
 * rows × columns with totals. Then the legend of '<5' and '..' and the notes.
 */
export type CsvLanguage = 'fi' | 'sv' | 'en';

export type SummaryHeaderKey =
  | (typeof SUMMARY_TEXT)[keyof typeof SUMMARY_TEXT]
  | `summary.dimension.${SummaryDimension}`
  | `summary.measure.${SummaryMeasure}`
  | `summary.note.${SummaryNote}`;

export interface CsvLabels {
  language: CsvLanguage;
  /** The text of a header key (an i18n `t` function will do). */
  header: (key: SummaryHeaderKey) => string;
  /** The label of a category: a reference code, a network id or a month `YYYY-MM`. 'none' is asked as SUMMARY_TEXT.notRecorded instead. */
  label: (dimension: SummaryDimension, code: string) => string;
}

const NEEDS_QUOTES = /[;"\r\n]/;

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function formatCell(cell: SummaryCell, measure: SummaryMeasure, decimal: string): string {
  if (typeof cell !== 'number') return cell;
  if (isCountMeasure(measure)) return String(cell);
  const text = measure === 'targetMetShare' || !Number.isInteger(cell) ? cell.toFixed(1) : String(cell);
  return text.replace('.', decimal);
}

export function summaryCsv(file: SummaryFile, labels: CsvLabels): string {
  const { header, label } = labels;
  const decimal = labels.language === 'en' ? '.' : ',';
  const lines: string[][] = [];
  const categoryLabel = (dimension: SummaryDimension, code: string) => (code === NOT_RECORDED ? header(SUMMARY_TEXT.notRecorded) : label(dimension, code));
  const dimensionHeader = (d: SummaryDimension) => header(`${SUMMARY_LABEL_PREFIX.dimension}${d}`);
  const measureHeader = (m: SummaryMeasure) => header(`${SUMMARY_LABEL_PREFIX.measure}${m}`);
  const total = header(SUMMARY_TEXT.total);
  const cellText = (table: SummaryTable, cell: SummaryCell) => formatCell(cell, table.measure, decimal);

  const producer = file.producer;
  const producerText = producer.kind === 'centre' ? producer.name : `${header(SUMMARY_TEXT.national)}: ${producer.areas.map((a) => label('area', a)).join(', ')}`;
  const { from, to } = periodBounds(file.period);
  lines.push([header(SUMMARY_TEXT.producer), producerText]);
  lines.push([header(SUMMARY_TEXT.period), from === to ? label('month', from) : `${label('month', from)} – ${label('month', to)}`]);
  lines.push([]);

  const tables = file.tables;
  const first = tables[0];
  if (first?.columns) {
    tables.forEach((table, t) => {
      const rows = table.rows!;
      const columns = table.columns!;
      if (t > 0) lines.push([]);
      lines.push([measureHeader(table.measure)]);
      lines.push([`${dimensionHeader(rows.dimension)} / ${dimensionHeader(columns.dimension)}`, ...columns.codes.map((c) => categoryLabel(columns.dimension, c)), total]);
      rows.codes.forEach((code, r) => {
        lines.push([categoryLabel(rows.dimension, code), ...table.cells[r]!.map((cell) => cellText(table, cell)), cellText(table, table.rowTotals[r]!)]);
      });
      lines.push([total, ...table.columnTotals.map((cell) => cellText(table, cell)), cellText(table, table.total)]);
    });
  } else if (first) {
    const rows = first.rows;
    lines.push([rows ? dimensionHeader(rows.dimension) : '', ...tables.map((table) => measureHeader(table.measure))]);
    rows?.codes.forEach((code, r) => {
      lines.push([categoryLabel(rows.dimension, code), ...tables.map((table) => cellText(table, table.rowTotals[r]!))]);
    });
    lines.push([total, ...tables.map((table) => cellText(table, table.total))]);
  }

  lines.push([]);
  lines.push(['<5', header(SUMMARY_TEXT.lessThanFive)]);
  lines.push(['..', header(SUMMARY_TEXT.hidden)]);
  for (const note of file.notes) lines.push([header(`${SUMMARY_LABEL_PREFIX.note}${note}`)]);
  return `\uFEFF${lines.map((fields) => fields.map(csvField).join(';')).join('\r\n')}\r\n`;
}
