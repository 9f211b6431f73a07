// Statistics of passenger data: messages and travellers per carrier and day by sex, hits per list and rule, decisions and their times.
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNote } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useQueryState } from '../../router';
import { BarChart, type Series } from './Charts';
import { fetchStats, SEXES, type StatsReport } from './dpoApi';
import { shiftDay, today } from './times';
import './stats.css';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SEX_COLORS = { F: '#b5487a', M: '#2f6db5', X: '#c08a1e', unknown: '#8a94a3' } as const;
const sexSeries = (): Series[] => SEXES.map((s) => ({ key: s, label: t(`travel.stats.sex.${s}`), color: SEX_COLORS[s] }));
type Hit = StatsReport['hits'][number];
type TimeRow = { sex: string; decided: number; medianMinutes: number | null; p90Minutes: number | null; meanMinutes: number | null };

/** Sums `rows` by category and series. */
function pivot<R>(rows: readonly R[], category: (r: R) => string, series: (r: R) => string, n: (r: R) => number) {
  const m = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const c = m.get(category(r)) ?? new Map<string, number>();
    c.set(series(r), (c.get(series(r)) ?? 0) + n(r));
    m.set(category(r), c);
  }
  return { categories: [...m.keys()].sort(), value: (c: string, s: string) => m.get(c)?.get(s) ?? 0 };
}

const minutes = (v: number | null) => (v === null ? '–' : t('travel.stats.minutes', { n: formatNumber(v) }));

export function StatsTab() {
  const [query, setQuery] = useQueryState();
  const to = DAY.test(query.get('to') ?? '') ? query.get('to')! : today();
  const from = DAY.test(query.get('from') ?? '') ? query.get('from')! : shiftDay(to, -29);
  const res = useResource(() => fetchStats({ from, to }), [from, to]);
  const r = res.data;
  const byDay = pivot(
    r?.travellers ?? [],
    (x) => x.day,
    (x) => x.sex,
    (x) => x.travellers,
  );
  const byCarrier = pivot(
    r?.travellers ?? [],
    (x) => x.carrier,
    (x) => x.sex,
    (x) => x.travellers,
  );
  const messages = pivot(
    r?.messages ?? [],
    (x) => x.carrier,
    (x) => x.type,
    (x) => x.messages,
  );
  const hitsByKey = new Map((r?.hits ?? []).map((h) => [h.key, h]));
  const outcome = (k: string, s: string) => {
    const h = hitsByKey.get(k);
    return h ? (s === 'confirmed' ? h.confirmed : s === 'falsePositive' ? h.falsePositive : h.undecided) : 0;
  };

  const hitColumns: Column<Hit>[] = [
    { key: 'kind', header: t('travel.stats.kind'), render: (h) => t(`travel.stats.kind.${h.kind}`), csv: (h) => h.kind },
    { key: 'name', header: t('travel.stats.name'), render: (h) => <code>{h.name}</code>, csv: (h) => h.name },
    { key: 'hits', header: t('travel.stats.hits'), render: (h) => formatNumber(h.hits), csv: (h) => h.hits, className: 'num' },
    { key: 'confirmed', header: t('travel.stats.confirmed'), render: (h) => formatNumber(h.confirmed), csv: (h) => h.confirmed, className: 'num' },
    { key: 'fp', header: t('travel.stats.false-positive'), render: (h) => formatNumber(h.falsePositive), csv: (h) => h.falsePositive, className: 'num' },
    { key: 'open', header: t('travel.stats.undecided'), render: (h) => formatNumber(h.undecided), csv: (h) => h.undecided, className: 'num' },
    ...SEXES.map((s): Column<Hit> => ({
      key: `sex-${s}`,
      header: t(`travel.stats.sex.${s}`),
      render: (h) => formatNumber(h.bySex[s]),
      csv: (h) => h.bySex[s],
      className: 'num',
    })),
  ];
  const timeRows: TimeRow[] = r
    ? [{ sex: t('travel.stats.all'), ...r.decisions.time }, ...SEXES.map((s) => ({ sex: t(`travel.stats.sex.${s}`), ...r.decisions.timeBySex[s] }))]
    : [];
  const timeColumns: Column<TimeRow>[] = [
    { key: 'sex', header: t('travel.stats.sex'), render: (x) => x.sex, csv: (x) => x.sex },
    { key: 'decided', header: t('travel.stats.decided'), render: (x) => formatNumber(x.decided), csv: (x) => x.decided, className: 'num' },
    { key: 'median', header: t('travel.stats.median'), render: (x) => minutes(x.medianMinutes), csv: (x) => x.medianMinutes, className: 'num' },
    { key: 'p90', header: t('travel.stats.p90'), render: (x) => minutes(x.p90Minutes), csv: (x) => x.p90Minutes, className: 'num' },
    { key: 'mean', header: t('travel.stats.mean'), render: (x) => minutes(x.meanMinutes), csv: (x) => x.meanMinutes, className: 'num' },
  ];
  const figure = (label: string, value: string) => (
    <div className="stats-figure">
      <span className="stats-figure__value">{value}</span>
      <span className="muted">{label}</span>
    </div>
  );

  return (
    <>
      <p className="section-intro">{t('travel.stats.intro')}</p>
      <div className="filters" role="search" aria-label={t('travel.stats.filters')}>
        <div className="field">
          <label htmlFor="stats-from" className="field__label">
            {t('travel.quality.from')}
          </label>
          <input id="stats-from" type="date" className="input input--date" value={from} max={to} onChange={(e) => setQuery({ from: e.currentTarget.value })} />
        </div>
        <div className="field">
          <label htmlFor="stats-to" className="field__label">
            {t('travel.quality.to')}
          </label>
          <input id="stats-to" type="date" className="input input--date" value={to} min={from} onChange={(e) => setQuery({ to: e.currentTarget.value })} />
        </div>
      </div>
      {res.error !== undefined && <ErrorNote error={res.error} onRetry={res.reload} />}
      {r && (
        <div className="stats-figures" data-testid="stats-figures">
          {figure(t('travel.stats.messages'), formatNumber(r.totals.messages))}
          {figure(t('travel.stats.travellers'), formatNumber(r.totals.travellers))}
          {SEXES.map((s) => (
            <span key={s}>{figure(t(`travel.stats.sex.${s}`), formatNumber(r.totals.travellersBySex[s]))}</span>
          ))}
          {figure(t('travel.stats.alerts'), formatNumber(r.totals.alerts))}
          {figure(t('travel.stats.confirmed'), formatNumber(r.decisions.confirmed))}
          {figure(t('travel.stats.false-positive'), formatNumber(r.decisions.falsePositive))}
          {figure(t('travel.stats.median'), minutes(r.decisions.time.medianMinutes))}
        </div>
      )}
      <BarChart
        title={t('travel.stats.travellers-by-day')}
        categories={byDay.categories}
        series={sexSeries()}
        value={byDay.value}
        exportName={`travellers-by-day-${from}-${to}`}
      />
      <BarChart
        title={t('travel.stats.travellers-by-carrier')}
        categories={byCarrier.categories}
        series={sexSeries()}
        value={byCarrier.value}
        exportName={`travellers-by-carrier-${from}-${to}`}
      />
      <BarChart
        title={t('travel.stats.messages-by-carrier')}
        categories={messages.categories}
        series={[
          { key: 'PAXLST', label: 'API (PAXLST)', color: '#2f6db5' },
          { key: 'PNRGOV', label: 'PNR (PNRGOV)', color: '#5a9e6f' },
        ]}
        value={messages.value}
        exportName={`messages-by-carrier-${from}-${to}`}
      />
      <BarChart
        title={t('travel.stats.hits-by-source')}
        categories={(r?.hits ?? []).map((h) => h.key)}
        series={[
          { key: 'confirmed', label: t('travel.stats.confirmed'), color: '#b53a2f' },
          { key: 'falsePositive', label: t('travel.stats.false-positive'), color: '#8a94a3' },
          { key: 'undecided', label: t('travel.stats.undecided'), color: '#c08a1e' },
        ]}
        value={outcome}
        exportName={`hits-${from}-${to}`}
      />
      <h2 className="section-title">{t('travel.stats.hits-table')}</h2>
      <DataTable
        caption={t('travel.stats.hits-table')}
        columns={hitColumns}
        rows={r?.hits ?? []}
        rowKey={(h) => h.key}
        exportName={`hits-by-sex-${from}-${to}`}
        empty={res.loading ? t('common.loading') : t('travel.stats.no-data')}
        busy={res.loading}
      />
      <h2 className="section-title">{t('travel.stats.times')}</h2>
      <DataTable
        caption={t('travel.stats.times')}
        columns={timeColumns}
        rows={timeRows}
        rowKey={(x) => x.sex}
        exportName={`decision-times-${from}-${to}`}
        empty={res.loading ? t('common.loading') : t('travel.stats.no-data')}
        busy={res.loading}
      />
    </>
  );
}
