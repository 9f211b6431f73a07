// Depersonalisation of the structured data (EU PNR Directive art. 12(2)): what stays visible and what is masked. Pure.
import type { Booking, Traveller, TravelDocument } from '../types.js';

/** What a masked name or free text reads as. */
export const MASK = '***';

const maskDocument = (d: TravelDocument): TravelDocument => ({
  code: d.code,
  kind: d.kind,
  number: null,
  issuingCountry: null,
  expiry: null,
  issued: null,
  source: d.source,
});

/**
 * Masks a booking: contacts and addresses, payment details (the form of payment's type stays), frequent-flyer numbers,
 * remarks and the texts of special service requests. Locators, dates, itinerary, tickets, seats, bags and splits stay.
 */
export function maskBooking(b: Booking): Booking {
  return {
    ...b,
    contacts: [],
    payments: b.payments.map((p) => ({ type: p.type, amount: null, vendor: null, accountLast4: null })),
    frequentFlyer: [],
    remarks: [],
    ssr: b.ssr.map((s) => ({ code: s.code, text: MASK })),
  };
}

/** Masks a traveller: names and title, every API datum (birth, sex, nationality, residence, documents), addresses and the booking. */
export function maskTraveller(t: Traveller): Traveller {
  return {
    ...t,
    surname: MASK,
    givenNames: MASK,
    title: null,
    sex: null,
    birthDate: null,
    birthPlace: null,
    nationality: null,
    residence: null,
    addresses: [],
    documents: t.documents.map(maskDocument),
    booking: t.booking ? maskBooking(t.booking) : null,
  };
}

/** A PNR version's stored data `{booking, travellers:[{ref, surname, givenNames}…]}` with the booking and every co-traveller's name masked. */
export function maskPnrData(data: unknown): unknown {
  if (!data || typeof data !== 'object') return data;
  const d = data as { booking?: Booking | null; travellers?: unknown };
  const travellers = Array.isArray(d.travellers)
    ? d.travellers.map((x: unknown) => (x && typeof x === 'object' ? { ...x, surname: MASK, givenNames: MASK } : x))
    : d.travellers;
  return { ...d, ...(d.booking ? { booking: maskBooking(d.booking) } : {}), ...(travellers !== undefined ? { travellers } : {}) };
}

/** A stored screening result (`travel_screenings.result`), loosely typed: older results may lack fields. */
interface StoredScreening {
  watchlist?: Array<{ explanation?: Array<{ detail?: string }> } & Record<string, unknown>>;
  watchlistSkipped?: string | null;
  lostDocuments?: Array<Record<string, unknown>>;
  documents?: Array<Record<string, unknown>>;
  rules?: Array<Record<string, unknown>>;
  [k: string]: unknown;
}

/**
 * Masks a traveller's screening result: the explanations' details (they quote the name, birth date and documents as
 * screened), document numbers and what the registry check compared, the values a rule read. Ids, captions, lists,
 * scores, codes, alert ids and the outcome stay.
 */
export function maskScreening(result: unknown): unknown {
  if (!result || typeof result !== 'object') return result;
  const r = result as StoredScreening;
  return {
    ...r,
    ...(r.watchlist ? { watchlist: r.watchlist.map((m) => ({ ...m, explanation: (m.explanation ?? []).map((e) => ({ ...e, detail: MASK })) })) } : {}),
    ...(r.watchlistSkipped ? { watchlistSkipped: MASK } : {}),
    ...(r.lostDocuments ? { lostDocuments: r.lostDocuments.map((h) => ({ ...h, documentNumber: MASK, differences: [], detail: MASK })) } : {}),
    ...(r.documents ? { documents: r.documents.map((d) => ({ ...d, number: null, detail: MASK })) } : {}),
    ...(r.rules ? { rules: r.rules.map((h) => ({ ...h, detail: MASK })) } : {}),
  };
}
