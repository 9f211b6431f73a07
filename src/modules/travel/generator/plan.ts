// A flight with invented travellers and bookings on a real route of a real carrier, deterministic for a seed.
import { AIRPORTS, CARRIERS, airport, utcToLocal, type Airport, type Carrier } from '../places.js';
import { inventPerson } from './people.js';
import { random, type Random } from './random.js';

export interface PlannedTraveller {
  role: 'passenger' | 'crew';
  surname: string;
  givenNames: string;
  title: string | null;
  sex: 'M' | 'F';
  birthDate: string;
  nationality: string;
  document: { code: 'P' | 'I'; number: string; issuingCountry: string; expiry: string };
  seat: string | null;
  bags: number;
  /** Passengers: index into `pnrs`. */
  pnr: number;
  ticket: string | null;
}

export interface PlannedPnr {
  recordLocator: string;
  /** ISO date-time (UTC) the booking was made. */
  created: string;
  travellers: number[];
  payment: { type: 'CC' | 'CA' | 'MS'; vendor: string | null; last4: string | null; amount: string };
  email: string;
  phone: string;
}

export interface FlightPlan {
  carrier: Carrier;
  /** Flight number without carrier, e.g. `1234`. */
  number: string;
  origin: Airport;
  destination: Airport;
  /** Local wall times `YYYY-MM-DDTHH:MM`. */
  departureLocal: string;
  arrivalLocal: string;
  /** ISO UTC of the UNB preparation (a day before departure). */
  prepared: string;
  passengers: PlannedTraveller[];
  crew: PlannedTraveller[];
  pnrs: PlannedPnr[];
}

export interface PlanOptions {
  passengers?: number;
  crew?: number;
  /** Departure date `YYYY-MM-DD` (default 2026-12-01). */
  date?: string;
  carrier?: string;
  origin?: string;
  destination?: string;
}

const LOCATOR = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16);

function traveller(r: Random, role: PlannedTraveller['role'], year: number, countries: string[], expiryYear: number): PlannedTraveller {
  const p = inventPerson(r, year, role === 'crew' || r.chance(0.9));
  const nationality = r.chance(0.7) ? r.pick(countries) : r.pick(AIRPORTS).country;
  const id = r.chance(0.15) && role === 'passenger';
  return {
    role,
    ...p,
    title: role === 'passenger' ? (p.sex === 'F' ? r.pick(['MRS', 'MS']) : 'MR') : null,
    nationality,
    document: {
      code: id ? 'I' : 'P',
      number: `${id ? 'ID' : 'X'}${r.chars(7, '0123456789')}`,
      issuingCountry: nationality,
      expiry: `${expiryYear + r.int(0, 9)}-${String(r.int(1, 12)).padStart(2, '0')}-15`,
    },
    seat: role === 'passenger' ? `${r.int(1, 60)}${r.pick(['A', 'B', 'C', 'D', 'E', 'F', 'H', 'J', 'K'])}` : null,
    bags: role === 'passenger' ? r.int(0, 2) : 1,
    pnr: -1,
    ticket: null,
  };
}

/** Plans one flight: route, schedule, passengers grouped into PNRs, and crew. Same seed, same plan. */
export function planFlight(seed: number, options: PlanOptions = {}): FlightPlan {
  const r = random(seed);
  const carrier = CARRIERS.find((c) => c.iata === options.carrier) ?? r.pick(CARRIERS);
  const hub = airport(carrier.hub)!;
  const other = options.destination ? airport(options.destination)! : r.pick(AIRPORTS.filter((a) => a.iata !== hub.iata));
  const [origin, destination] = options.origin ? [airport(options.origin)!, other] : r.chance(0.5) ? [hub, other] : [other, hub];
  const date = options.date ?? '2026-12-01';
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const localDep = Date.UTC(y, mo - 1, d, r.int(5, 22), r.pick([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55]));
  // Departure wall time → UTC via the origin's offset at that moment.
  const offset = Date.parse(`${utcToLocal(localDep, origin.iata)}:00Z`) - localDep;
  const depUtc = localDep - offset;
  const arrUtc = depUtc + r.int(50, 600) * 60000;
  const countries = [...new Set([origin.country, destination.country])];
  const passengers = Array.from({ length: options.passengers ?? 150 }, () => traveller(r, 'passenger', y, countries, y + 1));
  const crew = Array.from({ length: options.crew ?? 8 }, () => traveller(r, 'crew', y, [hub.country], y + 1));
  const pnrs: PlannedPnr[] = [];
  for (let i = 0; i < passengers.length;) {
    const size = Math.min(passengers.length - i, r.chance(0.6) ? 1 : r.int(2, 4));
    const lead = passengers[i]!;
    const type = r.pick(['CC', 'CC', 'CC', 'CA', 'MS'] as const);
    const pnr: PlannedPnr = {
      recordLocator: r.chars(6, LOCATOR),
      created: iso(depUtc - r.int(1, 120) * 86400000 - r.int(0, 86399) * 1000),
      travellers: [],
      payment: {
        type,
        vendor: type === 'CC' ? r.pick(['VI', 'CA', 'AX']) : null,
        last4: type === 'CC' ? r.chars(4, '0123456789') : null,
        amount: `${r.int(90, 2400)}.${r.chars(2, '0123456789')}`,
      },
      email: `${lead.givenNames.split(' ')[0]}.${lead.surname}@example.org`.toLowerCase(),
      phone: `0043155501${r.chars(2, '0123456789')}`,
    };
    for (let k = 0; k < size; k++, i++) {
      passengers[i]!.pnr = pnrs.length;
      passengers[i]!.ticket = `000${r.chars(10, '0123456789')}`;
      pnr.travellers.push(i);
    }
    pnrs.push(pnr);
  }
  return {
    carrier,
    number: String(r.int(1, 9999)),
    origin,
    destination,
    departureLocal: utcToLocal(depUtc, origin.iata),
    arrivalLocal: utcToLocal(arrUtc, destination.iata),
    prepared: iso(depUtc - 86400000),
    passengers,
    crew,
    pnrs,
  };
}
