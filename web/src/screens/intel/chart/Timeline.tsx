// The chart's timeline: its dated entities and links (calls, payments, ownerships …) counted per year or month; a bar sets the date filter.
import { formatNumber, t } from '../../../i18n';
import type { ChartDoc } from './doc';
import { dayKey, type Fact } from './view';

interface Bin {
  key: string;
  since: string;
  until: string;
  count: number;
}

/** Counts the chart's dated items per month (spans up to three years) or per year. */
export function bins(doc: ChartDoc, facts: ReadonlyMap<string, Fact>): { bins: Bin[]; dated: number } {
  const days: string[] = [];
  const ids = [...doc.nodes.keys(), ...doc.links.keys()];
  for (const id of ids) {
    const f = facts.get(id);
    const d = f?.start ?? f?.end;
    if (d && /^\d{4}/.test(d)) days.push(dayKey(d, 'start'));
  }
  if (!days.length) return { bins: [], dated: 0 };
  days.sort();
  const first = Number(days[0]!.slice(0, 4));
  const last = Number(days[days.length - 1]!.slice(0, 4));
  const monthly = last - first < 3;
  const counts = new Map<string, number>();
  for (const d of days) {
    const k = monthly ? d.slice(0, 7) : d.slice(0, 4);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const out: Bin[] = [];
  if (monthly) {
    for (let y = first; y <= last; y++)
      for (let m = 1; m <= 12; m++) {
        const key = `${y}-${String(m).padStart(2, '0')}`;
        if (key < days[0]!.slice(0, 7) || key > days[days.length - 1]!.slice(0, 7)) continue;
        out.push({ key, since: key, until: key, count: counts.get(key) ?? 0 });
      }
  } else for (let y = first; y <= last; y++) out.push({ key: String(y), since: String(y), until: String(y), count: counts.get(String(y)) ?? 0 });
  return { bins: out, dated: days.length };
}

export function Timeline({
  doc,
  facts,
  since,
  until,
  onRange,
}: {
  doc: ChartDoc;
  facts: ReadonlyMap<string, Fact>;
  since: string | undefined;
  until: string | undefined;
  onRange: (since: string | undefined, until: string | undefined) => void;
}) {
  const { bins: list, dated } = bins(doc, facts);
  if (!list.length) return <p className="muted small intel-timeline">{t('intel.chart.timeline.none')}</p>;
  const max = Math.max(...list.map((b) => b.count));
  const w = Math.max(8, Math.min(40, Math.floor(720 / list.length)));
  const h = 60;
  const inRange = (b: Bin) => (!since || b.until >= since.slice(0, b.key.length)) && (!until || b.since <= until.slice(0, b.key.length));
  return (
    <figure className="intel-timeline">
      <figcaption className="small">
        {t('intel.chart.timeline', { count: formatNumber(dated), from: list[0]!.key, to: list[list.length - 1]!.key })}{' '}
        {(since || until) && (
          <button type="button" className="button button--small" onClick={() => onRange(undefined, undefined)}>
            {t('intel.chart.timeline.all')}
          </button>
        )}
      </figcaption>
      <svg width={list.length * w} height={h + 16} role="group" aria-label={t('intel.chart.timeline.label')}>
        {list.map((b, i) => {
          const bh = b.count ? Math.max(2, (b.count / max) * h) : 0;
          return (
            <g key={b.key} className="intel-timeline__bin" onClick={() => onRange(b.since, b.until)} role="button" aria-label={`${b.key}: ${b.count}`}>
              <title>{`${b.key}: ${formatNumber(b.count)}`}</title>
              <rect x={i * w} y={0} width={w} height={h} fill="transparent" />
              <rect x={i * w + 1} y={h - bh} width={w - 2} height={bh} fill={inRange(b) ? '#2b6cb0' : '#cbd5e0'} />
              {(i === 0 || i === list.length - 1 || (list.length <= 24 && b.key.length === 4)) && (
                <text x={i * w + w / 2} y={h + 12} fontSize="10" textAnchor="middle">
                  {b.key}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
