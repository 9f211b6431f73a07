// Data quality per carrier: the deviations from the guides found in each sender's messages, per carrier and per day.
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNote } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { useQueryState } from '../../router';
import { fetchFindings, type CarrierFindings } from './api';
import { shiftDay, today } from './times';

interface CarrierRow {
  sender: string;
  total: number;
  days: number;
  codes: Array<[string, number]>;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function perCarrier(items: readonly CarrierFindings[]): CarrierRow[] {
  const by = new Map<string, { total: number; days: Set<string>; codes: Map<string, number> }>();
  for (const f of items) {
    const c = by.get(f.sender) ?? { total: 0, days: new Set<string>(), codes: new Map<string, number>() };
    c.total += f.count;
    c.days.add(f.day);
    c.codes.set(f.code, (c.codes.get(f.code) ?? 0) + f.count);
    by.set(f.sender, c);
  }
  return [...by]
    .map(([sender, c]) => ({ sender, total: c.total, days: c.days.size, codes: [...c.codes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])) }))
    .sort((a, b) => b.total - a.total || a.sender.localeCompare(b.sender));
}

export function QualityTab() {
  const [query, setQuery] = useQueryState();
  const to = DAY.test(query.get('to') ?? '') ? query.get('to')! : today();
  const from = DAY.test(query.get('from') ?? '') ? query.get('from')! : shiftDay(to, -29);
  const res = useResource(() => fetchFindings({ from, to }), [from, to]);
  const items = res.data ?? [];
  const carriers = perCarrier(items);

  const carrierColumns: Column<CarrierRow>[] = [
    { key: 'sender', header: t('travel.col.sender'), render: (c) => <code data-sender={c.sender}>{c.sender}</code>, csv: (c) => c.sender },
    { key: 'total', header: t('travel.quality.total'), render: (c) => formatNumber(c.total), csv: (c) => c.total, className: 'num' },
    { key: 'days', header: t('travel.quality.days'), render: (c) => formatNumber(c.days), csv: (c) => c.days, className: 'num' },
    {
      key: 'codes',
      header: t('travel.quality.codes'),
      render: (c) => (
        <span className="tag-list">
          {c.codes.map(([code, n]) => (
            <span key={code} className="tag">
              {code} <span className="muted">×{formatNumber(n)}</span>
            </span>
          ))}
        </span>
      ),
      csv: (c) => c.codes.map(([code, n]) => `${code}:${n}`).join('; '),
    },
  ];
  const dayColumns: Column<CarrierFindings>[] = [
    { key: 'day', header: t('travel.col.date'), render: (f) => f.day, csv: (f) => f.day, className: 'nowrap' },
    { key: 'sender', header: t('travel.col.sender'), render: (f) => <code>{f.sender}</code>, csv: (f) => f.sender },
    { key: 'code', header: t('travel.quality.code'), render: (f) => <code>{f.code}</code>, csv: (f) => f.code },
    { key: 'count', header: t('travel.quality.count'), render: (f) => formatNumber(f.count), csv: (f) => f.count, className: 'num' },
    { key: 'messages', header: t('travel.col.messages'), render: (f) => formatNumber(f.messages), csv: (f) => f.messages, className: 'num' },
  ];

  return (
    <>
      <p className="section-intro">{t('travel.quality.intro')}</p>
      <div className="filters" role="search" aria-label={t('travel.quality.filters')}>
        <div className="field">
          <label htmlFor="quality-from" className="field__label">
            {t('travel.quality.from')}
          </label>
          <input
            id="quality-from"
            type="date"
            className="input input--date"
            value={from}
            max={to}
            onChange={(e) => setQuery({ from: e.currentTarget.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="quality-to" className="field__label">
            {t('travel.quality.to')}
          </label>
          <input id="quality-to" type="date" className="input input--date" value={to} min={from} onChange={(e) => setQuery({ to: e.currentTarget.value })} />
        </div>
      </div>
      {res.error !== undefined && <ErrorNote error={res.error} onRetry={res.reload} />}
      <h2 className="section-title">{t('travel.quality.by-carrier')}</h2>
      <DataTable
        caption={t('travel.quality.by-carrier')}
        columns={carrierColumns}
        rows={carriers}
        rowKey={(c) => c.sender}
        exportName={`carrier-quality-${from}-${to}`}
        empty={res.loading ? t('common.loading') : t('travel.quality.none')}
        busy={res.loading}
      />
      <h2 className="section-title">{t('travel.quality.by-day')}</h2>
      <DataTable
        caption={t('travel.quality.by-day')}
        columns={dayColumns}
        rows={[...items].sort((a, b) => b.day.localeCompare(a.day) || a.sender.localeCompare(b.sender) || a.code.localeCompare(b.code))}
        rowKey={(f) => `${f.sender}|${f.day}|${f.code}`}
        exportName={`carrier-findings-${from}-${to}`}
        empty={res.loading ? t('common.loading') : t('travel.quality.none')}
        busy={res.loading}
      />
    </>
  );
}
