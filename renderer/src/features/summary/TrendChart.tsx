import { useTranslation } from 'react-i18next';
import type { Trend } from '../../../../shared/summary/trend';
import type { CsvLabels } from '../../../../shared/summary/csv';
import { CellText } from './SummaryTables';

const WIDTH = 640;
const HEIGHT = 200;
const AXIS = 24;

/**
 * The trend over months as a bar chart (SVG, no library: one series of counts needs none), with
 * the same numbers in a table beside it — the table is what screen readers read; the chart is
 * hidden from them. Suppressed months are drawn as outlined placeholder bars marked "<5" or "..",
 * so the chart never shows a value the table hides.
 */
export function TrendChart({ trend, labels }: { trend: Trend; labels: CsvLabels }) {
  const { t } = useTranslation();
  const series = trend.series[0]!;
  const values = series.points.map((p) => (typeof p === 'number' ? p : null));
  const max = Math.max(5, ...values.map((v) => v ?? 0));
  const slot = (WIDTH - AXIS) / Math.max(1, trend.months.length);
  const bar = Math.max(4, slot * 0.7);
  const title = t('summary.trendHeading', { measure: labels.header(`summary.measure.${trend.measure}`) });
  return (
    <figure className="otk-trend">
      <figcaption>{title}</figcaption>
      <div className="otk-trend-body">
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + AXIS}`} role="img" aria-hidden="true" className="otk-trend-chart" focusable="false">
          <line x1={AXIS} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="#5f686d" />
          <text x={0} y={12} fontSize="11" fill="#1a1a1a">
            {max}
          </text>
          {series.points.map((point, i) => {
            const x = AXIS + i * slot + (slot - bar) / 2;
            const month = trend.months[i]!;
            if (typeof point !== 'number') {
              const h = HEIGHT * (2.5 / max);
              return (
                <g key={month}>
                  <rect x={x} y={HEIGHT - h} width={bar} height={h} fill="none" stroke="#5f686d" strokeDasharray="3 2" />
                  <text x={x + bar / 2} y={HEIGHT - h - 3} fontSize="10" textAnchor="middle" fill="#1a1a1a">
                    {point}
                  </text>
                </g>
              );
            }
            const h = HEIGHT * (point / max);
            return <rect key={month} x={x} y={HEIGHT - h} width={bar} height={h} fill="#2a6ebb" />;
          })}
          {trend.months.map((month, i) =>
            trend.months.length <= 12 || i % Math.ceil(trend.months.length / 12) === 0 ? (
              <text key={month} x={AXIS + i * slot + slot / 2} y={HEIGHT + 16} fontSize="10" textAnchor="middle" fill="#1a1a1a">
                {labels.label('month', month)}
              </text>
            ) : null,
          )}
        </svg>
        <table className="otk-table otk-trend-table">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.header('summary.dimension.month')}</th>
              <th scope="col">{labels.header(`summary.measure.${trend.measure}`)}</th>
            </tr>
          </thead>
          <tbody>
            {trend.months.map((month, i) => (
              <tr key={month}>
                <th scope="row">{labels.label('month', month)}</th>
                <td>
                  <CellText cell={series.points[i]!} measure={trend.measure} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
