// Calls of the passenger-data screens to /api/travel, with the shapes the server answers (its routes declare no response schema yet).
import { api, call } from '../../api/client';

export interface LocalUtc {
  /** `2026-12-01T14:05`: local time at the airport. */
  local: string | null;
  /** `2026-12-01T13:05:00Z`, or null when the airport's zone is unknown. */
  utc: string | null;
}

export interface Leg {
  origin: string | null;
  destination: string | null;
  departure: LocalUtc | null;
  arrival: LocalUtc | null;
  border: boolean;
}

export type Direction = 'inbound' | 'outbound' | 'overflight' | 'domestic' | 'unknown';
export const DIRECTIONS: readonly Direction[] = ['inbound', 'outbound', 'overflight', 'domestic', 'unknown'];

export interface Flight {
  id: string;
  carrier: string;
  number: string;
  date: string;
  origin: string | null;
  destination: string | null;
  departure: LocalUtc;
  arrival: LocalUtc;
  direction: Direction;
  status: 'scheduled' | 'cancelled';
  legs: Leg[];
  passengers: number;
  crew: number;
  pnrs: number;
  messages: number;
  lastMessageAt: string;
}

export interface ManifestRow {
  id: string;
  flightId: string;
  role: 'passenger' | 'crew';
  surname: string;
  givenNames: string;
  birthDate: string | null;
  sex: string | null;
  nationality: string | null;
  documentNumber: string | null;
  documentCountry: string | null;
  recordLocator: string | null;
  sources: { api: boolean; pnr: boolean };
  cancelled: boolean;
}

export interface TravelDocument {
  code: string;
  kind: string;
  number: string | null;
  issuingCountry: string | null;
  expiry: string | null;
  issued: string | null;
  source: string;
  surname?: string | null;
  givenNames?: string | null;
  applicableCountry?: string | null;
  placeOfIssue?: string | null;
}

export interface Address {
  kind: string;
  street: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface ItinerarySegment {
  flight: string;
  carrier: string;
  number: string;
  operatingCarrier: string | null;
  operatingNumber: string | null;
  origin: string | null;
  destination: string | null;
  departure: LocalUtc | null;
  arrival: LocalUtc | null;
  bookingClass: string | null;
  status: string | null;
}

export interface Booking {
  recordLocator: string | null;
  otherLocators: string[];
  created: string | null;
  lastModified: string | null;
  tickets: Array<{ number: string; issued: string | null; total: string | null; currency: string | null }>;
  payments: Array<{ type: string; amount: string | null; vendor: string | null; accountLast4: string | null }>;
  contacts: Array<{ kind: string; value: string; source: string }>;
  seats: Array<{ flight: string | null; seat: string }>;
  bags: Array<{ count: number | null; weight: number | null; unit: string | null; tags: string[] }>;
  itinerary: ItinerarySegment[];
  ssr: Array<{ code: string; text: string }>;
  remarks: string[];
  split: string[];
  frequentFlyer: string[];
}

export interface TravellerData {
  ref: string;
  role: 'passenger' | 'crew';
  inTransit: boolean;
  passengerType: string | null;
  surname: string;
  givenNames: string;
  title: string | null;
  sex: string | null;
  birthDate: string | null;
  birthPlace: string | null;
  nationality: string | null;
  residence: string | null;
  embarkation: string | null;
  debarkation: string | null;
  clearance: string | null;
  addresses: Address[];
  documents: TravelDocument[];
  booking: Booking | null;
  references: Array<{ qualifier: string; value: string }>;
}

export interface TravellerDetail extends ManifestRow {
  flight: Flight;
  data: TravellerData;
  messageIds: string[];
  otherFlights: Array<{ travellerId: string; flightId: string; date: string; origin: string | null; destination: string | null }>;
  pnrVersions: Array<{ version: number; messageId: string; receivedAt: string }>;
  version: number;
}

export interface Finding {
  code: string;
  segment: number | null;
  tag: string | null;
  offset: number | null;
  detail: string;
}

export interface ParseError extends Finding {
  element: number | null;
  component: number | null;
}

export interface MessageItem {
  id: string;
  sender: string | null;
  interchangeRef: string | null;
  type: string | null;
  channel: string;
  receivedAt: string;
  size: number;
  status: 'accepted' | 'rejected';
  duplicates: number;
  findings: number;
  assembled: boolean;
}

export interface MessagePart {
  messageRef: string;
  type: 'PAXLST' | 'PNRGOV';
  function: string;
  flights: Array<{ id: string | null; carrier: string; number: string; legs: Leg[] }>;
  travellers: number;
  findings: Finding[];
  error: ParseError | null;
}

export interface MessageDetail extends MessageItem {
  sha256: string;
  error: ParseError | null;
  interchangeFindings: Finding[];
  messages: MessagePart[];
  raw: string;
}

export interface CarrierFindings {
  sender: string;
  day: string;
  code: string;
  count: number;
  messages: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

// The typed client knows the paths and parameters; the bodies are typed here until the routes declare them.
const as = <T>(p: Promise<unknown>) => p as Promise<T>;

export const fetchFlights = (q: { date?: string | undefined; direction?: Direction | undefined; limit: number; offset: number }) =>
  as<Page<Flight>>(call(api.GET('/api/travel/flights', { params: { query: q } })));

export const fetchManifest = (id: string) =>
  as<{ flight: Flight; travellers: ManifestRow[] }>(call(api.GET('/api/travel/flights/{id}', { params: { path: { id } } })));

export const fetchTraveller = (id: string) => as<TravellerDetail>(call(api.GET('/api/travel/travellers/{id}', { params: { path: { id } } })));

export const fetchMessages = (q: { status?: 'accepted' | 'rejected' | undefined; sender?: string | undefined; limit: number; offset: number }) =>
  as<Page<MessageItem>>(call(api.GET('/api/travel/messages', { params: { query: q } })));

export const fetchMessage = (id: string) => as<MessageDetail>(call(api.GET('/api/travel/messages/{id}', { params: { path: { id } } })));

export const fetchFindings = (q: { from?: string | undefined; to?: string | undefined }) =>
  as<{ items: CarrierFindings[] }>(call(api.GET('/api/travel/findings', { params: { query: q } }))).then((r) => r.items);

export const TRAVEL = '/travel';
export const flightPath = (id: string) => `${TRAVEL}/flights/${encodeURIComponent(id)}`;
export const travellerPath = (id: string) => `${TRAVEL}/travellers/${encodeURIComponent(id)}`;
export const messagePath = (id: string) => `${TRAVEL}/messages/${encodeURIComponent(id)}`;

export type PushStatus = 'on-time' | 'late' | 'missing' | 'pending';

export interface PushCheck {
  /** `PNRGOV-48`, `PAXLST-0` … */
  push: string;
  type: 'PAXLST' | 'PNRGOV';
  due: string;
  status: PushStatus;
  receivedAt: string | null;
  messageId: string | null;
}

export interface ComplianceReport {
  date: string;
  items: Array<{ flightId: string; carrier: string; departureUtc: string; pushes: PushCheck[] }>;
  carriers: Array<{ carrier: string } & Record<PushStatus, number>>;
}

export interface ComplianceAlert {
  flightId: string;
  push: string;
  carrier: string;
  status: PushStatus;
  due: string;
  detectedAt: string;
}

export const fetchCompliance = (date: string) => as<ComplianceReport>(call(api.GET('/api/travel/compliance', { params: { query: { date } } })));

export const fetchComplianceAlerts = (carrier?: string) =>
  as<{ items: ComplianceAlert[] }>(call(api.GET('/api/travel/compliance/alerts', { params: { query: { carrier, limit: 200 } } }))).then((r) => r.items);
