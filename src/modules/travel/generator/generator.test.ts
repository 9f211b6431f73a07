// Generator tests: deterministic per seed, invented names, and every generated message parses back to the plan.
import { describe, expect, it } from 'vitest';
import { parseTravel } from '../parse.js';
import { assembleParts } from '../parts.js';
import { CARRIERS, airport } from '../places.js';
import type { ParseResult } from '../types.js';
import { INVENTED_SURNAMES, paxlstFor, paxlstParts, planFlight, planTraffic, pnrgovFor, type Quirks } from './index.js';

const codes = (r: ParseResult) => [...new Set([...r.findings, ...r.messages.flatMap((m) => m.findings)].map((f) => f.code))].sort();

describe('traffic generator', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(planFlight(7)).toEqual(planFlight(7));
    expect(paxlstFor(planFlight(7))).toBe(paxlstFor(planFlight(7)));
    expect(planFlight(8).passengers[0]).not.toEqual(planFlight(7).passengers[0]);
    expect(planTraffic(3, { flights: 4, days: 2 }).map((p) => p.departureLocal.slice(0, 10))).toEqual(['2026-12-01', '2026-12-02', '2026-12-01', '2026-12-02']);
  });

  it('uses real carriers and airports and invented people', () => {
    for (const plan of planTraffic(11, { flights: 20, passengers: 30 })) {
      expect(CARRIERS).toContain(plan.carrier);
      expect(airport(plan.origin.iata)).toBe(plan.origin);
      expect([plan.origin.iata, plan.destination.iata]).toContain(plan.carrier.hub);
      for (const t of [...plan.passengers, ...plan.crew]) expect(INVENTED_SURNAMES).toContain(t.surname.split('-')[0]);
    }
  });

  it('writes a PAXLST passenger list that parses back without findings', () => {
    const plan = planFlight(42, { passengers: 120, carrier: 'OS', origin: 'VIE', destination: 'JFK' });
    const r = parseTravel(paxlstFor(plan));
    expect(codes(r)).toEqual([]);
    const m = r.messages[0]!;
    expect(m.flights).toEqual([
      expect.objectContaining({ key: `OS${plan.number.padStart(4, '0')}`, legs: [expect.objectContaining({ origin: 'VIE', destination: 'JFK' })] }),
    ]);
    expect(m.flights[0]!.legs[0]!.departure!.local).toBe(plan.departureLocal);
    expect(m.travellers).toHaveLength(120);
    const [t, p] = [m.travellers[5]!, plan.passengers[5]!];
    expect([t.surname, t.givenNames, t.birthDate, t.documents[0]!.number, t.booking?.recordLocator]).toEqual([
      p.surname,
      p.givenNames,
      p.birthDate,
      p.document.number,
      plan.pnrs[p.pnr]!.recordLocator,
    ]);
  });

  it('writes crew lists and multi-part lists', () => {
    const plan = planFlight(5, { passengers: 25, crew: 6 });
    const crew = parseTravel(paxlstFor(plan, { list: 'crew', version: 'D02B' })).messages[0]!;
    expect(crew).toMatchObject({ version: 'D:02B', function: { name: 'crew-list' } });
    expect(crew.travellers.filter((t) => t.role === 'crew')).toHaveLength(6);
    const parts = paxlstParts(plan, 10).map((text) => parseTravel(text).messages[0]!);
    expect(parts.map((p) => [p.part.sequence, p.part.final, p.travellers.length])).toEqual([
      [1, false, 10],
      [2, false, 10],
      [3, true, 5],
    ]);
    expect(assembleParts(parts)).toMatchObject({ complete: true, message: { travellers: expect.any(Array) } });
    expect(assembleParts(parts)!.message.travellers).toHaveLength(25);
  });

  it('writes PNRGOV in each version with every PNR, traveller, seat and bag', () => {
    const plan = planFlight(9, { passengers: 60 });
    for (const version of ['10.1', '11.1', '12.1', '13.1'] as const) {
      const r = parseTravel(pnrgovFor(plan, { version }));
      expect(codes(r)).toEqual([]);
      const m = r.messages[0]!;
      expect(m.version).toBe(version.replace('.', ':'));
      expect(m.pnrCount).toBe(plan.pnrs.length);
      expect(m.travellers).toHaveLength(60);
      const t = m.travellers.find((x) => x.booking!.recordLocator === plan.pnrs[0]!.recordLocator)!;
      const p = plan.passengers[plan.pnrs[0]!.travellers[0]!]!;
      expect(t).toMatchObject({ surname: p.surname, givenNames: p.givenNames, title: p.title, birthDate: p.birthDate, nationality: p.nationality });
      expect(t.booking!.seats).toEqual([{ flight: m.flights[0]!.key, seat: p.seat }]);
      expect(t.booking!.bags.reduce((n, b) => n + b.tags.length, 0)).toBe(p.bags);
      expect(t.booking!.tickets[0]!.number).toBe(p.ticket);
    }
  });

  it('produces each carrier quirk as the matching finding, with the same travellers', () => {
    const plan = planFlight(21, { passengers: 12 });
    const cases: Array<[Quirks, string[]]> = [
      [{ separators: ['>', '*', '!', '~'] }, ['custom-separators']],
      [{ severalPerLine: true }, ['several-segments-per-line']],
      [{ leadingSpaces: true }, ['leading-whitespace']],
      [{ mixedCaseNames: true }, ['mixed-case-name']],
      [{ wrongCounts: true }, ['count-mismatch']],
      [{ junkAfterUnz: true }, ['junk-after-trailer']],
      [{ emptySegments: true }, ['empty-segment']],
    ];
    for (const [quirks, expected] of cases) {
      for (const text of [paxlstFor(plan, { quirks }), pnrgovFor(plan, { quirks })]) {
        const r = parseTravel(text);
        expect(r.ok).toBe(true);
        expect(codes(r)).toEqual(expected);
        expect(r.messages[0]!.travellers.map((t) => t.surname)).toEqual(plan.passengers.map((p) => p.surname));
      }
    }
  });
});
