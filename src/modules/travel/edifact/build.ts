// Shared pieces for the message readers: the per-message context, flight keys, names, documents and empty records.
import type { Report } from './report.js';
import type { Segment } from './tokenizer.js';
import { upper } from './values.js';
import type { Booking, DocumentKind, Flight, Traveller } from '../types.js';

export interface ReadContext {
  report: Report;
  /** Year two-digit years are placed against (the UNB preparation year). */
  referenceYear: number;
}

/** Component `c` of element `e`, upper-cased; a lower-case code is a finding. */
export function code(ctx: ReadContext, seg: Segment, e: number, c = 1): string {
  const v = seg.value(e, c);
  const u = upper(v);
  if (u !== v) ctx.report.finding('lowercase-value', seg.index, seg.tag, seg.offset, `"${v}" in element ${e} is not upper case`);
  return u;
}

/** Whether `name` would return `v` as it is: printable ASCII without lower-case letters, single spaces only between words. */
function cleanName(v: string): boolean {
  const n = v.length;
  if (n === 0) return true;
  if (v.charCodeAt(0) === 32 || v.charCodeAt(n - 1) === 32) return false;
  let space = false;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c === 32) {
      if (space) return false;
      space = true;
    } else if (c < 32 || c > 126 || (c >= 97 && c <= 122)) return false;
    else space = false;
  }
  return true;
}

/** A name part, upper-cased and with runs of spaces folded; mixed case is a finding. */
export function name(ctx: ReadContext, seg: Segment, value: string): string {
  if (cleanName(value)) return value;
  const v = value.includes('  ') || value.includes('\t') ? value.replace(/\s+/g, ' ').trim() : value.trim();
  const u = v.toUpperCase();
  if (u !== v) ctx.report.finding('mixed-case-name', seg.index, seg.tag, seg.offset, 'a name is not in upper case');
  return u;
}

/** `LH`, `400A` → `LH0400A`. */
export function flightKey(carrier: string, number: string): string {
  const m = /^0*(\d{1,4})([A-Z]?)$/.exec(number);
  return m ? `${carrier}${m[1]!.padStart(4, '0')}${m[2]}` : `${carrier}${number}`;
}

/** Splits `LH400`, `LH 0400`, `AFR123A` into carrier and number; `carrier` when known is stripped from the front. */
export function splitFlight(raw: string, carrier: string | null): { carrier: string; number: string } | null {
  const v = raw.replace(/\s+/g, '').toUpperCase();
  if (carrier && v.startsWith(carrier) && /^\d{1,4}[A-Z]?$/.test(v.slice(carrier.length)))
    return { carrier, number: v.slice(carrier.length).replace(/^0+(?=\d)/, '') };
  if (carrier && /^\d{1,4}[A-Z]?$/.test(v)) return { carrier, number: v.replace(/^0+(?=\d)/, '') };
  const m = /^([A-Z]{3}|[A-Z0-9]{2})(\d{1,4}[A-Z]?)$/.exec(v);
  if (m) return { carrier: m[1]!, number: m[2]!.replace(/^0+(?=\d)/, '') };
  return null;
}

export function newFlight(carrier: string, number: string): Flight {
  return { key: flightKey(carrier, number), carrier, number, operatingCarrier: null, operatingNumber: null, legs: [] };
}

export function newTraveller(ref: string, role: Traveller['role']): Traveller {
  return {
    ref,
    role,
    inTransit: false,
    passengerType: null,
    surname: '',
    givenNames: '',
    title: null,
    sex: null,
    birthDate: null,
    birthPlace: null,
    nationality: null,
    residence: null,
    embarkation: null,
    debarkation: null,
    clearance: null,
    addresses: [],
    documents: [],
    booking: null,
    references: [],
  };
}

export function newBooking(recordLocator: string | null): Booking {
  return {
    recordLocator,
    otherLocators: [],
    created: null,
    lastModified: null,
    tickets: [],
    payments: [],
    contacts: [],
    seats: [],
    bags: [],
    itinerary: [],
    ssr: [],
    remarks: [],
    split: [],
    frequentFlyer: [],
  };
}

/** Document type codes of the API guide (DOC 1001) and of SSR DOCS. */
export function documentKind(code: string): DocumentKind {
  switch (code) {
    case 'P':
    case 'PP':
    case 'IP':
    case 'PT':
    case 'PD':
    case 'PS':
    case 'PM':
      return 'passport';
    case 'V':
      return 'visa';
    case 'I':
    case 'ID':
    case 'A':
    case 'C':
    case 'IN':
    case 'NI':
      return 'identity-card';
    case 'AC':
    case 'CR':
      return 'crew-certificate';
    case 'R':
    case 'RP':
    case 'RF':
      return 'residence-permit';
    default:
      return 'other';
  }
}

export function sexCode(v: string): Traveller['sex'] {
  const s = upper(v);
  if (s === 'M' || s === 'MI') return 'M';
  if (s === 'F' || s === 'FI') return 'F';
  if (s === 'X') return 'X';
  if (s === 'U') return 'U';
  return null;
}
