// Who a reported traveller is: keys that tell the same person within a flight (API and PNR data merged) and across flights.
import type { Traveller, TravelDocument } from '../types.js';

const clean = (s: string | null | undefined) => (s ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
const cleanName = (s: string | null | undefined) =>
  (s ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The travel document that identifies the traveller best: a passport, else any document with a number. */
export function mainDocument(t: Traveller): TravelDocument | null {
  const withNumber = t.documents.filter((d) => clean(d.number));
  return withNumber.find((d) => d.kind === 'passport') ?? withNumber.find((d) => d.kind !== 'visa') ?? null;
}

function documentKey(t: Traveller): string | null {
  const d = mainDocument(t);
  // The issuing country is often missing from one source (PAXLST LOC+91, PNR DOCS): the number alone identifies.
  return d ? `doc:${clean(d.number)}` : null;
}

function nameKey(t: Traveller, withBirth: boolean): string {
  return `name:${cleanName(t.surname)}|${cleanName(t.givenNames)}${withBirth ? `|${t.birthDate ?? ''}` : ''}`;
}

/** Keys under which a reported traveller is known on the flight: document, name and birth date, and name alone when no birth date is known. */
export function matchKeys(t: Traveller): string[] {
  const keys = [documentKey(t), nameKey(t, !!t.birthDate)];
  return keys.filter((k): k is string => k !== null);
}

/**
 * Keys, strongest first, to look a newly reported traveller up by. Name alone finds only a record without a birth
 * date (or, when this report has none, a record with one): two people of the same name and different birth dates
 * stay two people.
 */
export function lookupKeys(t: Traveller): string[] {
  const keys = [documentKey(t), nameKey(t, !!t.birthDate)];
  if (t.birthDate) keys.push(nameKey(t, false));
  return keys.filter((k): k is string => k !== null);
}

/** The name-only key of a traveller with a birth date, under which a report lacking it may find them. */
export function nameOnlyKey(t: Traveller): string | null {
  return t.birthDate ? nameKey(t, false) : null;
}

/** The same person on other flights: same document, else same name and birth date; null when neither is known. */
export function personKey(t: Traveller): string | null {
  return documentKey(t) ?? (t.birthDate && cleanName(t.surname) ? nameKey(t, true) : null);
}
