// Row types of the travel intake tables, and typed access to them through the platform's Kysely instance.
import type { Kysely, Transaction } from 'kysely';
import type { Executor, PlatformTables } from '../../../platform/db/index.js';

export const CHANNELS = ['api', 'folder', 'nats', 'cli'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface MessageRow {
  id: string;
  /** `<sender>|<interchange reference>`, or `sha256:<hex>` when the envelope lacks either: a second copy is a duplicate. */
  dedupe_key: string;
  sender: string | null;
  interchange_ref: string | null;
  type: string | null;
  channel: Channel;
  received_at: string;
  received_by: string | null;
  size: number;
  sha256: string;
  raw: Buffer;
  status: 'accepted' | 'rejected';
  /** JSON: the first hard error `{code, segment, tag, element, offset, detail}` when rejected. */
  error: string | null;
  /** JSON array of findings (data-quality deviations). */
  findings: string;
  /** JSON: what the message holds `{messages:[{messageRef, type, function, flights:[…], travellers}]}`. */
  summary: string;
  duplicates: number;
  assembled_at: string | null;
}

export interface FlightRow {
  id: string;
  carrier: string;
  number: string;
  flight_date: string;
  origin: string | null;
  destination: string | null;
  departure_local: string | null;
  departure_utc: string | null;
  arrival_local: string | null;
  arrival_utc: string | null;
  direction: 'inbound' | 'outbound' | 'overflight' | 'domestic' | 'unknown';
  status: 'scheduled' | 'cancelled';
  /** JSON array of legs as last reported. */
  legs: string;
  passengers: number;
  crew: number;
  pnrs: number;
  messages: number;
  first_message_at: string;
  last_message_at: string;
}

export interface TravellerRow {
  id: string;
  flight_id: string;
  /** Identity within the flight, `doc:<country>:<number>` or `name:<surname>|<given>|<birth>`. */
  match_key: string;
  /** Identity across flights (same document, or same name and birth date); null when too little is known. */
  person_key: string | null;
  role: 'passenger' | 'crew';
  surname: string;
  given_names: string;
  birth_date: string | null;
  sex: string | null;
  nationality: string | null;
  document_number: string | null;
  document_country: string | null;
  record_locator: string | null;
  has_api: number;
  has_pnr: number;
  cancelled: number;
  /** JSON: the merged traveller (parser's Traveller shape). */
  data: string;
  /** JSON array of message ids this traveller was reported in. */
  sources: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface PnrVersionRow {
  id: string;
  record_locator: string;
  flight_id: string;
  version: number;
  message_id: string;
  received_at: string;
  /** SHA-256 of the booking data: a push that changes nothing adds no version. */
  digest: string;
  /** JSON: `{booking, travellers:[ref…]}`. */
  data: string;
}

export interface FindingRow {
  message_id: string;
  sender: string;
  day: string;
  code: string;
  count: number;
}

export interface FlightMessageRow {
  flight_id: string;
  message_id: string;
  type: string;
  sender: string | null;
  received_at: string;
}

export interface ComplianceRow {
  flight_id: string;
  /** `PNRGOV-48` … */
  push: string;
  carrier: string;
  status: 'late' | 'missing';
  due: string;
  detected_at: string;
}

export interface ScreeningRow {
  traveller_id: string;
  flight_id: string;
  screened_at: string;
  outcome: 'hit' | 'attention' | 'clear';
  alerts: number;
  /** JSON: the TravellerScreening. */
  result: string;
}

export interface TravelTables {
  travel_messages: MessageRow;
  travel_flights: FlightRow;
  travel_travellers: TravellerRow;
  travel_pnr_versions: PnrVersionRow;
  travel_findings: FindingRow;
  travel_flight_messages: FlightMessageRow;
  travel_compliance: ComplianceRow;
  travel_screenings: ScreeningRow;
}

export type Tables = TravelTables & PlatformTables;
export type TrExecutor = Kysely<Tables> | Transaction<Tables>;
export const tr = (exec: Executor): TrExecutor => exec as unknown as TrExecutor;
