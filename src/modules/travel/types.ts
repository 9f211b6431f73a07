// The contract of passenger-data parsing: what `parseTravel` returns for a PAXLST or PNRGOV interchange (pure data, camelCase JSON).

export type MessageType = 'PAXLST' | 'PNRGOV';

/** A data-quality deviation: the message was understood, but it does not follow the guide. Reported per carrier. */
export interface Finding {
  /** Stable code, e.g. `several-segments-per-line`, `leading-whitespace`, `count-mismatch`; see README. */
  code: string;
  /** 0-based index of the segment in the interchange (after tokenising), or null for the whole input. */
  segment: number | null;
  /** The segment tag (`UNT`, `CNT`, `NAD` …) or null. */
  tag: string | null;
  /** Byte offset into the input (UTF-8), or null. */
  offset: number | null;
  detail: string;
}

/** A hard error: the message (or a part of it) cannot be understood. */
export interface ParseError {
  /** Stable code, e.g. `too-large`, `bad-una`, `no-message`, `missing-segment`, `bad-flight`. */
  code: string;
  segment: number | null;
  tag: string | null;
  /** 1-based data element position in the segment (UNB element 2 is the sender), or null. */
  element: number | null;
  /** 1-based component position inside the element, or null. */
  component: number | null;
  offset: number | null;
  detail: string;
}

/** A scheduled time as sent (airport local time) and, when the airport's time zone is known, in UTC. */
export interface ScheduledTime {
  /** `2026-12-01T14:05` (no zone: local at the airport). */
  local: string;
  /** `2026-12-01T13:05:00Z`, or null when the airport's offset is unknown. */
  utc: string | null;
}

export interface FlightLeg {
  /** IATA (or ICAO) airport codes as sent, upper case. */
  origin: string | null;
  destination: string | null;
  departure: ScheduledTime | null;
  arrival: ScheduledTime | null;
  /** PAXLST: the leg reported as crossing the border (LOC 125/87) rather than a routing leg (LOC 92). */
  border: boolean;
}

export interface Flight {
  /** `LH0400` style key within the message: carrier + flight number (4 digits, zero padded) + suffix. */
  key: string;
  /** Marketing (or only) carrier, IATA 2-character or ICAO 3-letter code. */
  carrier: string;
  /** Flight number without carrier, leading zeros removed, suffix kept (`400`, `1234A`). */
  number: string;
  /** Codeshare: the operating carrier and number when they differ. */
  operatingCarrier: string | null;
  operatingNumber: string | null;
  legs: FlightLeg[];
}

export type DocumentKind = 'passport' | 'visa' | 'identity-card' | 'crew-certificate' | 'residence-permit' | 'other';

export interface TravelDocument {
  /** The code as sent (`P`, `V`, `I`, `AC`, `IP` …) and its meaning. */
  code: string;
  kind: DocumentKind;
  number: string | null;
  /** ISO 3166 alpha-3 (as sent) issuing state, or null. */
  issuingCountry: string | null;
  /** ISO dates `YYYY-MM-DD`. */
  expiry: string | null;
  issued: string | null;
  /** Where it came from: PAXLST `DOC`, PNR `DOCS`/`DOCO`/`FOID`. */
  source: 'DOC' | 'DOCS' | 'DOCO' | 'FOID';
  /** DOCS/DOCO carry their own name/birth data; kept when it differs from the traveller's. */
  surname?: string | null;
  givenNames?: string | null;
  /** DOCO: the country the visa is valid for. */
  applicableCountry?: string | null;
  /** DOCO: place of issue. */
  placeOfIssue?: string | null;
}

export interface Contact {
  kind: 'email' | 'phone' | 'address' | 'other';
  value: string;
  /** `ADD`, `IFT`, `SSR CTCE` …, `COM` (PAXLST). */
  source: string;
}

export interface Address {
  /** PAXLST NAD address, PNR `DOCA` (`R` residence / `D` destination) or `ADD`. */
  kind: 'residence' | 'destination' | 'contact' | 'other';
  street: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface Bags {
  count: number | null;
  weight: number | null;
  unit: string | null;
  /** Bag tag numbers as `LH123456`. */
  tags: string[];
}

export interface Payment {
  /** FOP type as sent: `CC` credit card, `CA` cash, `MS` miscellaneous, `CK` cheque, `GR` government … */
  type: string;
  amount: string | null;
  /** Card vendor (`VI`, `AX` …) when a card. Card numbers are not kept. */
  vendor: string | null;
  /** Last four characters of the account number, when sent. */
  accountLast4: string | null;
}

export interface Ticket {
  number: string;
  /** Ticket issue date `YYYY-MM-DD` (DAT 710) when sent. */
  issued: string | null;
  /** MON total (`T`) amount and currency. */
  total: string | null;
  currency: string | null;
}

export interface ItinerarySegment {
  flight: string;
  carrier: string;
  number: string;
  operatingCarrier: string | null;
  operatingNumber: string | null;
  origin: string | null;
  destination: string | null;
  departure: ScheduledTime | null;
  arrival: ScheduledTime | null;
  bookingClass: string | null;
  status: string | null;
}

/** PNR data about one traveller (PNRGOV), or the booking reference of a PAXLST traveller. */
export interface Booking {
  recordLocator: string | null;
  /** Other systems' locators (`1A:35K2IO`). */
  otherLocators: string[];
  /** Date and time the PNR was created (RCI), ISO `YYYY-MM-DDTHH:MM` or date only. */
  created: string | null;
  /** Last PNR transaction (DAT 700). */
  lastModified: string | null;
  tickets: Ticket[];
  payments: Payment[];
  contacts: Contact[];
  /** Seats by flight key: `{ flight: 'LH0400', seat: '15A' }`. */
  seats: Array<{ flight: string | null; seat: string }>;
  bags: Bags[];
  itinerary: ItinerarySegment[];
  /** Special service requests other than DOCS/DOCO/DOCA/FOID/SEAT/CTC*, as `{ code, text }`. */
  ssr: Array<{ code: string; text: string }>;
  /** Free-text remarks (IFT), bounded. */
  remarks: string[];
  /** Record locators of PNRs split from or into this one (SPL), when sent. */
  split: string[];
  frequentFlyer: string[];
}

export type TravellerRole = 'passenger' | 'crew';

export interface Traveller {
  /** Stable within the message: PAXLST position `1`…, PNRGOV `<record locator>/<TIF reference>`. */
  ref: string;
  role: TravellerRole;
  /** PAXLST DDT/DDU, or LOC 22 vs 179 telling an in-transit traveller. */
  inTransit: boolean;
  /** PNRGOV TIF type (`A` adult, `C` child, `IN` infant …) or null. */
  passengerType: string | null;
  /** Upper case. */
  surname: string;
  givenNames: string;
  /** A title split off the given names (`MR`, `MRS` …) in PNRs. */
  title: string | null;
  sex: 'M' | 'F' | 'X' | 'U' | null;
  birthDate: string | null;
  birthPlace: string | null;
  nationality: string | null;
  residence: string | null;
  /** PAXLST LOC 178/179/22: where the traveller boards, leaves, and is cleared. */
  embarkation: string | null;
  debarkation: string | null;
  clearance: string | null;
  addresses: Address[];
  documents: TravelDocument[];
  booking: Booking | null;
  /** PAXLST RFF references (`AVF` booking, `ABO` passenger reference, `SEA` seat …) as `{ qualifier, value }`. */
  references: Array<{ qualifier: string; value: string }>;
}

export interface MessagePart {
  /** UNH common access reference (0068), linking parts of one transmission, or null. */
  commonAccessReference: string | null;
  /** UNH S010 sequence of transfers, or null when absent. */
  sequence: number | null;
  /** True when this is the last (or only) part (`F`), false when more follow (`C`). */
  final: boolean;
}

export interface MessageFunction {
  /** PAXLST BGM 1001 (`745`, `250`, `266` …) or PNRGOV MSG 1225 (`22`, `141`). */
  code: string;
  /** `passenger-list`, `crew-list`, `flight-status`, `master-crew-list`, `gate-pass`, `pnr-push`, `pnr-change`, `unknown`. */
  name: string;
  /** PAXLST BGM 1004 document identifier (`CP`, `XR`, `RP`, `CLOB` …) or null. */
  identifier: string | null;
  /** `original`, `change`, `cancel-reservation`, `reduction-in-party`, `close`, `close-on-board`, `close-not-on-board`, `flight-cancelled`, `flight-changed`, `update`. */
  action: string;
}

export interface ParsedMessage {
  type: MessageType;
  /** UNH S009 version: `D:05B` (PAXLST) or `13:1` (PNRGOV). */
  version: string;
  sender: string | null;
  recipient: string | null;
  interchangeReference: string | null;
  /** UNB preparation date/time, ISO `YYYY-MM-DDTHH:MM`. */
  prepared: string | null;
  /** UNH message reference (0062). */
  messageReference: string;
  part: MessagePart;
  function: MessageFunction;
  flights: Flight[];
  travellers: Traveller[];
  /** PNRGOV: number of PNRs (SRC groups); PAXLST: 0. */
  pnrCount: number;
  findings: Finding[];
  errors: ParseError[];
  /** Segment index range of the message in the interchange (UNH…UNT). */
  segments: { first: number; last: number };
}

export interface ParseResult {
  /** No hard error anywhere (findings are allowed). */
  ok: boolean;
  sender: string | null;
  recipient: string | null;
  interchangeReference: string | null;
  prepared: string | null;
  /** The separators used (from UNA, or the defaults). */
  separators: { component: string; element: string; decimal: string; release: string | null; segment: string };
  messages: ParsedMessage[];
  /** Interchange-level findings (tokeniser, envelope); every message's own findings are in the message. */
  findings: Finding[];
  errors: ParseError[];
  segmentCount: number;
}
