// One PNR (SRC group) of a PNRGOV message: travellers (TIF), tickets and payment, SSRs, itinerary, check-in seats and bags.
import { code, name, newBooking, newTraveller, type ReadContext } from '../edifact/build.js';
import type { Segment } from '../edifact/tokenizer.js';
import { comps, el, orNull, pnrDate } from '../edifact/values.js';
import type { Bags, Booking, Contact, ItinerarySegment, Ticket, Traveller } from '../types.js';
import { readTvl } from './tvl.js';
import { contactInText, decodeContact, decodeDoca, decodeDoco, decodeDocs, decodeFoid } from './ssr.js';

const MAX_REMARKS = 20;
/** Bounds that keep a hostile PNR linear: travellers and SSRs per PNR, entries per list of a booking. */
const MAX_TRAVELLERS = 999;
const MAX_SSRS = 5000;
const MAX_LIST = 99;
const TITLES = ['MRS', 'MISS', 'MSTR', 'MR', 'MS', 'DR'];

interface PendingSsr {
  seg: Segment;
  type: string;
  text: string;
  /** TIF traveller reference (9944) the SSR names, or ''. */
  ref: string;
  /** Flight key of the itinerary segment the SSR sits under, or null. */
  flight: string | null;
}

export interface PnrState {
  index: number;
  reportingCarrier: string | null;
  level: 'pnr' | 'traveller' | 'itinerary' | 'checkin' | 'history';
  booking: Booking;
  travellers: Array<{ t: Traveller; ref: string; booking: Booking }>;
  byRef: Map<string, { t: Traveller; ref: string; booking: Booking }>;
  current: { t: Traveller; ref: string; booking: Booking } | null;
  ticket: Ticket | null;
  segment: ItinerarySegment | null;
  checkin: { t: Traveller; ref: string; booking: Booking } | null;
  nonAir: boolean;
  ssrs: PendingSsr[];
  seenRci: boolean;
}

export function newPnr(_src: Segment, reportingCarrier: string | null, index: number): PnrState {
  return {
    index,
    reportingCarrier,
    level: 'pnr',
    booking: newBooking(null),
    travellers: [],
    byRef: new Map(),
    current: null,
    ticket: null,
    segment: null,
    checkin: null,
    nonAir: false,
    ssrs: [],
    seenRci: false,
  };
}

const textOf = (seg: Segment, from: number) =>
  seg.elements
    .slice(from - 1)
    .map((c) => c.join(':').trim())
    .filter(Boolean)
    .join(' ');

function bagsOf(seg: Segment): Bags {
  const n = Number(el(seg, 2, 1));
  const w = Number(el(seg, 2, 2));
  const tags: string[] = [];
  for (let e = 5; e <= seg.elements.length; e++) {
    const tag = el(seg, e, 2);
    const first = Number(tag);
    const run = Math.min(Number(el(seg, e, 3)) || 1, 20);
    if (!tag) continue;
    if (/^\d+$/.test(tag) && run > 1) for (let k = 0; k < run; k++) tags.push(`${el(seg, e, 1)}${String(first + k).padStart(tag.length, '0')}`);
    else tags.push(`${el(seg, e, 1)}${tag}`);
  }
  return { count: el(seg, 2, 1) && Number.isFinite(n) ? n : null, weight: el(seg, 2, 2) && Number.isFinite(w) ? w : null, unit: orNull(el(seg, 2, 3)), tags };
}

function addRemark(b: Booking, text: string): void {
  if (text && b.remarks.length < MAX_REMARKS) b.remarks.push(text.slice(0, 500));
}

function addSeat(b: Booking, flight: string | null, seat: string): void {
  if (b.seats.length < MAX_LIST && !b.seats.some((x) => x.flight === flight && x.seat === seat)) b.seats.push({ flight, seat });
}

function addContact(b: Booking, c: Contact | null): void {
  if (c && b.contacts.length < MAX_LIST && !b.contacts.some((x) => x.kind === c.kind && x.value === c.value)) b.contacts.push(c);
}

/** Applies one segment inside an SRC group. */
export function readPnrSegment(p: PnrState, seg: Segment, ctx: ReadContext): void {
  const tag = seg.tag;
  if (p.level === 'history') return; // ABI…: changes already applied to the PNR; not read
  const owner = p.level === 'traveller' ? p.current!.booking : p.level === 'checkin' && p.checkin ? p.checkin.booking : p.booking;
  switch (tag) {
    case 'RCI': {
      if (p.level !== 'pnr' || p.seenRci) return; // RCIs under TVL/TRI repeat the locator
      p.seenRci = true;
      const all = seg.elements.map((c) => ({
        company: (c[0] ?? '').trim().toUpperCase(),
        locator: (c[1] ?? '').trim().toUpperCase(),
        date: (c[3] ?? '').trim(),
        time: (c[4] ?? '').trim(),
      }));
      const main = all.find((r) => r.company === p.reportingCarrier && r.locator) ?? all.find((r) => r.locator);
      if (!main) {
        ctx.report.finding('missing-record-locator', seg.index, tag, seg.offset, 'RCI without a record locator');
        return;
      }
      p.booking.recordLocator = main.locator;
      p.booking.otherLocators = all.filter((r) => r !== main && r.locator).map((r) => `${r.company}:${r.locator}`);
      if (main.date) p.booking.created = pnrDate(main.date, main.time, 'event', ctx.referenceYear);
      return;
    }
    case 'DAT':
      for (const c of seg.elements) {
        const q = (c[0] ?? '').trim();
        const v = pnrDate(c[1] ?? '', c[2] ?? '', 'event', ctx.referenceYear);
        if (q === '700' && p.level === 'pnr') p.booking.lastModified = v;
        else if (q === '710' && p.ticket) p.ticket.issued = v;
      }
      return;
    case 'SRC':
      return;
    case 'ABI':
      p.level = 'history';
      return;
    case 'TIF':
      readTif(p, seg, ctx);
      return;
    case 'TKT':
      if (p.level === 'traveller' && el(seg, 1)) {
        p.ticket = { number: el(seg, 1).toUpperCase(), issued: null, total: null, currency: null };
        p.current!.booking.tickets.push(p.ticket);
      }
      return;
    case 'MON':
      if (p.ticket)
        for (const c of seg.elements)
          if ((c[0] ?? '').trim() === 'T') {
            p.ticket.total = orNull((c[1] ?? '').trim());
            p.ticket.currency = orNull((c[2] ?? '').trim().toUpperCase());
          }
      return;
    case 'FOP':
      for (const c of seg.elements) {
        const type = (c[0] ?? '').trim().toUpperCase();
        const account = (c[4] ?? '').trim();
        if (type && owner.payments.length < MAX_LIST)
          owner.payments.push({
            type,
            amount: orNull((c[2] ?? '').trim()),
            vendor: orNull((c[3] ?? '').trim().toUpperCase()),
            accountLast4: account ? account.slice(-4) : null,
          });
      }
      return;
    case 'FTI':
      if (p.current && el(seg, 1, 2)) p.current.booking.frequentFlyer.push(`${el(seg, 1, 1)} ${el(seg, 1, 2)}`.trim());
      return;
    case 'REF':
      if (p.level === 'traveller' && el(seg, 1, 2)) p.current!.t.references.push({ qualifier: 'REF', value: el(seg, 1, 2) });
      return;
    case 'IFT': {
      const text = textOf(seg, 2);
      const c = contactInText(text, 'IFT');
      if (c) addContact(owner, c);
      else if (el(seg, 1, 2) === '43' && text) addContact(owner, { kind: 'other', value: text, source: 'IFT' });
      else addRemark(owner, text);
      return;
    }
    case 'ADD': {
      const a = comps(seg, 2);
      const [, street, city, region, , country, postal, free] = a;
      const address = {
        kind: 'contact' as const,
        street: orNull(street ?? ''),
        city: orNull(city ?? ''),
        region: orNull(region ?? ''),
        postalCode: orNull(postal ?? ''),
        country: orNull((country ?? '').toUpperCase()),
      };
      if (address.street || address.city) {
        addContact(owner, { kind: 'address', value: [street, city, region, postal, country].filter(Boolean).join(', '), source: 'ADD' });
        if (p.level === 'traveller') p.current!.t.addresses.push(address);
      }
      if (free)
        addContact(owner, contactInText(free, 'ADD') ?? (/@|\/\//.test(free) ? decodeContact('CTCE', free, 'ADD') : decodeContact('CTCP', free, 'ADD')));
      return;
    }
    case 'EBD':
      if (el(seg, 2, 1) && owner.bags.length < MAX_LIST) owner.bags.push({ count: Number(el(seg, 2, 1)) || null, weight: null, unit: null, tags: [] });
      return;
    case 'TBD': {
      const b = p.checkin?.booking ?? owner;
      if (b.bags.length < MAX_LIST) b.bags.push(bagsOf(seg));
      return;
    }
    case 'SSR': {
      const c = comps(seg, 1);
      if (p.ssrs.length >= MAX_SSRS) {
        ctx.report.finding('too-many-ssrs', seg.index, tag, seg.offset, `more than ${MAX_SSRS} SSRs in one PNR; the rest were ignored`);
        return;
      }
      p.ssrs.push({
        seg,
        type: (c[0] ?? '').toUpperCase(),
        text: c.slice(8).join(':'),
        ref: el(seg, 2, 3),
        flight: p.level === 'itinerary' || p.level === 'checkin' ? (p.segment?.flight ?? null) : null,
      });
      if (p.level === 'traveller' && !el(seg, 2, 3)) p.ssrs[p.ssrs.length - 1]!.ref = p.current!.ref;
      return;
    }
    case 'SPL':
      for (const c of seg.elements) for (const v of c) if (v.trim() && /^[A-Z0-9]{5,8}$/i.test(v.trim())) p.booking.split.push(v.trim().toUpperCase());
      return;
    case 'MSG':
      p.nonAir = el(seg, 1, 1) !== '' && el(seg, 1, 1) !== '1';
      return;
    case 'TVL': {
      p.level = 'itinerary';
      p.checkin = null;
      if (p.nonAir) {
        p.nonAir = false;
        p.segment = null;
        return;
      }
      p.segment = readTvl(seg, ctx);
      if (p.segment && p.booking.itinerary.length < MAX_LIST) p.booking.itinerary.push(p.segment);
      return;
    }
    case 'TRA':
      if (p.segment) {
        p.segment.operatingCarrier = orNull(code(ctx, seg, 1));
        p.segment.operatingNumber = orNull(el(seg, 2).replace(/^0+(?=\d)/, ''));
      }
      return;
    case 'RPI':
      if (p.segment) p.segment.status = orNull(el(seg, 2).toUpperCase());
      return;
    case 'TRI':
      p.level = 'checkin';
      p.checkin = null;
      return;
    case 'SSD':
      if (p.checkin && el(seg, 1)) addSeat(p.checkin.booking, p.segment?.flight ?? null, el(seg, 1).toUpperCase());
      return;
    case 'ORG':
    case 'FAR':
    case 'PTK':
    case 'TXD':
    case 'APD':
    case 'EQN':
    case 'SAC':
    case 'LTS':
    case 'ERC':
      return;
    default:
      ctx.report.finding('unexpected-segment', seg.index, tag, seg.offset, `${tag} is not a PNRGOV segment`);
  }
}

function readTif(p: PnrState, seg: Segment, ctx: ReadContext): void {
  const surname = name(ctx, seg, el(seg, 1));
  const given = name(ctx, seg, el(seg, 2));
  const ref = el(seg, 2, 3);
  if (p.level === 'checkin' || p.level === 'itinerary') {
    // Gr.7 (after TRI): the traveller checked in; find the one the PNR named.
    p.checkin =
      (ref ? p.byRef.get(ref) : undefined) ??
      (p.travellers.length <= 50 ? p.travellers.find((x) => x.t.surname === surname && given.startsWith(x.t.givenNames)) : undefined) ??
      null;
    return;
  }
  if (code(ctx, seg, 1, 2) === 'G') {
    addRemark(p.booking, `group ${surname}`);
    return;
  }
  const t = newTraveller('', 'passenger');
  t.surname = surname;
  t.givenNames = given;
  t.passengerType = orNull(code(ctx, seg, 2, 2));
  const m = / (MRS|MISS|MSTR|MR|MS|DR)$/.exec(given);
  if (m) {
    t.title = m[1]!;
    t.givenNames = given.slice(0, m.index);
  }
  if (!surname) ctx.report.finding('missing-name', seg.index, seg.tag, seg.offset, 'TIF without a surname');
  p.current = { t, ref: ref || String(p.travellers.length + 1), booking: newBooking(null) };
  // Beyond the bound the traveller's segments are still read (into nothing), so the PNR's structure holds.
  if (p.travellers.length >= MAX_TRAVELLERS)
    ctx.report.finding('too-many-travellers', seg.index, seg.tag, seg.offset, `more than ${MAX_TRAVELLERS} travellers in one PNR; the rest were ignored`);
  else {
    p.travellers.push(p.current);
    if (!p.byRef.has(p.current.ref)) p.byRef.set(p.current.ref, p.current);
  }
  p.level = 'traveller';
  p.ticket = null;
}

/** Completes the PNR's travellers: PNR-level data copied to each, SSRs assigned by reference (or DOCS name), titles split. */
export function finishPnr(p: PnrState, ctx: ReadContext): Traveller[] {
  const b = p.booking;
  if (!b.recordLocator) ctx.report.finding('missing-record-locator', null, 'RCI', null, `PNR ${p.index + 1} has no record locator`);
  if (!p.travellers.length) ctx.report.finding('no-travellers', null, 'TIF', null, `PNR ${b.recordLocator ?? p.index + 1} names no traveller`);
  for (const s of p.ssrs) {
    const targets =
      s.type === 'SEAT'
        ? p.travellers
        : s.ref
          ? [p.byRef.get(s.ref)].filter((x) => x !== undefined)
          : s.type === 'DOCS'
            ? byDocsName(p, decodeDocs(s.text, ctx.referenceYear).document.surname ?? null)
            : p.travellers;
    const who = targets.length ? targets : p.travellers.length === 1 ? p.travellers : [];
    if (!who.length && /^(DOCS|DOCO|DOCA|FOID)$/.test(s.type))
      ctx.report.finding('unassigned-ssr', s.seg.index, 'SSR', s.seg.offset, `SSR ${s.type} names no traveller of the PNR`);
    for (const x of s.type === 'DOCS' && !s.ref && who.length > 1 ? who.slice(0, 1) : who) applySsr(x, s, ctx);
  }
  return p.travellers.map(({ t, ref, booking }) => {
    t.ref = `${b.recordLocator ?? `PNR${p.index + 1}`}/${ref}`;
    booking.recordLocator = b.recordLocator;
    booking.otherLocators = [...b.otherLocators];
    booking.created = b.created;
    booking.lastModified = b.lastModified;
    booking.itinerary = b.itinerary.map((s) => ({ ...s }));
    booking.split = [...b.split];
    for (const c of b.contacts) addContact(booking, c);
    for (const x of b.payments) if (booking.payments.length < MAX_LIST) booking.payments.push(x);
    for (const x of b.bags) if (booking.bags.length < MAX_LIST) booking.bags.push(x);
    for (const r of b.remarks) addRemark(booking, r);
    if (!t.title) {
      // A title glued to the given names (JOHNMR) is split off only when the DOCS names confirm the rest.
      const docs = t.documents.find((d) => d.source === 'DOCS')?.givenNames ?? null;
      const rest = (x: string) => t.givenNames.slice(0, -x.length);
      const title = docs ? TITLES.find((x) => t.givenNames.endsWith(x) && (rest(x) === docs.replace(/ /g, '') || rest(x) === docs.split(' ')[0])) : undefined;
      if (title && docs) {
        t.title = title;
        t.givenNames = rest(title) === docs.replace(/ /g, '') ? docs : rest(title);
      }
    }
    t.booking = booking;
    return t;
  });
}

function byDocsName(p: PnrState, surname: string | null) {
  return p.travellers.filter((x) => x.t.surname === surname);
}

function applySsr(x: { t: Traveller; ref: string; booking: Booking }, s: PendingSsr, ctx: ReadContext): void {
  const t = x.t;
  switch (s.type) {
    case 'DOCS': {
      const d = decodeDocs(s.text, ctx.referenceYear);
      t.documents.push(d.document);
      t.nationality ??= d.nationality;
      t.birthDate ??= d.birthDate;
      t.sex ??= d.sex;
      if (d.infant) t.passengerType ??= 'IN';
      return;
    }
    case 'DOCO': {
      const d = decodeDoco(s.text, ctx.referenceYear);
      t.documents.push(d.document);
      t.birthPlace ??= d.birthPlace;
      return;
    }
    case 'DOCA': {
      const a = decodeDoca(s.text);
      t.addresses.push(a);
      if (a.kind === 'residence') t.residence ??= a.country;
      return;
    }
    case 'FOID': {
      const d = decodeFoid(s.text);
      if (d) t.documents.push(d);
      return;
    }
    case 'SEAT':
      for (let e = 2; e <= s.seg.elements.length; e++) {
        const seat = el(s.seg, e, 1).toUpperCase();
        const ref = el(s.seg, e, 3);
        if (seat && (!ref || ref === x.ref)) addSeat(x.booking, s.flight, seat);
      }
      return;
    default:
      if (/^CTC[EMHBPR]$/.test(s.type)) addContact(x.booking, decodeContact(s.type, s.text, `SSR ${s.type}`));
      else if (x.booking.ssr.length < MAX_REMARKS) x.booking.ssr.push({ code: s.type, text: s.text.slice(0, 200) });
  }
}
