// One traveller: the latest screening, identity and documents (API), the booking (PNR), PNR versions, the messages it came from, other flights of the same person.
import { ApiError } from '../../api/problem';
import { PageHeader } from '../../components/PageHeader';
import { Badge, ErrorNote, Instant, Loading } from '../../components/Text';
import { t } from '../../i18n';
import { useResource } from '../../lib/useResource';
import { Link } from '../../router';
import { NotFound } from '../NotFound';
import {
  fetchTraveller,
  flightPath,
  messagePath,
  travellerPath,
  TRAVEL,
  type Address,
  type TravelDocument,
  type TravellerData,
  type TravellerDetail,
} from './api';
import { BookingPanels } from './BookingPanels';
import { ScreeningPanel } from './ScreeningPanel';
import { SourceBadges, flightName, personName } from './labels';
import { Facts, MiniTable, Panel, orDash } from './Parts';

/** The name a document gives, when it is not the traveller's. */
const otherName = (x: TravelDocument, d: TravellerData) => Boolean(x.surname) && (x.surname !== d.surname || (x.givenNames ?? '') !== d.givenNames);
const hasNote = (x: TravelDocument, d: TravellerData) => otherName(x, d) || Boolean(x.applicableCountry || x.placeOfIssue || x.issued);

const addressText = (a: Address) => [a.street, a.postalCode, a.city, a.region, a.country].filter(Boolean).join(', ');

function Identity({ tr }: { tr: TravellerDetail }) {
  const d = tr.data;
  const yes = t('travel.yes');
  return (
    <Panel title={t('travel.traveller.identity')}>
      <Facts
        items={[
          [t('travel.field.surname'), <bdi dir="auto">{d.surname}</bdi>],
          [t('travel.field.given-names'), d.givenNames ? <bdi dir="auto">{d.givenNames}</bdi> : null],
          [t('travel.field.title'), d.title],
          [t('travel.col.sex'), d.sex],
          [t('travel.col.birth-date'), d.birthDate],
          [t('travel.field.birth-place'), d.birthPlace ? <bdi dir="auto">{d.birthPlace}</bdi> : null],
          [t('travel.col.nationality'), d.nationality],
          [t('travel.field.residence'), d.residence],
          [t('travel.field.passenger-type'), d.passengerType],
          [t('travel.field.in-transit'), d.inTransit ? yes : null],
          [t('travel.field.embarkation'), d.embarkation],
          [t('travel.field.debarkation'), d.debarkation],
          [t('travel.field.clearance'), d.clearance],
          [t('travel.col.sources'), <SourceBadges sources={tr.sources} />],
        ]}
      />
    </Panel>
  );
}

export function TravellerPage({ id }: { id: string }) {
  const res = useResource(() => fetchTraveller(id), [id]);
  if (res.error instanceof ApiError && res.error.status === 404) return <NotFound />;
  if (!res.data) {
    return (
      <>
        <p className="breadcrumb">
          <Link to={TRAVEL}>{t('travel.board.title')}</Link>
        </p>
        {res.error !== undefined ? <ErrorNote error={res.error} onRetry={res.reload} /> : <Loading />}
      </>
    );
  }
  const tr = res.data;
  const d = tr.data;
  const flight = tr.flight;
  return (
    <>
      <p className="breadcrumb">
        <Link to={flightPath(flight.id)}>{t('travel.flight.title', { flight: flightName(flight), date: flight.date })}</Link>
      </p>
      <PageHeader
        title={personName(tr)}
        isName
        description={[t(`travel.role.${tr.role}`), t('travel.flight.title', { flight: flightName(flight), date: flight.date })].join(' · ')}
        actions={tr.cancelled ? <Badge tone="neutral">{t('travel.traveller.cancelled')}</Badge> : undefined}
      />
      <ScreeningPanel travellerId={tr.id} flightId={flight.id} />
      <div className="travel-grid">
        <Identity tr={tr} />
        <Panel title={t('travel.traveller.documents')}>
          <MiniTable
            caption={t('travel.traveller.documents')}
            rows={d.documents}
            columns={[
              {
                header: t('travel.doc.kind'),
                render: (x) =>
                  `${t(`travel.doc.${x.kind === 'passport' || x.kind === 'visa' || x.kind === 'identity-card' || x.kind === 'crew-certificate' || x.kind === 'residence-permit' ? x.kind : 'other'}`)} (${x.code})`,
              },
              { header: t('travel.doc.number'), render: (x) => <span className="mono">{orDash(x.number)}</span> },
              { header: t('travel.doc.country'), render: (x) => orDash(x.issuingCountry) },
              { header: t('travel.doc.expiry'), render: (x) => orDash(x.expiry) },
              { header: t('travel.doc.source'), render: (x) => <code>{x.source}</code> },
            ]}
          />
          {d.documents.some((x) => hasNote(x, d)) && (
            <ul className="doc-notes">
              {d.documents.map((x, i) =>
                hasNote(x, d) ? (
                  <li key={i}>
                    <span className="mono">{x.number ?? x.code}</span>:{' '}
                    {[
                      otherName(x, d) ? t('travel.doc.name-on', { name: [x.surname, x.givenNames].filter(Boolean).join(', ') }) : '',
                      x.issued ? t('travel.doc.issued', { date: x.issued }) : '',
                      x.placeOfIssue ? t('travel.doc.place', { place: x.placeOfIssue }) : '',
                      x.applicableCountry ? t('travel.doc.valid-for', { country: x.applicableCountry }) : '',
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </li>
                ) : null,
              )}
            </ul>
          )}
        </Panel>
        <Panel title={t('travel.traveller.addresses')}>
          <MiniTable
            caption={t('travel.traveller.addresses')}
            rows={d.addresses}
            columns={[
              {
                header: t('travel.address.kind'),
                render: (a) => t(`travel.address.${a.kind === 'residence' || a.kind === 'destination' || a.kind === 'contact' ? a.kind : 'other'}`),
              },
              { header: t('travel.address.value'), render: (a) => <bdi dir="auto">{addressText(a)}</bdi> },
            ]}
          />
          {d.references.length > 0 && (
            <>
              <h3 className="panel__subtitle">{t('travel.traveller.references')}</h3>
              <Facts items={d.references.map((r) => [r.qualifier, <span className="mono">{r.value}</span>] as const)} />
            </>
          )}
        </Panel>
        {d.booking && <BookingPanels booking={d.booking} />}
        <Panel title={t('travel.traveller.pnr-versions')}>
          <MiniTable
            caption={t('travel.traveller.pnr-versions')}
            rows={tr.pnrVersions}
            columns={[
              { header: t('travel.col.version'), render: (v) => `v${v.version}` },
              { header: t('travel.col.received'), render: (v) => <Instant value={v.receivedAt} /> },
              { header: t('travel.col.message'), render: (v) => <Link to={messagePath(v.messageId)}>{t('travel.traveller.open-message')}</Link> },
            ]}
          />
        </Panel>
        <Panel title={t('travel.traveller.other-flights')}>
          <MiniTable
            caption={t('travel.traveller.other-flights')}
            rows={tr.otherFlights}
            columns={[
              { header: t('travel.col.date'), render: (o) => o.date, className: 'nowrap' },
              {
                header: t('travel.col.route'),
                render: (o) => <span translate="no">{[o.origin, o.destination].filter(Boolean).join(' → ')}</span>,
                className: 'nowrap',
              },
              {
                header: t('travel.col.flight'),
                render: (o) => (
                  <span className="row-actions nowrap">
                    <Link to={flightPath(o.flightId)}>{o.flightId}</Link>
                    <Link to={travellerPath(o.travellerId)} className="other-flight-traveller">
                      {t('travel.traveller.on-that-flight')}
                    </Link>
                  </span>
                ),
              },
            ]}
          />
        </Panel>
        <Panel title={t('travel.traveller.messages')}>
          {tr.messageIds.length ? (
            <ul className="link-list">
              {tr.messageIds.map((m) => (
                <li key={m}>
                  <Link to={messagePath(m)} className="mono">
                    {m}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('common.none')}</p>
          )}
          <p className="muted small">{t('travel.traveller.version', { version: tr.version })}</p>
        </Panel>
      </div>
    </>
  );
}
