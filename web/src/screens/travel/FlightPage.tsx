// One flight: its legs and counts, its alert queue, and the manifest of everyone reported on it (travellers with hits marked; CSV).
import { useState } from 'react';
import { ApiError } from '../../api/problem';
import { DataTable, type Column } from '../../components/DataTable';
import { PageHeader } from '../../components/PageHeader';
import { Badge, ErrorNote, Loading, Name } from '../../components/Text';
import { formatNumber, t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router';
import { NotFound } from '../NotFound';
import { fetchManifest, travellerPath, TRAVEL, type Flight, type ManifestRow } from './api';
import { fetchTravelAlerts, flightQueuePath, isOpen, type TravelAlert } from './alertsApi';
import { DirectionBadge, FlightStatus, SourceBadges, flightName, personName, sourcesText } from './labels';
import { AirportTime, dayText } from './times';

const matches = (r: ManifestRow, needle: string) =>
  !needle || [r.surname, r.givenNames, r.documentNumber, r.recordLocator, r.nationality, r.birthDate].some((v) => v && v.toLowerCase().includes(needle));

function Legs({ flight }: { flight: Flight }) {
  if (flight.legs.length === 0) return null;
  return (
    <section className="panel legs" aria-labelledby="legs-title">
      <h2 id="legs-title" className="panel__title">
        {t('travel.flight.legs')}
      </h2>
      <ol className="legs__list">
        {flight.legs.map((leg, i) => (
          <li key={i} className="legs__leg">
            <span className="legs__airport" translate="no">
              {leg.origin ?? '—'}
            </span>
            <AirportTime value={leg.departure} day={flight.date} />
            <span className="route__arrow" aria-hidden="true">
              →
            </span>
            <span className="legs__airport" translate="no">
              {leg.destination ?? '—'}
            </span>
            <AirportTime value={leg.arrival} day={flight.date} />
            {leg.border && <Badge tone="info">{t('travel.flight.border-leg')}</Badge>}
          </li>
        ))}
      </ol>
      <dl className="facts facts--inline">
        <dt>{t('travel.col.passengers')}</dt>
        <dd>{formatNumber(flight.passengers)}</dd>
        <dt>{t('travel.col.crew')}</dt>
        <dd>{formatNumber(flight.crew)}</dd>
        <dt>{t('travel.col.pnrs')}</dt>
        <dd>{formatNumber(flight.pnrs)}</dd>
        <dt>{t('travel.col.messages')}</dt>
        <dd>{formatNumber(flight.messages)}</dd>
      </dl>
    </section>
  );
}

export function FlightPage({ id }: { id: string }) {
  const manifest = useResource(() => fetchManifest(id), [id]);
  const [filter, setFilter] = useState('');
  const alerts = useResource(() => fetchTravelAlerts({ flight: id }), [id]);

  if (manifest.error instanceof ApiError && manifest.error.status === 404) return <NotFound />;
  const crumb = (
    <p className="breadcrumb">
      <Link to={TRAVEL}>{t('travel.board.title')}</Link>
    </p>
  );
  if (!manifest.data)
    return (
      <>
        {crumb}
        {manifest.error !== undefined ? <ErrorNote error={manifest.error} onRetry={manifest.reload} /> : <Loading />}
      </>
    );

  const { flight, travellers } = manifest.data;
  const needle = filter.trim().toLowerCase();
  const rows = travellers.filter((r) => matches(r, needle));
  // Alerts per traveller: how many await a decision, how many there are.
  const hits = new Map<string, { open: number; all: number }>();
  for (const a of alerts.data ?? ([] as TravelAlert[])) {
    const h = hits.get(a.traveller.id) ?? { open: 0, all: 0 };
    h.all++;
    if (isOpen(a)) h.open++;
    hits.set(a.traveller.id, h);
  }
  const openTotal = (alerts.data ?? []).filter(isOpen).length;
  const hitText = (r: ManifestRow) => {
    const h = hits.get(r.id);
    return !h ? '' : h.open ? t('travel.flight.hits-open', { count: formatNumber(h.open) }) : t('travel.flight.hits-decided', { count: formatNumber(h.all) });
  };

  const columns: Column<ManifestRow>[] = [
    { key: 'role', header: t('travel.col.role'), render: (r) => t(`travel.role.${r.role}`), csv: (r) => r.role },
    {
      key: 'name',
      header: t('travel.col.name'),
      render: (r) => (
        <span className="traveller-name">
          <Link to={travellerPath(r.id)} className="traveller-link">
            <Name>{personName(r)}</Name>
          </Link>
          {hits.has(r.id) && (
            <Badge tone={hits.get(r.id)!.open ? 'bad' : 'neutral'}>
              <span className="hit-mark" data-traveller={r.id}>
                {hitText(r)}
              </span>
            </Badge>
          )}
        </span>
      ),
      csv: personName,
    },
    { key: 'surname', header: t('travel.field.surname'), render: () => null, csv: (r) => r.surname, exportOnly: true },
    { key: 'given', header: t('travel.field.given-names'), render: () => null, csv: (r) => r.givenNames, exportOnly: true },
    {
      key: 'birth',
      header: t('travel.col.birth-date'),
      render: (r) => r.birthDate ?? <span className="muted">—</span>,
      csv: (r) => r.birthDate,
      className: 'nowrap',
    },
    { key: 'sex', header: t('travel.col.sex'), render: (r) => r.sex ?? '', csv: (r) => r.sex },
    { key: 'nationality', header: t('travel.col.nationality'), render: (r) => r.nationality ?? <span className="muted">—</span>, csv: (r) => r.nationality },
    {
      key: 'document',
      header: t('travel.col.document'),
      render: (r) =>
        r.documentNumber ? (
          <span className="mono nowrap">
            {r.documentNumber}
            {r.documentCountry && <span className="muted"> · {r.documentCountry}</span>}
          </span>
        ) : (
          <span className="muted">—</span>
        ),
      csv: (r) => r.documentNumber,
    },
    { key: 'document-country', header: t('travel.col.document-country'), render: () => null, csv: (r) => r.documentCountry, exportOnly: true },
    { key: 'pnr', header: t('travel.col.record-locator'), render: (r) => (r.recordLocator ? <code>{r.recordLocator}</code> : ''), csv: (r) => r.recordLocator },
    { key: 'sources', header: t('travel.col.sources'), render: (r) => <SourceBadges sources={r.sources} />, csv: (r) => sourcesText(r.sources) },
    {
      key: 'state',
      header: t('travel.col.state'),
      render: (r) => (r.cancelled ? <Badge tone="neutral">{t('travel.traveller.cancelled')}</Badge> : ''),
      csv: (r) => (r.cancelled ? 'cancelled' : ''),
    },
    { key: 'hits', header: t('travel.col.hits'), render: () => null, csv: hitText, exportOnly: true },
  ];

  const description = dayText(flight.date);
  return (
    <>
      {crumb}
      <PageHeader
        title={t('travel.flight.title', { flight: flightName(flight), date: flight.date })}
        description={description}
        actions={
          <>
            <DirectionBadge value={flight.direction} />
            <FlightStatus flight={flight} />
            <Link to={flightQueuePath(flight.id)} className={`button button--small${openTotal ? ' button--primary' : ''}`} id="flight-alert-queue">
              {t('travel.flight.alert-queue', { count: formatNumber(openTotal) })}
            </Link>
          </>
        }
      />
      <Legs flight={flight} />
      <h2 className="section-title">{t('travel.flight.manifest')}</h2>
      <DataTable
        caption={t('travel.flight.manifest-caption', { flight: flightName(flight), date: flight.date })}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        exportName={`manifest-${flightName(flight)}-${flight.date}`}
        empty={needle ? t('travel.flight.none-match') : t('travel.flight.none')}
        countNote={needle ? t('travel.flight.of', { total: formatNumber(travellers.length) }) : undefined}
        rowClassName={(r) => [r.cancelled ? 'row--cancelled' : '', hits.get(r.id)?.open ? 'row--hit' : ''].filter(Boolean).join(' ') || undefined}
        toolbar={
          <input
            type="search"
            className="input input--filter"
            dir="auto"
            value={filter}
            onChange={(e) => setFilter(e.currentTarget.value)}
            placeholder={t('travel.flight.filter-placeholder')}
            aria-label={t('travel.flight.filter')}
            autoComplete="off"
            spellCheck={false}
          />
        }
      />
    </>
  );
}
