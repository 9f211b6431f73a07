// The flights board: arrivals and departures of a day with their open alerts, passenger, crew, PNR and message counts.
import { DataTable, type Column } from '../../components/DataTable';
import { Pager, rangeText } from '../../components/Pager';
import { ErrorNote } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link, useQueryState } from '../../router';
import { Badge } from '../../components/Text';
import { fetchFlightsWithAlerts, flightQueuePath } from './alertsApi';
import { DIRECTIONS, fetchFlights, flightPath, type Direction, type Flight } from './api';
import { AirportTime, dayText, today, utcText } from './times';
import { DayPicker } from './DayPicker';
import { DirectionBadge, FlightStatus, Route, flightName } from './labels';

const LIMIT = 100;

export function FlightsBoard() {
  const [query, setQuery] = useQueryState();
  const all = query.get('date') === 'all';
  const date = all ? undefined : /^\d{4}-\d{2}-\d{2}$/.test(query.get('date') ?? '') ? query.get('date')! : today();
  const wanted = query.get('direction');
  const direction = DIRECTIONS.includes(wanted as Direction) ? (wanted as Direction) : undefined;
  const offset = Math.max(0, Math.floor(Number(query.get('offset')) || 0));

  const withAlerts = query.get('alerts') === 'open';

  const page = useResource(() => fetchFlights({ date, direction, limit: LIMIT, offset }), [date, direction, offset]);
  // Flights of the day with alerts awaiting a decision, soonest due first: the badges, and the rows when only those are shown.
  const alerting = useResource(() => fetchFlightsWithAlerts({ date, direction }), [date, direction]);
  const openOf = new Map((alerting.data ?? []).map((a) => [a.flight.id, a.open]));
  // How many flights each direction has on the day: one count-only request per direction.
  const counts = useResource(
    () => Promise.all([undefined, ...DIRECTIONS].map((d) => fetchFlights({ date, direction: d, limit: 1, offset: 0 }).then((r) => r.total))),
    [date],
  );
  const countOf = (d: Direction | undefined) => counts.data?.[d === undefined ? 0 : DIRECTIONS.indexOf(d) + 1];
  const choices = [undefined, ...DIRECTIONS].filter((d) => d === undefined || d === 'inbound' || d === 'outbound' || d === direction || (countOf(d) ?? 0) > 0);

  const columns: Column<Flight>[] = [
    {
      key: 'flight',
      header: t('travel.col.flight'),
      render: (f) => (
        <Link to={flightPath(f.id)} className="flight-link" data-flight={f.id}>
          {flightName(f)}
        </Link>
      ),
      csv: flightName,
    },
    {
      key: 'alerts',
      header: t('travel.col.open-alerts'),
      render: (f) =>
        openOf.get(f.id) ? (
          <Link to={flightQueuePath(f.id)} className="alert-count" data-flight={f.id} title={t('travel.board.open-alerts-title')}>
            <Badge tone="bad">{formatNumber(openOf.get(f.id)!)}</Badge>
          </Link>
        ) : null,
      csv: (f) => openOf.get(f.id) ?? 0,
      className: 'num',
    },
    { key: 'date', header: t('travel.col.date'), render: (f) => f.date, csv: (f) => f.date, exportOnly: !all },
    { key: 'direction', header: t('travel.col.direction'), render: (f) => <DirectionBadge value={f.direction} />, csv: (f) => f.direction },
    { key: 'route', header: t('travel.col.route'), render: (f) => <Route flight={f} />, csv: (f) => [f.origin, f.destination].join('-') },
    {
      key: 'departure',
      header: t('travel.col.departure'),
      render: (f) => <AirportTime value={f.departure} day={f.date} />,
      csv: (f) => f.departure.local,
    },
    {
      key: 'departure-utc',
      header: t('travel.col.departure-utc'),
      render: () => null,
      csv: (f) => (f.departure.utc ? utcText(f.departure.utc) : ''),
      exportOnly: true,
    },
    { key: 'arrival', header: t('travel.col.arrival'), render: (f) => <AirportTime value={f.arrival} day={f.date} />, csv: (f) => f.arrival.local },
    {
      key: 'arrival-utc',
      header: t('travel.col.arrival-utc'),
      render: () => null,
      csv: (f) => (f.arrival.utc ? utcText(f.arrival.utc) : ''),
      exportOnly: true,
    },
    { key: 'status', header: t('travel.col.status'), render: (f) => <FlightStatus flight={f} />, csv: (f) => f.status },
    { key: 'passengers', header: t('travel.col.passengers'), render: (f) => formatNumber(f.passengers), csv: (f) => f.passengers, className: 'num' },
    { key: 'crew', header: t('travel.col.crew'), render: (f) => formatNumber(f.crew), csv: (f) => f.crew, className: 'num' },
    { key: 'pnrs', header: t('travel.col.pnrs'), render: (f) => formatNumber(f.pnrs), csv: (f) => f.pnrs, className: 'num' },
    { key: 'messages', header: t('travel.col.messages'), render: (f) => formatNumber(f.messages), csv: (f) => f.messages, className: 'num' },
    { key: 'last', header: t('travel.col.last-message'), render: () => null, csv: (f) => f.lastMessageAt, exportOnly: true },
  ];

  const data = withAlerts ? (alerting.data ? { items: alerting.data.map((a) => a.flight), total: alerting.data.length } : undefined) : page.data;
  const loading = withAlerts ? alerting.loading : page.loading;
  return (
    <>
      <div className="filters board-filters" role="search" aria-label={t('travel.board.filters')}>
        <DayPicker id="travel-date" day={date} onDay={(d) => setQuery({ date: d ?? 'all', offset: null })} />
        <div className="filters__buttons">
          <button type="button" className="button button--small" onClick={() => setQuery({ date: null, offset: null })} disabled={date === today()}>
            {t('travel.board.today')}
          </button>
          <button type="button" className="button button--small" onClick={() => setQuery({ date: 'all', offset: null })} aria-pressed={all}>
            {t('travel.board.all-dates')}
          </button>
        </div>
        <label className="check check--inline">
          <input type="checkbox" checked={withAlerts} onChange={(e) => setQuery({ alerts: e.currentTarget.checked ? 'open' : null, offset: null })} />
          <span>
            {t('travel.board.with-alerts')}
            {alerting.data && <span className="segmented__count">{formatNumber(alerting.data.length)}</span>}
          </span>
        </label>
        <fieldset className="segmented" aria-label={t('travel.col.direction')}>
          {choices.map((d) => (
            <label key={d ?? 'all'} className="segmented__option">
              <input type="radio" name="travel-direction" checked={direction === d} onChange={() => setQuery({ direction: d ?? null, offset: null })} />
              <span>
                {d === undefined ? t('travel.direction.all') : t(`travel.direction.${d}`)}
                {countOf(d) !== undefined && <span className="segmented__count">{formatNumber(countOf(d)!)}</span>}
              </span>
            </label>
          ))}
        </fieldset>
      </div>
      {page.error !== undefined && !withAlerts && <ErrorNote error={page.error} onRetry={page.reload} />}
      {alerting.error !== undefined && <ErrorNote error={alerting.error} onRetry={alerting.reload} />}
      <DataTable
        caption={
          withAlerts
            ? all
              ? t('travel.board.caption-alerts-all')
              : t('travel.board.caption-alerts', { day: dayText(date!) })
            : all
              ? t('travel.board.caption-all')
              : t('travel.board.caption', { day: dayText(date!) })
        }
        columns={columns}
        rows={data?.items ?? []}
        rowKey={(f) => f.id}
        exportName={`flights-${withAlerts ? 'alerting-' : ''}${date ?? 'all'}`}
        empty={
          loading
            ? t('common.loading')
            : withAlerts
              ? t('travel.board.none-alerting')
              : all
                ? t('travel.board.none')
                : t('travel.board.none-on', { day: dayText(date!) })
        }
        countNote={
          data && !withAlerts && (offset > 0 || data.total > data.items.length)
            ? rangeText(offset, data.items.length, data.total)
            : !all && date
              ? dayText(date)
              : undefined
        }
        rowClassName={(f) => (f.status === 'cancelled' ? 'row--muted' : openOf.get(f.id) ? 'row--alerting' : undefined)}
        toolbar={
          <span className="table-count board-totals">
            {t('travel.board.totals', {
              passengers: formatNumber((data?.items ?? []).reduce((n, f) => n + f.passengers, 0)),
              crew: formatNumber((data?.items ?? []).reduce((n, f) => n + f.crew, 0)),
            })}
          </span>
        }
        busy={loading}
      />
      {data && !withAlerts && (
        <Pager
          offset={offset}
          limit={LIMIT}
          shown={data.items.length}
          total={data.total}
          busy={page.loading}
          label={t('travel.board.pages')}
          onPage={(next) => setQuery({ offset: next ? String(next) : null }, true)}
        />
      )}
    </>
  );
}
