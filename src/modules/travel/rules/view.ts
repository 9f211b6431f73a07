// The typed view of one traveller on one flight that rules read: built once per traveller from the stored traveller and flight.
import { normaliseCountry } from '../../../core/model/countries.js';
import { airport } from '../places.js';
import type { FlightLeg, Traveller } from '../types.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The flight as rules see it (a stored flight row or the lead's own flight record map onto this). */
export interface FlightFacts {
  id: string;
  carrier: string;
  number: string;
  /** `YYYY-MM-DD`, local date of the first leg. */
  date: string;
  direction: string;
  departureUtc: string | null;
  arrivalUtc: string | null;
  legs: FlightLeg[];
}

export interface LegView {
  origin: string | null;
  destination: string | null;
  originCountry: string | null;
  destinationCountry: string | null;
  departure: number | null;
  arrival: number | null;
  carrier: string | null;
  number: string | null;
}

export interface DocumentView {
  type: string;
  code: string;
  number: string | null;
  issuingCountry: string | null;
  expiry: number | null;
  daysToExpiry: number | null;
  issued: number | null;
}

/** Everything a rule can read. Instants are epoch milliseconds; countries FtM codes (`de`); airports IATA upper case; unknown is null. */
export interface TravellerView {
  travellerId: string;
  traveller: {
    age: number | null;
    nationality: string | null;
    residence: string | null;
    role: string;
    inTransit: boolean;
    passengerType: string | null;
    embarkation: string | null;
    debarkation: string | null;
    documentCount: number;
  };
  documents: DocumentView[];
  booking: {
    present: boolean;
    recordLocator: string | null;
    created: number | null;
    lastModified: number | null;
    hoursBeforeDeparture: number | null;
    daysBeforeDeparture: number | null;
    paymentTypes: string[];
    paidCash: boolean | null;
    oneWay: boolean | null;
    return: boolean | null;
    travellers: number | null;
    ticketed: boolean | null;
    ticketIssued: number | null;
    bags: number | null;
    bagWeight: number | null;
    seat: string | null;
    segments: number | null;
    frequentFlyer: boolean | null;
    split: boolean | null;
  };
  route: {
    origin: string | null;
    destination: string | null;
    originCountry: string | null;
    destinationCountry: string | null;
    airports: string[];
    countries: string[];
    legCount: number;
  };
  legs: LegView[];
  flight: {
    id: string;
    carrier: string;
    number: string;
    direction: string;
    date: number | null;
    departure: number | null;
    arrival: number | null;
    origin: string | null;
    destination: string | null;
    originCountry: string | null;
    destinationCountry: string | null;
  };
}

const countryCache = new Map<string, string | null>();
/** A country as sent (ICAO/ISO alpha-3, alpha-2, name) to its FtM code, cached. */
export function countryOf(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let c = countryCache.get(raw);
  if (c === undefined) {
    c = normaliseCountry(raw)?.code ?? null;
    if (countryCache.size < 10_000) countryCache.set(raw, c);
  }
  return c;
}
const airportCountry = (code: string | null | undefined) => (code ? countryOf(airport(code)?.country) : null);

/** `2026-12-01`, `2026-12-01T14:05`, `2026-12-01T13:05:00Z` → epoch ms (zone-less times are read as UTC); null when not a date. */
const instantCache = new Map<string, number | null>();
export function instant(s: string | null | undefined): number | null {
  if (!s) return null;
  let t = instantCache.get(s);
  if (t === undefined) {
    t = parseInstant(s);
    // Times repeat across travellers (a flight's departure, booking days): a bounded cache.
    if (instantCache.size >= 50_000) instantCache.clear();
    instantCache.set(s, t);
  }
  return t;
}

function parseInstant(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?Z?)?$/.exec(s);
  if (!m) return null;
  const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  return Number.isNaN(t) ? null : t;
}

function age(birth: string | null, at: number | null): number | null {
  if (!birth || at === null) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(birth.slice(0, 10));
  if (!m) return null;
  const d = new Date(at);
  // Partial dates: assume the latest birthday in the period (a known year gives the age one might be at least).
  const month = m[2] ? +m[2] : 12;
  const day = m[3] ? +m[3] : 31;
  let years = d.getUTCFullYear() - +m[1]!;
  if (d.getUTCMonth() + 1 < month || (d.getUTCMonth() + 1 === month && d.getUTCDate() < day)) years--;
  return years >= 0 && years < 150 ? years : null;
}

const PAYMENT_NAMES: Record<string, string> = { CA: 'cash', CC: 'card', CK: 'cheque', GR: 'government', MS: 'miscellaneous', IN: 'invoice', DC: 'card' };
export const PAYMENT_TYPES = ['cash', 'card', 'cheque', 'government', 'miscellaneous', 'invoice', 'other'] as const;

/** Return when the itinerary comes back to the first origin (same airport or same country); one-way otherwise. */
function isReturn(legs: LegView[]): boolean | null {
  if (!legs.length) return null;
  const first = legs[0]!;
  const last = legs.at(-1)!;
  if (legs.length < 2) return false;
  if (first.origin && last.destination && first.origin === last.destination) return true;
  return !!first.originCountry && first.originCountry === last.destinationCountry;
}

/** Builds the view. `partySize`: travellers in the same PNR on this flight (null when unknown). */
export function travellerView(travellerId: string, t: Traveller, flight: FlightFacts, partySize: number | null = null): TravellerView {
  const departure = instant(flight.departureUtc) ?? instant(flight.legs[0]?.departure?.utc) ?? instant(flight.date);
  const day = instant(flight.date);
  const b = t.booking;
  const flightLegs: LegView[] = flight.legs.map((l) => ({
    origin: l.origin,
    destination: l.destination,
    originCountry: airportCountry(l.origin),
    destinationCountry: airportCountry(l.destination),
    departure: instant(l.departure?.utc),
    arrival: instant(l.arrival?.utc),
    carrier: flight.carrier,
    number: flight.number,
  }));
  const itinerary: LegView[] = (b?.itinerary ?? []).map((s) => ({
    origin: s.origin,
    destination: s.destination,
    originCountry: airportCountry(s.origin),
    destinationCountry: airportCountry(s.destination),
    departure: instant(s.departure?.utc),
    arrival: instant(s.arrival?.utc),
    carrier: s.carrier,
    number: s.number,
  }));
  const legs = itinerary.length ? itinerary : flightLegs;
  const airports = new Set<string>();
  const countries = new Set<string>();
  for (const l of [...legs, ...flightLegs]) {
    for (const a of [l.origin, l.destination]) if (a) airports.add(a.toUpperCase());
    for (const c of [l.originCountry, l.destinationCountry]) if (c) countries.add(c);
  }
  for (const a of [t.embarkation, t.debarkation]) {
    if (!a) continue;
    airports.add(a.toUpperCase());
    const c = airportCountry(a);
    if (c) countries.add(c);
  }
  const created = instant(b?.created);
  const between = created !== null && departure !== null ? departure - created : null;
  const payments = b ? [...new Set(b.payments.map((p) => PAYMENT_NAMES[p.type.toUpperCase()] ?? 'other'))] : [];
  const tickets = b?.tickets ?? [];
  const issued = tickets.map((x) => instant(x.issued)).filter((x): x is number => x !== null);
  const bags = b?.bags ?? [];
  const seat = b
    ? (b.seats.find((s) => s.flight && s.flight.replace(/^([A-Z0-9]{2})0*/, '$1') === `${flight.carrier}${flight.number}`)?.seat ?? b.seats[0]?.seat ?? null)
    : null;
  const documents: DocumentView[] = t.documents.map((d) => {
    const expiry = instant(d.expiry);
    return {
      type: d.kind,
      code: d.code.toUpperCase(),
      number: d.number,
      issuingCountry: countryOf(d.issuingCountry),
      expiry,
      daysToExpiry: expiry !== null && day !== null ? Math.floor((expiry - day) / DAY) : null,
      issued: instant(d.issued),
    };
  });
  return {
    travellerId,
    traveller: {
      age: age(t.birthDate, day),
      nationality: countryOf(t.nationality),
      residence: countryOf(t.residence),
      role: t.role,
      inTransit: t.inTransit,
      passengerType: t.passengerType,
      embarkation: t.embarkation?.toUpperCase() ?? null,
      debarkation: t.debarkation?.toUpperCase() ?? null,
      documentCount: t.documents.length,
    },
    documents,
    booking: {
      present: !!b,
      recordLocator: b?.recordLocator ?? null,
      created,
      lastModified: instant(b?.lastModified),
      hoursBeforeDeparture: between === null ? null : between / HOUR,
      daysBeforeDeparture: between === null ? null : between / DAY,
      paymentTypes: payments,
      paidCash: b ? payments.includes('cash') : null,
      oneWay: b ? (itinerary.length ? !isReturn(itinerary) : null) : null,
      return: b ? (itinerary.length ? isReturn(itinerary) : null) : null,
      travellers: b ? partySize : null,
      ticketed: b ? tickets.length > 0 : null,
      ticketIssued: issued.length ? Math.min(...issued) : null,
      bags: b ? bags.reduce((n, x) => n + (x.count ?? 0), 0) : null,
      bagWeight: b ? bags.reduce((n, x) => n + (x.weight ?? 0), 0) : null,
      seat: seat?.toUpperCase() ?? null,
      segments: b ? itinerary.length : null,
      frequentFlyer: b ? b.frequentFlyer.length > 0 : null,
      split: b ? b.split.length > 0 : null,
    },
    route: {
      origin: legs[0]?.origin ?? null,
      destination: legs.at(-1)?.destination ?? null,
      originCountry: legs[0]?.originCountry ?? null,
      destinationCountry: legs.at(-1)?.destinationCountry ?? null,
      airports: [...airports],
      countries: [...countries],
      legCount: legs.length,
    },
    legs,
    flight: {
      id: flight.id,
      carrier: flight.carrier,
      number: flight.number,
      direction: flight.direction,
      date: day,
      departure,
      arrival: instant(flight.arrivalUtc) ?? instant(flight.legs.at(-1)?.arrival?.utc),
      origin: flightLegs[0]?.origin ?? null,
      destination: flightLegs.at(-1)?.destination ?? null,
      originCountry: flightLegs[0]?.originCountry ?? null,
      destinationCountry: flightLegs.at(-1)?.destinationCountry ?? null,
    },
  };
}
