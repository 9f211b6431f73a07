// Calls of the passenger-data screens to /api/travel, typed by the server's OpenAPI document.
import { api, call } from '../../api/client';
import type { Ok } from '../../api/types';

type FlightPage = Ok<'/api/travel/flights', 'get'>;
export type Flight = FlightPage['items'][number];
/** Local time at the airport (`2026-12-01T14:05`) and UTC, or null when the airport's zone is unknown. */
export type LocalUtc = Flight['departure'];
export type Leg = Flight['legs'][number];
export type Direction = Flight['direction'];
export const DIRECTIONS: readonly Direction[] = ['inbound', 'outbound', 'overflight', 'domestic', 'unknown'];

type Manifest = Ok<'/api/travel/flights/{id}', 'get'>;
export type ManifestRow = Manifest['travellers'][number];
export type TravellerDetail = Ok<'/api/travel/travellers/{id}', 'get'>;
export type TravellerData = TravellerDetail['data'];
export type TravelDocument = TravellerData['documents'][number];
export type Address = TravellerData['addresses'][number];
export type Booking = NonNullable<TravellerData['booking']>;
export type ItinerarySegment = Booking['itinerary'][number];

export type MessageItem = Ok<'/api/travel/messages', 'get'>['items'][number];
export type MessageDetail = Ok<'/api/travel/messages/{id}', 'get'>;
export type MessagePart = MessageDetail['messages'][number];
export type Finding = MessageDetail['interchangeFindings'][number];
export type ParseError = NonNullable<MessageDetail['error']>;
export type CarrierFindings = Ok<'/api/travel/findings', 'get'>['items'][number];

export type ComplianceReport = Ok<'/api/travel/compliance', 'get'>;
export type PushCheck = ComplianceReport['items'][number]['pushes'][number];
export type PushStatus = PushCheck['status'];
export type ComplianceAlert = Ok<'/api/travel/compliance/alerts', 'get'>['items'][number];

export const fetchFlights = (q: { date?: string | undefined; direction?: Direction | undefined; limit: number; offset: number }) =>
  call(api.GET('/api/travel/flights', { params: { query: q } }));

export const fetchManifest = (id: string) => call(api.GET('/api/travel/flights/{id}', { params: { path: { id } } }));

export const fetchTraveller = (id: string) => call(api.GET('/api/travel/travellers/{id}', { params: { path: { id } } }));

export const fetchMessages = (q: { status?: 'accepted' | 'rejected' | undefined; sender?: string | undefined; limit: number; offset: number }) =>
  call(api.GET('/api/travel/messages', { params: { query: q } }));

export const fetchMessage = (id: string) => call(api.GET('/api/travel/messages/{id}', { params: { path: { id } } }));

export const fetchFindings = (q: { from?: string | undefined; to?: string | undefined }) =>
  call(api.GET('/api/travel/findings', { params: { query: q } })).then((r) => r.items);

export const TRAVEL = '/travel';
export const flightPath = (id: string) => `${TRAVEL}/flights/${encodeURIComponent(id)}`;
export const travellerPath = (id: string) => `${TRAVEL}/travellers/${encodeURIComponent(id)}`;
export const messagePath = (id: string) => `${TRAVEL}/messages/${encodeURIComponent(id)}`;

export const fetchCompliance = (date: string) => call(api.GET('/api/travel/compliance', { params: { query: { date } } }));

export const fetchComplianceAlerts = (carrier?: string) =>
  call(api.GET('/api/travel/compliance/alerts', { params: { query: { carrier, limit: 200 } } })).then((r) => r.items);
