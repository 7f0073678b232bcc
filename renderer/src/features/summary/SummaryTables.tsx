import { useTranslation } from 'react-i18next';
import { isCountMeasure, type SummaryMeasure } from '../../../../shared/summary/spec';
import type { SummaryCell, SummaryTable } from '../../../../shared/summary/tables';
import type { CsvLabels } from '../../../../shared/summary/csv';
import { SUMMARY_TEXT } from '../../../../shared/summary/messages';

/** A published cell in the UI language: counts as integers, days and shares with one decimal, markers explained. */
export function CellText({ cell, measure }: { cell: SummaryCell; measure: SummaryMeasure }) {
  const { t, i18n } = useTranslation();
  if (cell === '<5') return <abbr title={t(SUMMARY_TEXT.lessThanFive)}>&lt;5</abbr>;
  if (cell === '..') return <abbr title={t(SUMMARY_TEXT.hidden)}>..</abbr>;
  if (isCountMeasure(measure)) return <>{cell.toLocaleString(i18n.language)}</>;
  const text = cell.toLocaleString(i18n.language, { minimumFractionDigits: measure === 'targetMetShare' ? 1 : 0, maximumFractionDigits: 1 });
  return <>{measure === 'targetMetShare' ? `${text} %` : text}</>;
}

/** One or no dimension: categories down, measures across (each measure's table gives one column). */
function MeasureColumns({ tables, labels, caption }: { tables: SummaryTable[]; labels: CsvLabels; caption: string }) {
  const first = tables[0]!;
  const rows = first.rows;
  return (
    <table className="otk-table otk-summary-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rows ? labels.header(`summary.dimension.${rows.dimension}`) : ''}</th>
          {tables.map((table) => (
            <th scope="col" key={table.measure}>
              {labels.header(`summary.measure.${table.measure}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows?.codes.map((code, r) => (
          <tr key={code}>
            <th scope="row">{labels.label(rows.dimension, code)}</th>
            {tables.map((table) => (
              <td key={table.measure}>
                <CellText cell={table.rowTotals[r]!} measure={table.measure} />
              </td>
            ))}
          </tr>
        ))}
        <tr className="otk-total-row">
          <th scope="row">{labels.header(SUMMARY_TEXT.total)}</th>
          {tables.map((table) => (
            <td key={table.measure}>
              <CellText cell={table.total} measure={table.measure} />
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

/** Two dimensions: one measure, rows × columns with their totals. */
function CrossTable({ table, labels }: { table: SummaryTable; labels: CsvLabels }) {
  const rows = table.rows!;
  const columns = table.columns!;
  return (
    <table className="otk-table otk-summary-table otk-summary-cross">
      <caption>{labels.header(`summary.measure.${table.measure}`)}</caption>
      <thead>
        <tr>
          <th scope="col">
            {labels.header(`summary.dimension.${rows.dimension}`)} \ {labels.header(`summary.dimension.${columns.dimension}`)}
          </th>
          {columns.codes.map((code) => (
            <th scope="col" key={code}>
              {labels.label(columns.dimension, code)}
            </th>
          ))}
          <th scope="col">{labels.header(SUMMARY_TEXT.total)}</th>
        </tr>
      </thead>
      <tbody>
        {rows.codes.map((code, r) => (
          <tr key={code}>
            <th scope="row">{labels.label(rows.dimension, code)}</th>
            {columns.codes.map((column, c) => (
              <td key={column}>
                <CellText cell={table.cells[r]![c]!} measure={table.measure} />
              </td>
            ))}
            <td>
              <CellText cell={table.rowTotals[r]!} measure={table.measure} />
            </td>
          </tr>
        ))}
        <tr className="otk-total-row">
          <th scope="row">{labels.header(SUMMARY_TEXT.total)}</th>
          {columns.codes.map((column, c) => (
            <td key={column}>
              <CellText cell={table.columnTotals[c]!} measure={table.measure} />
            </td>
          ))}
          <td>
            <CellText cell={table.total} measure={table.measure} />
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** A summary's tables as the screen and the printed report show them, with the legend of the markers. */
export function SummaryTables({ tables, labels, caption }: { tables: SummaryTable[]; labels: CsvLabels; caption: string }) {
  const { t } = useTranslation();
  if (tables.length === 0) return null;
  const crossed = tables[0]!.columns !== null;
  return (
    <div className="otk-summary-tables">
      {/* Wide tables scroll sideways; the region takes focus so the keyboard can scroll it too. */}
      <div className="otk-table-scroll" role="region" aria-label={caption} tabIndex={0}>
        {crossed ? tables.map((table) => <CrossTable key={table.measure} table={table} labels={labels} />) : <MeasureColumns tables={tables} labels={labels} caption={caption} />}
      </div>
      <p className="otk-muted">
        &lt;5 = {t(SUMMARY_TEXT.lessThanFive)} · .. = {t(SUMMARY_TEXT.hidden)}
      </p>
    </div>
  );
}
