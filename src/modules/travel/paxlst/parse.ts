// Reads one PAXLST message (WCO/IATA/ICAO API guide, D02B–D15B): flights and legs from TDT groups, travellers from NAD groups.
import { code, name, newBooking, newFlight, newTraveller, documentKind, sexCode, splitFlight, type ReadContext } from '../edifact/build.js';
import type { Segment, Segments } from '../edifact/tokenizer.js';
import { apiDate, el, orNull, upper } from '../edifact/values.js';
import { localToUtc } from '../places.js';
import type { Flight, FlightLeg, MessageFunction, ScheduledTime, TravelDocument, Traveller } from '../types.js';
import * as C from './codes.js';

export interface PaxlstContent {
  function: MessageFunction;
  flights: Flight[];
  travellers: Traveller[];
}

/** Flights per message and legs per flight read; more is a finding (the guide allows 10 TDT groups). */
const MAX_FLIGHTS = 99;

const time = (local: string | null, airport: string | null): ScheduledTime | null => (local ? { local, utc: localToUtc(local, airport) } : null);

/**
 * Reads the segments `first` to `last` of one message (UNH…UNT). Missing flight data is an error in `ctx.report`;
 * deviations are findings.
 */
export function readPaxlst(segments: Segments, first: number, last: number, ctx: ReadContext): PaxlstContent {
  const { report } = ctx;
  let fn: MessageFunction = C.messageFunction('', '', '');
  let sawBgm = false;
  const flights: Flight[] = [];
  const travellers: Traveller[] = [];
  let leg: FlightLeg | null = null;
  let lastLoc = '';
  let traveller: Traveller | null = null;
  let doc: TravelDocument | null = null;
  let skipping = false;
  const counts: Array<{ index: number; offset: number; qualifier: string; value: string }> = [];

  const seg = segments.cursor(); // one object walks the segments: nothing below keeps it
  for (let i = first; i <= last; i++) {
    seg.moveTo(i);
    const tag = seg.tag;
    switch (tag) {
      case 'UNH':
      case 'UNT':
        continue;
      case 'BGM':
        sawBgm = true;
        fn = C.messageFunction(code(ctx, seg, 1), code(ctx, seg, 2), el(seg, 3));
        if (fn.name === 'unknown') report.finding('unknown-code', seg.index, tag, seg.offset, `BGM document name code "${fn.code}" is not in the API guide`);
        continue;
      case 'TDT': {
        traveller = null;
        doc = null;
        skipping = false;
        const carrierCode = code(ctx, seg, 5) || null;
        const id = splitFlight(el(seg, 2), carrierCode);
        if (!id) {
          report.error(
            'bad-flight',
            { segment: seg.index, tag, element: 2, offset: seg.offset },
            `TDT flight identification "${el(seg, 2)}" is not carrier and number`,
          );
          leg = null;
          continue;
        }
        let flight = flights.find((f) => f.carrier === id.carrier && f.number === id.number);
        if (!flight) {
          if (flights.length >= MAX_FLIGHTS) {
            report.finding('too-many-flights', seg.index, tag, seg.offset, `more than ${MAX_FLIGHTS} flights; the rest were ignored`);
            leg = null;
            continue;
          }
          flights.push((flight = newFlight(id.carrier, id.number)));
        }
        if (flight.legs.length >= MAX_FLIGHTS) {
          report.finding('too-many-flights', seg.index, tag, seg.offset, `flight ${flight.key} has more than ${MAX_FLIGHTS} legs; the rest were ignored`);
          leg = null;
          continue;
        }
        leg = { origin: null, destination: null, departure: null, arrival: null, border: false };
        flight.legs.push(leg);
        lastLoc = '';
        continue;
      }
      case 'NAD': {
        doc = null;
        const q = code(ctx, seg, 1);
        const role = C.travellerRole(q);
        if (!role) {
          traveller = null;
          skipping = flights.length > 0 && q !== 'MS';
          if (skipping) report.finding('unknown-code', seg.index, tag, seg.offset, `NAD party function "${q}" is not a traveller role; its group was skipped`);
          continue;
        }
        skipping = false;
        leg = null;
        traveller = newTraveller(String(travellers.length + 1), role.role);
        traveller.inTransit = role.inTransit;
        travellers.push(traveller);
        traveller.surname = name(ctx, seg, el(seg, 4));
        traveller.givenNames = name(ctx, seg, givenNames(seg));
        if (!traveller.surname) report.finding('missing-name', seg.index, tag, seg.offset, 'traveller without a surname');
        const street = el(seg, 5);
        const city = el(seg, 6);
        if (street || city) {
          traveller.addresses.push({
            kind: 'residence',
            street: orNull(street),
            city: orNull(city),
            region: orNull(el(seg, 7)),
            postalCode: orNull(el(seg, 8)),
            country: orNull(code(ctx, seg, 9)),
          });
        }
        continue;
      }
      case 'CNT':
        counts.push({ index: seg.index, offset: seg.offset, qualifier: el(seg, 1), value: el(seg, 1, 2) });
        continue;
      // The rest of PAXLST_TAGS (paxlst.test.ts checks the two lists agree), commonest first.
      case 'DTM':
      case 'LOC':
      case 'RFF':
      case 'ATT':
      case 'NAT':
      case 'DOC':
      case 'FTX':
      case 'COM':
      case 'CTA':
      case 'MEA':
      case 'GEI':
      case 'GIS':
      case 'EMP':
      case 'CPI':
      case 'QTY':
      case 'GID':
        break;
      default:
        report.finding('unexpected-segment', seg.index, tag, seg.offset, `${tag} is not a PAXLST segment`);
        continue;
    }
    if (skipping) continue;
    if (leg && !traveller) {
      readFlightGroup(seg, leg, ctx, lastLoc);
      if (tag === 'LOC') lastLoc = el(seg, 1);
      continue;
    }
    if (!traveller) {
      if (tag !== 'RFF' && tag !== 'DTM' && tag !== 'LOC' && tag !== 'COM' && tag !== 'CTA')
        report.finding('unexpected-segment', seg.index, tag, seg.offset, `${tag} before any flight or traveller`);
      continue;
    }
    doc = readTravellerSegment(seg, traveller, doc, ctx);
  }

  if (!sawBgm) report.finding('missing-segment', null, 'BGM', null, 'no BGM: the list kind was taken from the NAD roles');
  if (!flights.length && fn.name !== 'flight-status') report.error('missing-segment', { tag: 'TDT' }, 'no TDT: the message names no flight');
  for (const f of flights)
    for (const l of f.legs)
      if (!l.origin || !l.destination) report.finding('incomplete-leg', null, 'LOC', null, `flight ${f.key}: a leg without departure or arrival airport`);
  const crew = travellers.filter((t) => t.role === 'crew').length;
  for (const c of counts) {
    const role = c.qualifier === C.CNT_CREW ? 'crew' : 'passenger';
    const actual = role === 'crew' ? crew : travellers.length - crew;
    if (!/^\d+$/.test(c.value)) report.finding('bad-count', c.index, 'CNT', c.offset, `CNT total "${c.value}" is not a number`);
    else if (Number(c.value) !== actual)
      report.finding('count-mismatch', c.index, 'CNT', c.offset, `CNT+${c.qualifier} declares ${c.value} ${role} records; the message has ${actual}`);
  }
  return { function: fn, flights, travellers };
}

/** Given names: the non-empty components of NAD element 4 after the surname, trimmed and joined by spaces. */
function givenNames(seg: Segment): string {
  let names = '';
  const n = seg.components(4);
  for (let c = 2; c <= n; c++) {
    const v = seg.value(4, c);
    if (v) names = names ? `${names} ${v}` : v;
  }
  return names;
}

function readFlightGroup(seg: Segment, leg: FlightLeg, ctx: ReadContext, lastLoc: string): void {
  if (seg.tag === 'LOC') {
    const q = el(seg, 1);
    const place = code(ctx, seg, 2) || null;
    if (q === C.LOC_DEPARTURE) {
      leg.origin = place;
      leg.border = true;
    } else if (q === C.LOC_ARRIVAL) {
      leg.destination = place;
      leg.border = true;
    } else if (q === C.LOC_ROUTING) {
      if (!leg.origin) leg.origin = place;
      else leg.destination = place;
    }
    return;
  }
  if (seg.tag === 'DTM') {
    const q = el(seg, 1);
    const value = apiDate(el(seg, 1, 2), 'event', ctx.referenceYear);
    if (!value) {
      ctx.report.finding('bad-date', seg.index, seg.tag, seg.offset, `"${el(seg, 1, 2)}" is not a date and time`);
      return;
    }
    // A DTM belongs to the LOC before it: 189 departure from it, 232 arrival at it.
    if (q === C.DTM_DEPARTURE) leg.departure = time(value, leg.origin);
    else if (q === C.DTM_ARRIVAL) leg.arrival = time(value, leg.destination ?? (lastLoc === C.LOC_ROUTING ? leg.origin : null));
    return;
  }
  ctx.report.finding('unexpected-segment', seg.index, seg.tag, seg.offset, `${seg.tag} inside the flight group`);
}

/** One segment of a traveller group (Gr.4) or of its document group (Gr.5); returns the open document. */
function readTravellerSegment(seg: Segment, t: Traveller, doc: TravelDocument | null, ctx: ReadContext): TravelDocument | null {
  const { report } = ctx;
  switch (seg.tag) {
    case 'ATT':
      if (el(seg, 1) === '2') {
        const sex = sexCode(code(ctx, seg, 3));
        if (!sex) report.finding('unknown-code', seg.index, seg.tag, seg.offset, `sex "${el(seg, 3)}" is not M, F, X or U`);
        t.sex = sex;
      }
      return doc;
    case 'DTM': {
      const q = el(seg, 1);
      const raw = el(seg, 1, 2);
      const kind = q === C.DTM_BIRTH ? 'birth' : q === C.DTM_EXPIRY ? 'expiry' : 'event';
      const value = apiDate(raw, kind, ctx.referenceYear);
      if (!value) report.finding('bad-date', seg.index, seg.tag, seg.offset, `"${raw}" is not a date`);
      else if (q === C.DTM_BIRTH) t.birthDate = value;
      else if (doc && q === C.DTM_EXPIRY) doc.expiry = value;
      else if (doc && q === C.DTM_ISSUE) doc.issued = value;
      return doc;
    }
    case 'LOC': {
      const q = el(seg, 1);
      const place = code(ctx, seg, 2) || orNull(upper(el(seg, 2, 4)));
      if (q === '91' && doc) doc.issuingCountry = place;
      else if (q === '22') t.clearance = place;
      else if (q === '178') t.embarkation = place;
      else if (q === '179') t.debarkation = place;
      else if (q === '174') t.residence = place;
      else if (q === '180') t.birthPlace = [el(seg, 2, 4), el(seg, 2)].filter(Boolean).join(' ').toUpperCase() || null;
      return doc;
    }
    case 'NAT':
      t.nationality = code(ctx, seg, 2) || null;
      return doc;
    case 'RFF': {
      const qualifier = code(ctx, seg, 1);
      const value = el(seg, 1, 2);
      if (!value) return doc;
      t.references.push({ qualifier, value });
      if (qualifier === 'AVF') {
        t.booking ??= newBooking(null);
        t.booking.recordLocator = upper(value);
      } else if (qualifier === 'SEA') (t.booking ??= newBooking(null)).seats.push({ flight: null, seat: upper(value) });
      return doc;
    }
    case 'FTX':
      if (code(ctx, seg, 1) === 'BAG') {
        const tag = el(seg, 4);
        const n = Number(el(seg, 4, 2) || '1');
        (t.booking ??= newBooking(null)).bags.push({ count: Number.isFinite(n) ? n : null, weight: null, unit: null, tags: tag ? [tag] : [] });
      }
      return doc;
    case 'COM':
      for (let e = 1; e <= seg.count; e++) {
        const v = seg.value(e, 1);
        if (v) (t.booking ??= newBooking(null)).contacts.push({ kind: seg.value(e, 2) === 'EM' ? 'email' : 'phone', value: v, source: 'COM' });
      }
      return doc;
    case 'DOC': {
      const codeValue = code(ctx, seg, 1);
      const d: TravelDocument = {
        code: codeValue,
        kind: documentKind(codeValue),
        number: orNull(upper(el(seg, 2))),
        issuingCountry: null,
        expiry: null,
        issued: null,
        source: 'DOC',
      };
      if (!d.number) report.finding('missing-document-number', seg.index, seg.tag, seg.offset, 'DOC without a document number');
      t.documents.push(d);
      return d;
    }
    default:
      return doc; // MEA, GEI, GIS, EMP, CPI, QTY, GID: not needed for intake
  }
}
