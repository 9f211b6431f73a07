// Code lists of the WCO/IATA/ICAO PAXLST guide: BGM document names and identifiers, NAD roles, LOC and DTM qualifiers.
import type { MessageFunction, TravellerRole } from '../types.js';

export const DOCUMENT_NAMES: Record<string, string> = {
  '745': 'passenger-list',
  '250': 'crew-list',
  '266': 'flight-status',
  '336': 'master-crew-list',
  '655': 'gate-pass',
};

/** BGM 1004 document identifiers: changes, cancellations and flight status updates. */
const IDENTIFIERS: Record<string, string> = {
  CP: 'change',
  XR: 'cancel-reservation',
  RP: 'reduction-in-party',
  CL: 'close',
  CLOB: 'close-on-board',
  CLNB: 'close-not-on-board',
  XF: 'flight-cancelled',
  CF: 'flight-changed',
};

/** BGM 1225 message function: 1 cancellation, 5 replace, 9 original. */
const FUNCTIONS: Record<string, string> = { '1': 'cancel', '5': 'replace', '9': 'original' };

/** A code list's entry for a code the message carries: own entries only, so `toString` or `__proto__` is just unknown. */
const entry = (list: Record<string, string>, code: string): string | undefined => (Object.hasOwn(list, code) ? list[code] : undefined);

export function messageFunction(codeValue: string, identifier: string, functionCode: string): MessageFunction {
  return {
    code: codeValue,
    name: entry(DOCUMENT_NAMES, codeValue) ?? 'unknown',
    identifier: identifier || null,
    action: entry(IDENTIFIERS, identifier) ?? entry(FUNCTIONS, functionCode) ?? 'original',
  };
}

/** NAD 3035 party function: FL passenger, FM crew member, DDU in-transit passenger, DDT in-transit crew member. */
export const TRAVELLER_ROLES: Readonly<Record<string, { role: TravellerRole; inTransit: boolean }>> = {
  FL: { role: 'passenger', inTransit: false },
  FM: { role: 'crew', inTransit: false },
  DDU: { role: 'passenger', inTransit: true },
  DDT: { role: 'crew', inTransit: true },
};

/** The traveller role of a NAD party function code, as `TRAVELLER_ROLES` lists them (compared, not looked up by key). */
export function travellerRole(q: string): { role: TravellerRole; inTransit: boolean } | undefined {
  switch (q) {
    case 'FL':
      return TRAVELLER_ROLES.FL;
    case 'FM':
      return TRAVELLER_ROLES.FM;
    case 'DDU':
      return TRAVELLER_ROLES.DDU;
    case 'DDT':
      return TRAVELLER_ROLES.DDT;
    default:
      return undefined;
  }
}

/** LOC 3227 in the flight group (Gr.3). */
export const LOC_DEPARTURE = '125';
export const LOC_ARRIVAL = '87';
export const LOC_ROUTING = '92';
/** DTM 2005. */
export const DTM_DEPARTURE = '189';
export const DTM_ARRIVAL = '232';
export const DTM_BIRTH = '329';
export const DTM_EXPIRY = '36';
export const DTM_ISSUE = '182';
/** CNT 6069: 42 passengers, 41 crew members. */
export const CNT_PASSENGERS = '42';
export const CNT_CREW = '41';

/** Segments the guide allows in a PAXLST message (anything else is reported). */
export const PAXLST_TAGS: ReadonlySet<string> = new Set([
  'UNH',
  'BGM',
  'RFF',
  'DTM',
  'LOC',
  'NAD',
  'CTA',
  'COM',
  'TDT',
  'ATT',
  'MEA',
  'GEI',
  'GIS',
  'FTX',
  'EMP',
  'NAT',
  'DOC',
  'CPI',
  'QTY',
  'GID',
  'CNT',
  'UNT',
]);
