// Calls of the passenger-alert screens: the queue per flight, flights with open alerts, the next alert of a flight, a traveller's screening.
import { api, call } from '../../api/client';
import type { Ok } from '../../api/types';
import { TRAVEL, type Direction } from './api';

export type TravelAlert = Ok<'/api/travel/alerts', 'get'>['items'][number];
export type FlightAlerts = Ok<'/api/travel/alerts/flights', 'get'>['items'][number];
/** The latest screening of one traveller, as stored (GET /api/travel/travellers/:id/screening). */
export type Screening = Ok<'/api/travel/travellers/{id}/screening', 'get'>;
export type Explained = Screening['watchlist'][number]['explanation'][number];

export const fetchTravelAlerts = (q: { flight?: string | undefined; open?: boolean; limit?: number }) =>
  call(api.GET('/api/travel/alerts', { params: { query: { flight: q.flight || undefined, open: q.open ? 'true' : undefined, limit: q.limit ?? 500 } } })).then(
    (r) => r.items,
  );

export const fetchFlightsWithAlerts = (q: { date?: string | undefined; direction?: Direction | undefined }) =>
  call(api.GET('/api/travel/alerts/flights', { params: { query: { date: q.date, direction: q.direction, limit: 500 } } })).then((r) => r.items);

/** The next undecided alert of a flight the signed-in person can act on, after `after` in the flight's queue order. */
export const fetchFlightNext = (flight: string, after?: string | null) =>
  call(api.GET('/api/travel/alerts/next', { params: { query: { flight, after: after || undefined } } }));

export const fetchScreening = (id: string) => call(api.GET('/api/travel/travellers/{id}/screening', { params: { path: { id } } }));

export const ALERTS_TAB = `${TRAVEL}/alerts`;
/** The alert queue of one flight. */
export const flightQueuePath = (flightId: string) => `${ALERTS_TAB}?flight=${encodeURIComponent(flightId)}`;
/** The review screen of an alert, reached from a flight's queue (its "next" and "back" stay on that flight). */
export const reviewPath = (alertId: string, flightId: string) => `/alerts/${encodeURIComponent(alertId)}?flight=${encodeURIComponent(flightId)}`;

const UNDECIDED = new Set(['open', 'pending-confirmation', 'escalated']);
export const isOpen = (a: Pick<TravelAlert, 'status'>) => UNDECIDED.has(a.status);
