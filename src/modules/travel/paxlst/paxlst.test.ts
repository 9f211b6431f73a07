// PAXLST tests on messages written to the WCO/IATA/ICAO API guide: passenger and crew lists, multi-leg, parts, updates.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN_TAGS } from '../edifact/tokenizer.js';
import { parseTravel } from '../parse.js';
import { assembleParts } from '../parts.js';
import { messageFunction, PAXLST_TAGS, TRAVELLER_ROLES, travellerRole } from './codes.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}.edi`, import.meta.url), 'utf8');
const one = (name: string) => {
  const r = parseTravel(fixture(name));
  expect(r.errors).toEqual([]);
  expect(r.messages).toHaveLength(1);
  return { r, m: r.messages[0]! };
};

describe('PAXLST passenger list (D05B)', () => {
  const { r, m } = one('paxlst-passengers');

  it('reads the interchange and message headers', () => {
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([]);
    expect(m).toMatchObject({
      type: 'PAXLST',
      version: 'D:05B',
      sender: 'LHAPI',
      recipient: 'ATPIU',
      interchangeReference: 'LH2612010930',
      prepared: '2026-12-01T09:30',
      messageReference: 'PAX001',
      part: { commonAccessReference: 'LH1234/261201/1005', sequence: 1, final: true },
      function: { code: '745', name: 'passenger-list', action: 'original' },
    });
    expect(m.findings).toEqual([]);
  });

  it('assembles the flight with local and UTC times', () => {
    expect(m.flights).toEqual([
      {
        key: 'LH1234',
        carrier: 'LH',
        number: '1234',
        operatingCarrier: null,
        operatingNumber: null,
        legs: [
          {
            origin: 'FRA',
            destination: 'VIE',
            departure: { local: '2026-12-01T10:05', utc: '2026-12-01T09:05:00Z' },
            arrival: { local: '2026-12-01T11:30', utc: '2026-12-01T10:30:00Z' },
            border: true,
          },
        ],
      },
    ]);
  });

  it('reads every traveller with documents, booking reference, seat and bags', () => {
    expect(m.travellers.map((t) => `${t.surname}/${t.givenNames}`)).toEqual(['MUSTERFRAU/ERIKA', 'SPECIMEN/JOHN QUINCY', "O'TESTPERSON/ALPHA"]);
    const [erika, john, alpha] = m.travellers;
    expect(erika).toMatchObject({
      role: 'passenger',
      sex: 'F',
      birthDate: '1980-08-12',
      nationality: 'DEU',
      residence: 'DEU',
      birthPlace: 'KOELN DEU',
      embarkation: 'FRA',
      debarkation: 'VIE',
      clearance: 'VIE',
      addresses: [{ kind: 'residence', street: 'EXAMPLESTRASSE 1', city: 'BERLIN', postalCode: '10115', country: 'DEU' }],
      documents: [{ code: 'P', kind: 'passport', number: 'C01X0000T', issuingCountry: 'DEU', expiry: '2031-04-15', source: 'DOC' }],
    });
    expect(erika!.booking).toMatchObject({ recordLocator: 'ZZX1AB', seats: [{ flight: null, seat: '12A' }], bags: [{ count: 2, tags: ['LH123456'] }] });
    expect(john!.documents.map((d) => [d.kind, d.number, d.expiry, d.issuingCountry])).toEqual([
      ['passport', 'X99999999', '2029-06-30', 'GBR'],
      ['visa', 'V0000001', '2027-01-01', 'AUT'],
    ]);
    expect(alpha).toMatchObject({ sex: 'X', birthDate: '2001-02-03', documents: [{ kind: 'identity-card', number: 'A0000000X' }], booking: null });
  });
});

describe('PAXLST crew list (D02B)', () => {
  const { m } = one('paxlst-crew');
  it('reads crew members, including one in transit, and checks CNT+41', () => {
    expect(m.function).toMatchObject({ code: '250', name: 'crew-list', identifier: 'C' });
    expect(m.travellers.map((t) => [t.surname, t.role, t.inTransit])).toEqual([
      ['SPECIMEN', 'crew', false],
      ['MUSTERMANN', 'crew', false],
      ['BEISPIEL', 'crew', true],
    ]);
    expect(m.travellers[1]!.documents[0]).toMatchObject({ code: 'AC', kind: 'crew-certificate' });
    expect(m.flights[0]).toMatchObject({ key: 'OS0089', legs: [{ origin: 'VIE', destination: 'JFK', arrival: { utc: '2026-12-01T19:05:00Z' } }] });
    expect(m.findings).toEqual([]);
  });
});

describe('PAXLST multi-leg flight (D15B)', () => {
  const { m } = one('paxlst-multileg');
  it('joins the TDT groups of one flight into legs and marks the border leg', () => {
    expect(m.flights).toHaveLength(1);
    expect(m.flights[0]!.legs.map((l) => [l.origin, l.destination, l.border, l.departure?.utc])).toEqual([
      ['FRA', 'EVN', false, '2026-12-02T12:15:00Z'],
      ['EVN', 'TBS', true, '2026-12-02T17:00:00Z'],
    ]);
    expect(m.travellers[1]).toMatchObject({
      inTransit: true,
      clearance: 'TBS',
      debarkation: 'GYD',
      birthDate: '1999-12-31',
      documents: [{ expiry: '2030-12-31' }],
    });
  });
});

describe('PAXLST updates and multi-part transmissions', () => {
  it('reads change and flight close-out messages', () => {
    expect(one('paxlst-change').m.function).toMatchObject({ code: '745', identifier: 'CP', action: 'change' });
    const close = one('paxlst-close').m;
    expect(close.function).toMatchObject({ code: '266', name: 'flight-status', identifier: 'CLOB', action: 'close-on-board' });
    expect(close.travellers).toEqual([]);
    expect(close.findings).toEqual([]);
  });

  it('assembles the parts of one transmission in order and tells when one is missing', () => {
    const p1 = one('paxlst-part1').m;
    const p2 = one('paxlst-part2').m;
    expect([p1.part, p2.part]).toEqual([
      { commonAccessReference: 'OS0089/261201/1020', sequence: 1, final: false },
      { commonAccessReference: 'OS0089/261201/1020', sequence: 2, final: true },
    ]);
    const all = assembleParts([p2, p1])!;
    expect(all).toMatchObject({ complete: true, received: [1, 2], missing: [] });
    expect(all.message.travellers.map((t) => `${t.ref} ${t.surname}`)).toEqual(['1-1 SPECIMEN', '1-2 MUSTERFRAU', '2-1 TESTPERSON']);
    expect(all.message.flights).toHaveLength(1);
    expect(assembleParts([p2])).toMatchObject({ complete: false, missing: [1] });
    expect(assembleParts([p1])).toMatchObject({ complete: false, missing: [] });
  });
});

describe('PAXLST hard errors', () => {
  it('names the segment, element and offset of an unreadable flight', () => {
    const text = fixture('paxlst-change').replace('TDT+20+OS89+++OS', 'TDT+20+??+++');
    const r = parseTravel(text);
    expect(r.ok).toBe(false);
    expect(r.messages[0]!.errors[0]).toMatchObject({ code: 'bad-flight', segment: 3, tag: 'TDT', element: 2, offset: text.indexOf('TDT') });
  });

  it('rejects a message type it does not read', () => {
    const r = parseTravel("UNB+UNOA:4+A+B+261201:0900+R1'UNH+1+CUSRES:D:05B:UN:IATA'UNT+2+1'UNZ+1+R1'");
    expect(r.ok).toBe(false);
    expect(r.errors[0]).toMatchObject({ code: 'unsupported-message', tag: 'UNH', segment: 1, element: 2 });
  });
});

describe('PAXLST segment and code lists', () => {
  const head = "UNB+UNOA:4+A+B+261201:0900+R1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'TDT+20+LH400+++LH'LOC+125+FRA'NAD+FL+++SPECIMEN:JOHN'";

  it('reports a segment as unexpected exactly when PAXLST_TAGS leaves it out', () => {
    for (const tag of KNOWN_TAGS) {
      if (tag.startsWith('UN')) continue; // service segments shape the envelope instead
      const r = parseTravel(`${head}${tag}+X'CNT+42:1'UNT+8+1'UNZ+1+R1'`);
      const unexpected = r.messages[0]!.findings.some((f) => f.code === 'unexpected-segment' && f.tag === tag && f.segment === 6);
      expect([tag, unexpected]).toEqual([tag, !PAXLST_TAGS.has(tag)]);
    }
  });

  it('knows the NAD traveller roles TRAVELLER_ROLES lists, and no other code', () => {
    for (const q of [...Object.keys(TRAVELLER_ROLES), 'MS', 'fl', 'FLX', 'F', '', 'CONSTRUCTOR', '__PROTO__'])
      expect([q, travellerRole(q)]).toEqual([q, Object.hasOwn(TRAVELLER_ROLES, q) ? TRAVELLER_ROLES[q] : undefined]);
  });

  it('reads a BGM code named like an object property as unknown, not as the property', () => {
    for (const code of ['toString', 'constructor', '__proto__', 'hasOwnProperty'])
      expect(messageFunction(code, code, code)).toEqual({ code, name: 'unknown', identifier: code, action: 'original' });
    expect(messageFunction('745', 'CP', '9')).toEqual({ code: '745', name: 'passenger-list', identifier: 'CP', action: 'change' });
  });
});
