// Writes a planned flight as PAXLST (passenger or crew list, API guide D05B by default), whole or in parts.
import type { FlightPlan, PlannedTraveller } from './plan.js';
import { apiDate, apiDateTime, message, nameCase, unbDateTime, writeInterchange, type Quirks, type Seg } from './write.js';

export interface PaxlstOptions {
  list?: 'passengers' | 'crew';
  /** `D02B`, `D05B` (default) or `D15B`. */
  version?: 'D02B' | 'D05B' | 'D15B';
  quirks?: Quirks;
}

function travellerSegments(t: PlannedTraveller, plan: FlightPlan, q: Quirks, locator: string | null): Seg[] {
  const segs: Seg[] = [
    ['NAD', t.role === 'crew' ? 'FM' : 'FL', '', '', [nameCase(q, t.surname), ...nameCase(q, t.givenNames).split(' ')]],
    ['ATT', '2', '', t.sex],
    ['DTM', ['329', apiDate(t.birthDate)]],
    ['LOC', '178', plan.origin.iata],
    ['LOC', '179', plan.destination.iata],
    ['NAT', '2', t.nationality],
  ];
  if (t.role === 'crew') segs.push(['EMP', '1', ['CR1', '110', '111']]);
  if (locator) segs.push(['RFF', ['AVF', locator]]);
  if (t.seat) segs.push(['RFF', ['SEA', t.seat]]);
  segs.push(['DOC', [t.document.code, '110', '111'], t.document.number], ['DTM', ['36', apiDate(t.document.expiry)]], ['LOC', '91', t.document.issuingCountry]);
  return segs;
}

function interchange(plan: FlightPlan, o: PaxlstOptions, people: PlannedTraveller[], part: { n: number; final: boolean; of: number }): string {
  const q = o.quirks ?? {};
  const version = o.version ?? 'D05B';
  const crew = o.list === 'crew';
  const c = plan.carrier.iata;
  const ref = `${c}${plan.number}${plan.departureLocal.slice(2, 10).replace(/-/g, '')}${crew ? 'C' : 'P'}${part.n}`;
  const flightRef = `${c}${plan.number.padStart(4, '0')}/${apiDate(plan.departureLocal.slice(0, 10))}/${plan.departureLocal.slice(11, 16).replace(':', '')}`;
  const body: Seg[] = [
    ['BGM', crew ? '250' : '745', crew ? 'C' : ''],
    ['NAD', 'MS', '', '', `${plan.carrier.name.toUpperCase()} API`],
    ['TDT', '20', `${c}${plan.number}`, '', '', c],
    ['LOC', '125', plan.origin.iata],
    ['DTM', ['189', apiDateTime(plan.departureLocal), '201']],
    ['LOC', '87', plan.destination.iata],
    ['DTM', ['232', apiDateTime(plan.arrivalLocal), '201']],
  ];
  for (const t of people) body.push(...travellerSegments(t, plan, q, t.role === 'passenger' ? (plan.pnrs[t.pnr]?.recordLocator ?? null) : null));
  body.push(['CNT', [crew ? '41' : '42', String(people.length + (q.wrongCounts ? 1 : 0))]]);
  const seq = part.of > 1 || part.n > 1 ? [[String(part.n).padStart(2, '0'), part.final ? 'F' : 'C']] : [['01', 'F']];
  const [d, t] = unbDateTime(plan.prepared);
  const segs: Seg[] = [
    ['UNB', ['UNOA', '4'], `${c}APIS`, 'VIGILPIU', [d, t], ref, '', 'APIS'],
    ['UNG', 'PAXLST', plan.carrier.name.toUpperCase(), 'VIGILPIU', [d, t], '1', 'UN', ['D', version.slice(1)]],
    ...message(ref, ['PAXLST', 'D', version.slice(1), 'UN', 'IATA'], body, q, [flightRef, ...seq]),
    ['UNE', '1', '1'],
    ['UNZ', '1', ref],
  ];
  return writeInterchange(segs, q);
}

/** One PAXLST interchange with every passenger (or crew member) of the flight. */
export function paxlstFor(plan: FlightPlan, o: PaxlstOptions = {}): string {
  return interchange(plan, o, o.list === 'crew' ? plan.crew : plan.passengers, { n: 1, final: true, of: 1 });
}

/** The list split into interchanges of at most `perPart` travellers, linked by UNH sequence numbers (`01:C` … `nn:F`). */
export function paxlstParts(plan: FlightPlan, perPart: number, o: PaxlstOptions = {}): string[] {
  const people = o.list === 'crew' ? plan.crew : plan.passengers;
  const size = Math.max(1, perPart);
  const n = Math.max(1, Math.ceil(people.length / size));
  return Array.from({ length: n }, (_, i) => interchange(plan, o, people.slice(i * size, (i + 1) * size), { n: i + 1, final: i === n - 1, of: n }));
}
