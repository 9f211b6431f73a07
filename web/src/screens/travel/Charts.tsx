// Small SVG charts for the statistics tab: stacked bars per category, with a legend, a text alternative and CSV export.
import { csvFilename, download, toCsv } from '../../lib/csv';
import { formatNumber, t } from '../../i18n';

export interface Series {
  key: string;
  label: string;
  /** A CSS colour (a custom property of the theme where possible). */
  color: string;
}

export interface BarChartProps {
  title: string;
  /** Categories along the axis (days, carriers, lists). */
  categories: readonly string[];
  series: readonly Series[];
  /** value(category, series key) */
  value: (category: string, series: string) => number;
  exportName: string;
}

const ROW = 22;
const LABEL = 150;
const WIDTH = 640;

/** Horizontal stacked bars: one row per category, one colour per series. */
export function BarChart({ title, categories, series, value, exportName }: BarChartProps) {
  const totals = categories.map((c) => series.reduce((n, s) => n + value(c, s.key), 0));
  const max = Math.max(1, ...totals);
  const plot = WIDTH - LABEL - 60;
  const height = categories.length * ROW + 8;
  const exportCsv = () =>
    download(
      csvFilename(exportName),
      toCsv(
        ['', ...series.map((s) => s.label), t('travel.stats.total')],
        categories.map((c, i) => [c, ...series.map((s) => value(c, s.key)), totals[i]!]),
      ),
    );
  return (
    <figure className="stats-chart">
      <figcaption className="stats-chart__head">
        <span className="section-title">{title}</span>
        <span className="stats-chart__legend">
          {series.map((s) => (
            <span key={s.key} className="stats-chart__key">
              <svg width="12" height="12" aria-hidden="true">
                <rect width="12" height="12" fill={s.color} />
              </svg>
              {s.label}
            </span>
          ))}
        </span>
        <button type="button" className="button button--small" onClick={exportCsv} disabled={!categories.length}>
          {t('action.export-csv')}
        </button>
      </figcaption>
      {categories.length === 0 ? (
        <p className="muted">{t('travel.stats.no-data')}</p>
      ) : (
        <svg className="stats-chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
          {categories.map((c, i) => {
            let x = LABEL;
            const y = i * ROW + 4;
            return (
              <g key={c}>
                <text x={LABEL - 6} y={y + ROW / 2 + 4} textAnchor="end" className="stats-chart__label">
                  {c.length > 22 ? `${c.slice(0, 21)}…` : c}
                </text>
                {series.map((s) => {
                  const w = (value(c, s.key) / max) * plot;
                  const rect =
                    w > 0 ? (
                      <rect key={s.key} x={x} y={y} width={w} height={ROW - 6} fill={s.color}>
                        <title>{`${c} · ${s.label}: ${formatNumber(value(c, s.key))}`}</title>
                      </rect>
                    ) : null;
                  x += w;
                  return rect;
                })}
                <text x={x + 4} y={y + ROW / 2 + 4} className="stats-chart__value">
                  {formatNumber(totals[i]!)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
