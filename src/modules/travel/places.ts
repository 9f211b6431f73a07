// Real airports (IATA code, country, IANA time zone) and carriers, for local-to-UTC flight times and the traffic generator.

export interface Airport {
  iata: string;
  city: string;
  /** ISO 3166-1 alpha-3, as travel documents and API messages use. */
  country: string;
  timeZone: string;
}

export interface Carrier {
  iata: string;
  icao: string;
  name: string;
  hub: string;
}

const A = (iata: string, city: string, country: string, timeZone: string): Airport => ({ iata, city, country, timeZone });

export const AIRPORTS: readonly Airport[] = [
  A('VIE', 'Vienna', 'AUT', 'Europe/Vienna'),
  A('FRA', 'Frankfurt', 'DEU', 'Europe/Berlin'),
  A('MUC', 'Munich', 'DEU', 'Europe/Berlin'),
  A('BER', 'Berlin', 'DEU', 'Europe/Berlin'),
  A('CDG', 'Paris', 'FRA', 'Europe/Paris'),
  A('AMS', 'Amsterdam', 'NLD', 'Europe/Amsterdam'),
  A('LHR', 'London', 'GBR', 'Europe/London'),
  A('MAD', 'Madrid', 'ESP', 'Europe/Madrid'),
  A('FCO', 'Rome', 'ITA', 'Europe/Rome'),
  A('ZRH', 'Zurich', 'CHE', 'Europe/Zurich'),
  A('WAW', 'Warsaw', 'POL', 'Europe/Warsaw'),
  A('IST', 'Istanbul', 'TUR', 'Europe/Istanbul'),
  A('ATH', 'Athens', 'GRC', 'Europe/Athens'),
  A('OTP', 'Bucharest', 'ROU', 'Europe/Bucharest'),
  A('BEG', 'Belgrade', 'SRB', 'Europe/Belgrade'),
  A('SKP', 'Skopje', 'MKD', 'Europe/Skopje'),
  A('TIA', 'Tirana', 'ALB', 'Europe/Tirane'),
  A('SJJ', 'Sarajevo', 'BIH', 'Europe/Sarajevo'),
  A('KIV', 'Chisinau', 'MDA', 'Europe/Chisinau'),
  A('TBS', 'Tbilisi', 'GEO', 'Asia/Tbilisi'),
  A('EVN', 'Yerevan', 'ARM', 'Asia/Yerevan'),
  A('GYD', 'Baku', 'AZE', 'Asia/Baku'),
  A('ALA', 'Almaty', 'KAZ', 'Asia/Almaty'),
  A('NQZ', 'Astana', 'KAZ', 'Asia/Almaty'),
  A('TAS', 'Tashkent', 'UZB', 'Asia/Tashkent'),
  A('FRU', 'Bishkek', 'KGZ', 'Asia/Bishkek'),
  A('DYU', 'Dushanbe', 'TJK', 'Asia/Dushanbe'),
  A('DXB', 'Dubai', 'ARE', 'Asia/Dubai'),
  A('DOH', 'Doha', 'QAT', 'Asia/Qatar'),
  A('CAI', 'Cairo', 'EGY', 'Africa/Cairo'),
  A('JFK', 'New York', 'USA', 'America/New_York'),
  A('IAD', 'Washington', 'USA', 'America/New_York'),
  A('YUL', 'Montreal', 'CAN', 'America/Toronto'),
  A('SIN', 'Singapore', 'SGP', 'Asia/Singapore'),
  A('DEL', 'Delhi', 'IND', 'Asia/Kolkata'),
];

export const CARRIERS: readonly Carrier[] = [
  { iata: 'OS', icao: 'AUA', name: 'Austrian Airlines', hub: 'VIE' },
  { iata: 'LH', icao: 'DLH', name: 'Lufthansa', hub: 'FRA' },
  { iata: 'AF', icao: 'AFR', name: 'Air France', hub: 'CDG' },
  { iata: 'KL', icao: 'KLM', name: 'KLM', hub: 'AMS' },
  { iata: 'BA', icao: 'BAW', name: 'British Airways', hub: 'LHR' },
  { iata: 'IB', icao: 'IBE', name: 'Iberia', hub: 'MAD' },
  { iata: 'LX', icao: 'SWR', name: 'Swiss', hub: 'ZRH' },
  { iata: 'LO', icao: 'LOT', name: 'LOT Polish Airlines', hub: 'WAW' },
  { iata: 'TK', icao: 'THY', name: 'Turkish Airlines', hub: 'IST' },
  { iata: 'A3', icao: 'AEE', name: 'Aegean Airlines', hub: 'ATH' },
  { iata: 'RO', icao: 'ROT', name: 'TAROM', hub: 'OTP' },
  { iata: 'JU', icao: 'ASL', name: 'Air Serbia', hub: 'BEG' },
  { iata: 'J2', icao: 'AHY', name: 'Azerbaijan Airlines', hub: 'GYD' },
  { iata: 'KC', icao: 'KZR', name: 'Air Astana', hub: 'ALA' },
  { iata: 'HY', icao: 'UZB', name: 'Uzbekistan Airways', hub: 'TAS' },
  { iata: 'EK', icao: 'UAE', name: 'Emirates', hub: 'DXB' },
  { iata: 'QR', icao: 'QTR', name: 'Qatar Airways', hub: 'DOH' },
];

const byIata = new Map(AIRPORTS.map((a) => [a.iata, a]));
export const airport = (code: string): Airport | undefined => byIata.get(code.toUpperCase());

const formats = new Map<string, Intl.DateTimeFormat>();

/** Offset (minutes east of UTC) of `timeZone` at the instant `utcMs`. */
function offsetAt(timeZone: string, utcMs: number): number {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    formats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute));
  return Math.round((asUtc - utcMs) / 60000);
}

/** `2026-12-01T14:05` local at the airport → `2026-12-01T13:05:00Z`; null for an unknown airport or a date-only value. */
export function localToUtc(local: string, airportCode: string | null): string | null {
  const tz = airportCode ? airport(airportCode)?.timeZone : undefined;
  if (!tz) return null;
  const key = `${local} ${tz}`;
  const known = converted.get(key);
  if (known !== undefined) return known;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  let out: string | null = null;
  if (m) {
    const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
    let utc = wall - offsetAt(tz, wall) * 60000;
    utc = wall - offsetAt(tz, utc) * 60000;
    out = new Date(utc).toISOString().replace('.000Z', 'Z');
  }
  // Flights repeat the same few times: remember them (bounded).
  if (converted.size >= 10_000) converted.clear();
  converted.set(key, out);
  return out;
}

const converted = new Map<string, string | null>();

/** `Date.UTC` milliseconds → local wall time `YYYY-MM-DDTHH:MM` at `airportCode` (UTC when the airport is unknown). */
export function utcToLocal(utcMs: number, airportCode: string): string {
  const tz = airport(airportCode)?.timeZone;
  const shifted = tz ? utcMs + offsetAt(tz, utcMs) * 60000 : utcMs;
  return new Date(shifted).toISOString().slice(0, 16);
}
