// Small pieces the travel screens share: a flight's name and route, direction and status badges, API/PNR source badges.
import { Badge } from '../../components/Text';
import { t } from '../../i18n';
import type { Direction, Flight, ManifestRow } from './api';

/** `LH1234` (carrier and number as the board shows them). */
export const flightName = (f: Pick<Flight, 'carrier' | 'number'>): string => `${f.carrier}${f.number}`;

const DIRECTION_TONE = { inbound: 'info', outbound: 'good', overflight: 'neutral', domestic: 'neutral', unknown: 'neutral' } as const;

export const DirectionBadge = ({ value }: { value: Direction }) => <Badge tone={DIRECTION_TONE[value]}>{t(`travel.direction.${value}`)}</Badge>;

export const FlightStatus = ({ flight }: { flight: Pick<Flight, 'status'> }) =>
  flight.status === 'cancelled' ? <Badge tone="bad">{t('travel.status.cancelled')}</Badge> : <span>{t('travel.status.scheduled')}</span>;

/** Every airport of the flight in order: `FRA → VIE → JFK`; the legs crossing the border are marked. */
export function Route({ flight }: { flight: Pick<Flight, 'legs' | 'origin' | 'destination'> }) {
  const stops: string[] = [];
  for (const leg of flight.legs) {
    if (leg.origin && stops.at(-1) !== leg.origin) stops.push(leg.origin);
    if (leg.destination) stops.push(leg.destination);
  }
  if (stops.length === 0) {
    if (flight.origin) stops.push(flight.origin);
    if (flight.destination) stops.push(flight.destination);
  }
  if (stops.length === 0) return <span className="muted">—</span>;
  return (
    <span className="route" translate="no">
      {stops.map((s, i) => (
        <span key={`${s}-${i}`}>
          {i > 0 && (
            <span className="route__arrow" aria-hidden="true">
              {' → '}
            </span>
          )}
          {s}
        </span>
      ))}
    </span>
  );
}

/** Where a traveller's data came from: API (PAXLST) and/or PNR (PNRGOV). */
export const SourceBadges = ({ sources }: { sources: ManifestRow['sources'] }) => (
  <span className="tag-list">
    {sources.api && (
      <span className="source source--api" title={t('travel.source.api-hint')}>
        {t('travel.source.api')}
      </span>
    )}
    {sources.pnr && (
      <span className="source source--pnr" title={t('travel.source.pnr-hint')}>
        {t('travel.source.pnr')}
      </span>
    )}
  </span>
);

export const sourcesText = (s: ManifestRow['sources']): string =>
  [s.api ? t('travel.source.api') : '', s.pnr ? t('travel.source.pnr') : ''].filter(Boolean).join(' + ');

/** "SURNAME, Given names" as carriers send it; empty parts left out. */
export const personName = (p: { surname: string; givenNames: string }): string => [p.surname, p.givenNames].filter(Boolean).join(', ');
