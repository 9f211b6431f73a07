// The passenger alert queue: per flight, soonest departure (outbound) or arrival (inbound) first, then by score; each row opens the review.
import { useEffect, useState } from 'react';
import { DataTable, type Column } from '../../components/DataTable';
import { Badge, ErrorNote, Name } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link, useQueryState } from '../../router';
import { ScoreBar } from '../screening/Explanation';
import '../screening/screening.css';
import { flightPath, travellerPath } from './api';
import { fetchFlightsWithAlerts, fetchTravelAlerts, isOpen, reviewPath, type TravelAlert } from './alertsApi';
import { flightName } from './labels';
import { utcText } from './times';

const MINUTE = 60_000;
const STATUS_TONE = { open: 'info', 'pending-confirmation': 'warn', escalated: 'warn', confirmed: 'bad', 'false-positive': 'good' } as const;
const SOURCE_TONE = { watchlist: 'bad', 'lost-document': 'warn', rule: 'info' } as const;

/** The current time, moving on every half minute (for countdowns). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), MINUTE / 2);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** 125 minutes → "2 h 05 min"; 3 days → "3 d 0 h". */
function spanText(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days) return t('travel.alerts.span-days', { days: String(days), hours: String(hours) });
  if (hours) return t('travel.alerts.span-hours', { hours: String(hours), minutes: String(mins).padStart(2, '0') });
  return t('travel.alerts.span-minutes', { minutes: String(mins) });
}

/** Time left until the decision deadline (departure or arrival), red when under half an hour or passed. */
export function Countdown({ dueAt, now }: { dueAt: string | null; now: number }) {
  if (!dueAt) return <span className="muted">{t('travel.alerts.no-time')}</span>;
  const left = new Date(dueAt).getTime() - now;
  const tone = left <= 30 * MINUTE ? 'bad' : left <= 3 * 60 * MINUTE ? 'warn' : 'neutral';
  return (
    <time dateTime={dueAt} title={utcText(dueAt)} className={`countdown countdown--${tone}`}>
      {left > 0 ? t('travel.alerts.due-in', { time: spanText(left) }) : t('travel.alerts.due-passed', { time: spanText(left) })}
    </time>
  );
}

export function AlertsTab() {
  const [query, setQuery] = useQueryState();
  const flight = query.get('flight') || undefined;
  const all = query.get('decided') === 'include';
  const now = useNow();
  const flights = useResource(() => fetchFlightsWithAlerts({}), []);
  const alerts = useResource(() => fetchTravelAlerts({ flight, open: !all }), [flight, all]);
  const chosen = flights.data?.find((f) => f.flight.id === flight);

  const columns: Column<TravelAlert>[] = [
    { key: 'due', header: t('travel.alerts.col.due'), render: (a) => <Countdown dueAt={a.dueAt} now={now} />, csv: (a) => a.dueAt, className: 'nowrap' },
    {
      key: 'flight',
      header: t('travel.col.flight'),
      render: (a) => (
        <Link to={flightPath(a.flightId)} className="nowrap">
          {a.flightId.replace(/-(\d{4}-\d{2}-\d{2})$/, '')} <span className="muted small">{a.flightId.slice(-10)}</span>
        </Link>
      ),
      csv: (a) => a.flightId,
    },
    {
      key: 'traveller',
      header: t('travel.alerts.col.traveller'),
      render: (a) => (
        <Link to={travellerPath(a.traveller.id)}>
          <Name>{a.traveller.name}</Name>
        </Link>
      ),
      csv: (a) => a.traveller.name,
    },
    {
      key: 'birth',
      header: t('travel.col.birth-date'),
      render: (a) => a.traveller.birthDate ?? <span className="muted">—</span>,
      csv: (a) => a.traveller.birthDate,
    },
    {
      key: 'match',
      header: t('travel.alerts.col.match'),
      render: (a) => (
        <span className="alert-match">
          <Badge tone={SOURCE_TONE[a.source]}>{t(`travel.alerts.source.${a.source}`)}</Badge> <Name>{a.entityCaption}</Name>
        </span>
      ),
      csv: (a) => `${a.source}: ${a.entityCaption}`,
    },
    { key: 'score', header: t('travel.alerts.col.score'), render: (a) => <ScoreBar score={a.score} />, csv: (a) => a.score },
    {
      key: 'status',
      header: t('travel.col.status'),
      render: (a) => <Badge tone={STATUS_TONE[a.status]}>{t(`alerts.status.${a.status}`)}</Badge>,
      csv: (a) => a.status,
    },
    {
      key: 'review',
      header: t('common.actions'),
      render: (a) => (
        <Link to={reviewPath(a.id, a.flightId)} className="button button--small review-link" data-alert={a.id}>
          {isOpen(a) ? t('travel.alerts.review') : t('travel.alerts.open')}
        </Link>
      ),
    },
  ];

  const rows = alerts.data ?? [];
  return (
    <>
      <div className="filters board-filters" role="search" aria-label={t('travel.alerts.filters')}>
        <div className="field alerts-flight-field">
          <label htmlFor="travel-alerts-flight" className="field__label">
            {t('travel.alerts.flight')}
          </label>
          <select id="travel-alerts-flight" className="input" value={flight ?? ''} onChange={(e) => setQuery({ flight: e.currentTarget.value || null })}>
            <option value="">{t('travel.alerts.all-flights')}</option>
            {flight && !chosen && <option value={flight}>{flight}</option>}
            {(flights.data ?? []).map((f) => (
              <option key={f.flight.id} value={f.flight.id}>
                {t('travel.alerts.flight-option', { flight: flightName(f.flight), date: f.flight.date, open: formatNumber(f.open) })}
              </option>
            ))}
          </select>
        </div>
        <label className="check check--inline">
          <input type="checkbox" checked={all} onChange={(e) => setQuery({ decided: e.currentTarget.checked ? 'include' : null })} />
          <span>{t('travel.alerts.include-decided')}</span>
        </label>
        <div className="filters__buttons">
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              alerts.reload();
              flights.reload();
            }}
          >
            {t('travel.alerts.refresh')}
          </button>
          {flight && (
            <Link to={flightPath(flight)} className="button button--small">
              {t('travel.alerts.to-flight')}
            </Link>
          )}
        </div>
      </div>
      {alerts.error !== undefined && <ErrorNote error={alerts.error} onRetry={alerts.reload} />}
      <DataTable
        caption={flight ? t('travel.alerts.caption-flight', { flight }) : t('travel.alerts.caption')}
        columns={columns}
        rows={rows}
        rowKey={(a) => a.id}
        exportName={flight ? `alerts-${flight}` : 'passenger-alerts'}
        empty={alerts.loading ? t('common.loading') : all ? t('travel.alerts.none') : t('travel.alerts.none-open')}
        rowClassName={(a) => (isOpen(a) ? undefined : 'row--muted')}
        countNote={all ? undefined : t('travel.alerts.open-note')}
        busy={alerts.loading}
      />
    </>
  );
}
