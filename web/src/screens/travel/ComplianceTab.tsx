// Carrier compliance of a day: the pushes each flight should have had (on time, late, missing, pending), per carrier and per flight, and the alerts raised.
import { DataTable, type Column } from '../../components/DataTable';
import { Badge, ErrorNote, Instant } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link, useQueryState } from '../../router';
import {
  fetchCompliance,
  fetchComplianceAlerts,
  flightPath,
  messagePath,
  type ComplianceAlert,
  type ComplianceReport,
  type PushCheck,
  type PushStatus,
} from './api';
import { DayPicker } from './DayPicker';
import { dayText, today, utcText } from './times';

const TONE = { 'on-time': 'good', late: 'warn', missing: 'bad', pending: 'neutral' } as const;
const STATUSES: readonly PushStatus[] = ['on-time', 'late', 'missing', 'pending'];

type CarrierRow = ComplianceReport['carriers'][number];
type FlightRow = ComplianceReport['items'][number];

/** "PAXLST at closure", "PNRGOV 48 h before". */
export function pushName(p: Pick<PushCheck, 'push'>): string {
  const [type, hours] = p.push.split('-');
  return hours === '0'
    ? t('travel.compliance.push-closure', { type: type ?? '' })
    : t('travel.compliance.push-hours', { type: type ?? '', hours: hours ?? '' });
}

function Push({ p }: { p: PushCheck }) {
  const title = [
    t('travel.compliance.due', { at: utcText(p.due) }),
    p.receivedAt ? t('travel.compliance.received', { at: utcText(p.receivedAt) }) : t(`travel.compliance.status.${p.status}`),
  ].join(' · ');
  const badge = (
    <Badge tone={TONE[p.status]}>
      {pushName(p)}: {t(`travel.compliance.status.${p.status}`)}
    </Badge>
  );
  return (
    <span title={title} data-push={p.push} data-status={p.status}>
      {p.messageId ? <Link to={messagePath(p.messageId)}>{badge}</Link> : badge}
    </span>
  );
}

const rate = (c: CarrierRow) => {
  const due = c['on-time'] + c.late + c.missing;
  return due ? `${Math.round((100 * c['on-time']) / due)} %` : '—';
};

export function ComplianceTab() {
  const [query, setQuery] = useQueryState();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(query.get('date') ?? '') ? query.get('date')! : today();
  const report = useResource(() => fetchCompliance(date), [date]);
  const alerts = useResource(() => fetchComplianceAlerts(), []);

  const carrierColumns: Column<CarrierRow>[] = [
    { key: 'carrier', header: t('travel.compliance.carrier'), render: (c) => <code data-carrier={c.carrier}>{c.carrier}</code>, csv: (c) => c.carrier },
    ...STATUSES.map((s): Column<CarrierRow> => ({
      key: s,
      header: t(`travel.compliance.status.${s}`),
      render: (c) => (c[s] && s !== 'on-time' && s !== 'pending' ? <Badge tone={TONE[s]}>{formatNumber(c[s])}</Badge> : formatNumber(c[s])),
      csv: (c) => c[s],
      className: 'num',
    })),
    { key: 'rate', header: t('travel.compliance.rate'), render: rate, csv: rate, className: 'num' },
  ];
  const flightColumns: Column<FlightRow>[] = [
    {
      key: 'flight',
      header: t('travel.col.flight'),
      render: (f) => (
        <Link to={flightPath(f.flightId)} className="flight-link">
          {f.flightId}
        </Link>
      ),
      csv: (f) => f.flightId,
    },
    { key: 'departure', header: t('travel.compliance.departure-utc'), render: (f) => utcText(f.departureUtc), csv: (f) => f.departureUtc, className: 'nowrap' },
    {
      key: 'pushes',
      header: t('travel.compliance.pushes'),
      render: (f) => (
        <span className="tag-list">
          {f.pushes.map((p) => (
            <Push key={p.push} p={p} />
          ))}
        </span>
      ),
      csv: (f) => f.pushes.map((p) => `${p.push}:${p.status}`).join('; '),
    },
  ];
  const alertColumns: Column<ComplianceAlert>[] = [
    { key: 'detected', header: t('travel.compliance.detected'), render: (a) => <Instant value={a.detectedAt} />, csv: (a) => a.detectedAt },
    { key: 'carrier', header: t('travel.compliance.carrier'), render: (a) => <code>{a.carrier}</code>, csv: (a) => a.carrier },
    { key: 'flight', header: t('travel.col.flight'), render: (a) => <Link to={flightPath(a.flightId)}>{a.flightId}</Link>, csv: (a) => a.flightId },
    { key: 'push', header: t('travel.compliance.push'), render: pushName, csv: (a) => a.push },
    { key: 'due', header: t('travel.compliance.due-col'), render: (a) => utcText(a.due), csv: (a) => a.due, className: 'nowrap' },
    {
      key: 'status',
      header: t('travel.col.status'),
      render: (a) => <Badge tone={TONE[a.status]}>{t(`travel.compliance.status.${a.status}`)}</Badge>,
      csv: (a) => a.status,
    },
  ];

  const data = report.data;
  return (
    <>
      <p className="section-intro">{t('travel.compliance.intro')}</p>
      <div className="filters" role="search" aria-label={t('travel.compliance.filters')}>
        <DayPicker id="compliance-date" day={date} onDay={(d) => setQuery({ date: d })} />
      </div>
      {report.error !== undefined && <ErrorNote error={report.error} onRetry={report.reload} />}
      <h2 className="section-title">{t('travel.compliance.by-carrier', { day: dayText(date) })}</h2>
      <DataTable
        caption={t('travel.compliance.by-carrier', { day: dayText(date) })}
        columns={carrierColumns}
        rows={data?.carriers ?? []}
        rowKey={(c) => c.carrier}
        exportName={`carrier-compliance-${date}`}
        empty={report.loading ? t('common.loading') : t('travel.compliance.none')}
        busy={report.loading}
      />
      <h2 className="section-title">{t('travel.compliance.by-flight')}</h2>
      <DataTable
        caption={t('travel.compliance.by-flight')}
        columns={flightColumns}
        rows={data?.items ?? []}
        rowKey={(f) => f.flightId}
        exportName={`flight-compliance-${date}`}
        empty={report.loading ? t('common.loading') : t('travel.compliance.none')}
        rowClassName={(f) => (f.pushes.some((p) => p.status === 'missing') ? 'row--bad' : f.pushes.some((p) => p.status === 'late') ? 'row--warn' : undefined)}
        busy={report.loading}
      />
      <h2 className="section-title">{t('travel.compliance.alerts')}</h2>
      {alerts.error !== undefined && <ErrorNote error={alerts.error} onRetry={alerts.reload} />}
      <DataTable
        caption={t('travel.compliance.alerts')}
        columns={alertColumns}
        rows={alerts.data ?? []}
        rowKey={(a) => `${a.flightId}|${a.push}`}
        exportName="compliance-alerts"
        empty={alerts.loading ? t('common.loading') : t('travel.compliance.no-alerts')}
        busy={alerts.loading}
      />
    </>
  );
}
