// Calls of the passenger-alert screens: the queue per flight, flights with open alerts, the next alert of a flight, a traveller's screening.
import { api, call } from '../../api/client';
import { TRAVEL, type Flight } from './api';

export interface TravelAlert {
  id: string;
  flightId: string;
  traveller: { id: string; name: string; birthDate: string | null; documents: string[] };
  entityId: string;
  entityCaption: string;
  source: 'watchlist' | 'lost-document' | 'rule';
  score: number;
  status: 'open' | 'pending-confirmation' | 'escalated' | 'confirmed' | 'false-positive';
  /** Departure (outbound) or arrival (inbound), UTC: the decision is due before. */
  dueAt: string | null;
  createdAt: string;
}

export interface FlightAlerts {
  flight: Flight;
  open: number;
  topScore: number;
  dueAt: string | null;
}

export interface Explained {
  feature: string;
  score: number;
  detail: string;
}

/** The latest screening of one traveller, as stored (GET /api/travel/travellers/:id/screening). */
export interface Screening {
  screenedAt: string;
  travellerId: string;
  flightId: string;
  watchlist: Array<{ entityId: string; caption: string; schema: string; lists: string[]; score: number; explanation: Explained[] }>;
  watchlistSkipped: string | null;
  lostDocuments: Array<{
    id: string;
    issuingCountry: { icao: string };
    documentType: string | null;
    documentNumber: string;
    status: string;
    reportedOn: string | null;
    match: 'exact' | 'fuzzy';
    detail: string;
  }>;
  documents: Array<{ number: string | null; code: string; detail: string }>;
  rules?: Array<{ ruleId: string; version: number; name: string; detail: string }>;
  alerts: string[];
  outcome: 'hit' | 'attention' | 'clear';
}

const as = <T>(p: Promise<unknown>) => p as Promise<T>;

export const fetchTravelAlerts = (q: { flight?: string | undefined; open?: boolean; limit?: number }) =>
  as<{ items: TravelAlert[] }>(
    call(api.GET('/api/travel/alerts', { params: { query: { flight: q.flight || undefined, open: q.open ? 'true' : undefined, limit: q.limit ?? 500 } } })),
  ).then((r) => r.items);

export const fetchFlightsWithAlerts = (q: { date?: string | undefined; direction?: string | undefined }) =>
  as<{ items: FlightAlerts[] }>(
    call(api.GET('/api/travel/alerts/flights', { params: { query: { date: q.date, direction: q.direction as Flight['direction'] | undefined, limit: 500 } } })),
  ).then((r) => r.items);

/** The next undecided alert of a flight the signed-in person can act on, after `after` in the flight's queue order. */
export const fetchFlightNext = (flight: string, after?: string | null) =>
  as<{ id: string | null; remaining: number }>(call(api.GET('/api/travel/alerts/next', { params: { query: { flight, after: after || undefined } } })));

export const fetchScreening = (id: string) => as<Screening>(call(api.GET('/api/travel/travellers/{id}/screening', { params: { path: { id } } })));

export const ALERTS_TAB = `${TRAVEL}/alerts`;
/** The alert queue of one flight. */
export const flightQueuePath = (flightId: string) => `${ALERTS_TAB}?flight=${encodeURIComponent(flightId)}`;
/** The review screen of an alert, reached from a flight's queue (its "next" and "back" stay on that flight). */
export const reviewPath = (alertId: string, flightId: string) => `/alerts/${encodeURIComponent(alertId)}?flight=${encodeURIComponent(flightId)}`;

const UNDECIDED = new Set(['open', 'pending-confirmation', 'escalated']);
export const isOpen = (a: Pick<TravelAlert, 'status'>) => UNDECIDED.has(a.status);
