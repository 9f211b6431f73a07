// PNRGOV tests on messages written to the PNRGOV guide (13.1 and 10.1): PNRs, travellers, SSRs, tickets, itinerary, seats, bags.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTravel } from '../parse.js';
import { decodeDocs, decodeFoid } from './ssr.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}.edi`, import.meta.url), 'utf8');

describe('PNRGOV 13.1 push', () => {
  const r = parseTravel(fixture('pnrgov-13.1'));
  const m = r.messages[0]!;
  const [erika, john, alpha] = m.travellers;

  it('reads the reported flight, the PNRs and their travellers, not the travellers of the history', () => {
    expect(r.ok).toBe(true);
    expect(m.findings).toEqual([]);
    expect(m).toMatchObject({ type: 'PNRGOV', version: '13:1', sender: 'OS', function: { code: '22', name: 'pnr-push' }, pnrCount: 2 });
    expect(m.flights.map((f) => [f.key, f.legs[0]!.origin, f.legs[0]!.destination, f.legs[0]!.departure?.utc])).toEqual([
      ['OS0089', 'VIE', 'JFK', '2026-12-01T09:20:00Z'],
    ]);
    expect(m.travellers.map((t) => `${t.ref} ${t.surname}/${t.givenNames} ${t.title}`)).toEqual([
      'ZZA1B2/1 MUSTERFRAU/ERIKA MRS',
      'ZZA1B2/2 SPECIMEN/JOHN MR',
      'ZZC3D4/1 TESTPERSON/ALPHA null',
    ]);
  });

  it('takes booking dates, tickets, payment and contacts', () => {
    expect(erika!.booking).toMatchObject({
      recordLocator: 'ZZA1B2',
      created: '2026-10-15T14:12',
      lastModified: '2026-11-30T18:00',
      tickets: [{ number: '2572100000001', issued: '2026-10-26T15:00', total: '612.34', currency: 'EUR' }],
      payments: [{ type: 'CC', amount: '612.34', vendor: 'VI', accountLast4: '1111' }],
      split: ['ZZA9Z9'],
      frequentFlyer: ['OS 992000000001'],
    });
    expect(erika!.booking!.contacts).toEqual([
      { kind: 'address', value: 'EXAMPLEGASSE 1, WIEN, 1010, AT', source: 'ADD' },
      { kind: 'phone', value: '4315550100', source: 'ADD' },
      { kind: 'email', value: 'erika.musterfrau@example.org', source: 'IFT' },
    ]);
    expect(john!.booking!.payments).toEqual([{ type: 'CA', amount: '612.34', vendor: null, accountLast4: null }]);
    expect(alpha!.booking).toMatchObject({
      recordLocator: 'ZZC3D4',
      otherLocators: ['1A:ZZ1A2B'],
      contacts: [{ kind: 'phone', value: '436641234567' }],
      ssr: [{ code: 'WCHR' }],
    });
  });

  it('decodes SSR DOCS, DOCO, DOCA and FOID into documents and addresses', () => {
    expect(erika).toMatchObject({ sex: 'F', birthDate: '1980-08-12', nationality: 'DEU' });
    expect(erika!.documents).toEqual([
      {
        code: 'P',
        kind: 'passport',
        number: 'C01X0000T',
        issuingCountry: 'DEU',
        expiry: '2031-04-15',
        issued: null,
        source: 'DOCS',
        surname: 'MUSTERFRAU',
        givenNames: 'ERIKA',
      },
    ]);
    expect(erika!.addresses).toEqual([{ kind: 'destination', country: 'USA', street: '1 EXAMPLE PLAZA', city: 'NEW YORK', region: 'NY', postalCode: '10001' }]);
    expect(john!.documents[1]).toMatchObject({
      source: 'DOCO',
      kind: 'visa',
      number: 'Z0000000',
      issued: '2026-01-01',
      placeOfIssue: 'LONDON',
      applicableCountry: 'USA',
    });
    expect(john!.birthPlace).toBe('LONDON GBR');
    expect(alpha!.documents.map((d) => [d.source, d.kind, d.number])).toEqual([
      ['FOID', 'passport', 'A0000000X'],
      ['DOCS', 'identity-card', 'A0000000X'],
    ]);
  });

  it('places seats and bags on the right flight and reads codeshare itinerary segments', () => {
    expect(erika!.booking!.seats).toEqual([{ flight: 'OS0089', seat: '21A' }]);
    expect(john!.booking!.seats).toEqual([{ flight: 'OS0089', seat: '21B' }]);
    expect(erika!.booking!.bags).toEqual([{ count: 2, weight: 36, unit: '701', tags: ['OS0257123456', 'OS0257123457'] }]);
    expect(erika!.booking!.itinerary.map((s) => [s.flight, s.operatingCarrier, s.operatingNumber, s.origin, s.destination, s.bookingClass, s.status])).toEqual([
      ['OS0089', null, null, 'VIE', 'JFK', 'Y', 'HK'],
      ['LH6321', 'OS', '95', 'JFK', 'IAD', 'Y', 'HK'],
    ]);
    expect(alpha!.booking!.itinerary.map((s) => [s.flight, s.arrival?.local])).toEqual([
      ['OS0089', '2026-12-01T14:05'],
      ['OS0090', '2026-12-06T08:10'],
    ]);
  });
});

describe('PNRGOV 10.1 change', () => {
  const m = parseTravel(fixture('pnrgov-10.1')).messages[0]!;
  it('reads an update with an infant, the arrival date defaulting to the departure date', () => {
    expect(m).toMatchObject({ version: '10:1', function: { code: '141', name: 'pnr-change', action: 'update' }, pnrCount: 1 });
    expect(m.flights[0]!.legs[0]).toMatchObject({ origin: 'IST', destination: 'OTP', arrival: { local: '2026-11-29T11:30', utc: '2026-11-29T09:30:00Z' } });
    expect(m.travellers.map((t) => [t.givenNames, t.title, t.passengerType, t.sex, t.birthDate])).toEqual([
      ['JANE', 'MS', 'A', 'F', '1988-04-04'],
      ['LITTLE', null, 'IN', 'F', '2025-01-01'],
    ]);
    expect(m.travellers[0]!.booking!.payments).toEqual([{ type: 'CC', amount: null, vendor: 'AX', accountLast4: '0005' }]);
  });
});

describe('PNRGOV deviations', () => {
  it('reports an EQN that does not match the number of PNRs', () => {
    const m = parseTravel(fixture('pnrgov-13.1').replace("EQN+2'", "EQN+5'")).messages[0]!;
    expect(m.findings).toEqual([expect.objectContaining({ code: 'count-mismatch', tag: 'EQN', detail: 'EQN declares 5 PNRs; the message has 2' })]);
    expect(m.travellers).toHaveLength(3);
  });

  it('is an error when no flight is named', () => {
    const r = parseTravel(fixture('pnrgov-10.1').replace("TVL+291126:0915::1130+IST+OTP+TK+1045'\n", ''));
    expect(r.ok).toBe(false);
    expect(r.messages[0]!.errors[0]).toMatchObject({ code: 'missing-segment', tag: 'TVL' });
  });
});

describe('PNRGOV real-world layout', () => {
  it('joins wrapped lines, splits a glued title using the DOCS names and reads a codeshare TVL', () => {
    const text = [
      "UNB+IATA:1+TZ+ZZPIU+261123:2210+0010218'",
      'UNH+0010218+PNRGOV:11:1:IA+ZZTZ0006231126221001SIN2611',
      "28'",
      "MSG+:22'TVL+281126:2225:291126:0750+SIN+OOL+TZ+0006'EQN+1'SRC'RCI+TZ:ZZ9TEN::231126:1813'",
      "TIF+SPECIMEN-KILO+ROMEOMIKEMR:A:43576'",
      'SSR+DOCS:HK:1:TZ:::::/P/USA/X00000001/USA/04JUL80/M/12JAN29/SPECIMEN-K',
      "ILO/ROMEO/MIKE+::43576'",
      "TVL+110127:1900:110127:2230+LHR+ARN+SQ:SK+5678:Q'TRA+SK+1524:W'",
      "UNT+11+0010218'",
      'UNZ+1+0010218',
      '',
    ].join('\n');
    const r = parseTravel(text);
    const m = r.messages[0]!;
    expect(m.part.commonAccessReference).toBe('ZZTZ0006231126221001SIN261128');
    expect(m.travellers[0]).toMatchObject({
      surname: 'SPECIMEN-KILO',
      givenNames: 'ROMEO MIKE',
      title: 'MR',
      documents: [{ surname: 'SPECIMEN-KILO', number: 'X00000001' }],
    });
    expect(m.travellers[0]!.booking!.itinerary[0]).toMatchObject({ flight: 'SQ5678', operatingCarrier: 'SK', operatingNumber: '1524' });
    expect([...r.findings, ...m.findings].map((f) => f.code).sort()).toEqual([
      'line-break-in-segment',
      'line-break-in-segment',
      'missing-final-terminator',
      'several-segments-per-line',
      'several-segments-per-line',
      'several-segments-per-line',
      'several-segments-per-line',
      'several-segments-per-line',
    ]);
  });
});

describe('SSR free text', () => {
  it('decodes DOCS with empty fields and infant sex codes', () => {
    expect(decodeDocs('////GBR/12JUL64/M//JONES/WILLIAM', 2026)).toMatchObject({
      nationality: 'GBR',
      birthDate: '1964-07-12',
      sex: 'M',
      document: { number: null, expiry: null, surname: 'JONES' },
    });
    expect(decodeDocs('/P/ROU/R1/ROU/01JAN25/FI/01JAN30/A/B', 2026)).toMatchObject({ sex: 'F', infant: true, birthDate: '2025-01-01' });
  });
  it('keeps identity documents from FOID and drops payment cards', () => {
    expect(decodeFoid('NI12345')).toMatchObject({ kind: 'identity-card', number: '12345' });
    expect(decodeFoid('CC4111111111111111')).toBeNull();
  });
});
