// Fuzzing the parser (fast-check): random bytes, mutated and truncated real-format messages, huge inputs: it never throws or hangs.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paxlstFor, planFlight, pnrgovFor } from './generator/index.js';
import { parseTravel } from './parse.js';
import type { ParseResult } from './types.js';

const dir = new URL('./fixtures/', import.meta.url);
const FIXTURES = readdirSync(dir)
  .filter((f) => f.endsWith('.edi'))
  .map((f) => readFileSync(new URL(f, dir), 'utf8'));
const plan = planFlight(3, { passengers: 20 });
const SEEDS = [...FIXTURES, paxlstFor(plan), pnrgovFor(plan)];

/** A result is well-formed: every finding and error names its code and detail, and counts are consistent. */
function wellFormed(r: ParseResult): void {
  for (const f of [...r.findings, ...r.messages.flatMap((m) => m.findings)]) expect(typeof f.code === 'string' && typeof f.detail === 'string').toBe(true);
  for (const e of [...r.errors, ...r.messages.flatMap((m) => m.errors)]) expect(e.code.length).toBeGreaterThan(0);
  expect(r.ok).toBe(r.errors.length === 0 && r.messages.every((m) => m.errors.length === 0));
  JSON.stringify(r);
}

const SPECIALS = ["'", '+', ':', '?', '\n', '\r', ' ', 'UNH+', 'UNT+', 'UNZ+', 'UNA', 'NAD+FL+++', 'TIF+', 'SRC', 'TVL+', 'DTM+189:', '\x1d', 'ä'];

describe('parseTravel under fuzzing', () => {
  it('never throws on random text and random bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: fc.constantFrom(...SPECIALS, 'A', 'B', '1'), maxLength: 400 })), (s) =>
        wellFormed(parseTravel(s)),
      ),
      { numRuns: 400 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (b) => wellFormed(parseTravel(b))),
      { numRuns: 200 },
    );
  });

  it('never throws on mutated real-format messages', () => {
    const mutation = fc.record({
      seed: fc.nat(SEEDS.length - 1),
      edits: fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.oneof(fc.constantFrom(...SPECIALS), fc.string({ maxLength: 6 }))), { minLength: 1, maxLength: 8 }),
    });
    fc.assert(
      fc.property(mutation, ({ seed, edits }) => {
        let text = SEEDS[seed]!;
        for (const [at, del, ins] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + ins + text.slice(i + del);
        }
        wellFormed(parseTravel(text));
      }),
      { numRuns: 600 },
    );
  });

  it('reports truncated messages instead of failing', () => {
    fc.assert(
      fc.property(fc.nat(SEEDS.length - 1), fc.double({ min: 0, max: 1, noNaN: true }), (seed, at) => {
        const text = SEEDS[seed]!;
        wellFormed(parseTravel(text.slice(0, Math.floor(text.length * at))));
      }),
      { numRuns: 300 },
    );
    const cut = parseTravel(FIXTURES[0]!.slice(0, FIXTURES[0]!.indexOf('UNT')));
    expect([...cut.findings, ...cut.messages.flatMap((m) => m.findings)].map((f) => f.code)).toContain('missing-trailer');
  });

  it('stays bounded on huge and pathological inputs', () => {
    expect(parseTravel('A'.repeat(11 * 1024 * 1024)).errors[0]!.code).toBe('too-large');
    expect(parseTravel(new Uint8Array(11 * 1024 * 1024)).errors[0]!.code).toBe('too-large');
    const many = parseTravel(`UNB+A'UNH+1+PAXLST:D:05B:UN:IATA'${"FTX+A'".repeat(500_000)}`);
    expect(many.errors[0]!.code).toBe('too-many-segments');
    const wide = parseTravel(`UNB+A'UNH+1+PAXLST'FTX${':'.repeat(300_000)}'`);
    expect(wide.errors[0]!.code).toBe('too-large-segment');
    const releases = parseTravel(`UNB+A'UNH+1+PAXLST'FTX+${'??'.repeat(200_000)}'UNT+3+1'`);
    expect(releases.messages).toHaveLength(1);
    const empties = parseTravel(`UNB+A'${"'".repeat(1_000_000)}UNZ+0+A'`);
    expect(empties.findings.length).toBeLessThan(40);
  });
});

describe('parseTravel on hostile structure', () => {
  const head = "UNB+UNOA:4+X+Y+261201:0900+R'";
  it('stays linear on blank runs, many flights, many counts and a huge PNR', () => {
    expect(parseTravel(`${head}UNH+1+PAXLST:D:05B:UN:IATA'FTX+${'\n'.repeat(2_000_000)}A'`).messages).toHaveLength(1);
    const flights = parseTravel(`${head}UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'${Array.from({ length: 20_000 }, (_, i) => `TDT+20+LH${i}+++LH'`).join('')}`);
    expect(flights.messages[0]!.flights).toHaveLength(99);
    expect(flights.messages[0]!.findings.map((f) => f.code)).toContain('too-many-flights');
    const counts = parseTravel(`${head}UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'TDT+20+LH1+++LH'${"NAD+FL+++A:B'".repeat(20_000)}${"CNT+42:1'".repeat(20_000)}`);
    expect(counts.messages[0]!.travellers).toHaveLength(20_000);
    const pnr = `${head}UNH+1+PNRGOV:13:1:IA'MSG+:22'TVL+011226:1000+VIE+JFK+OS+89'SRC'RCI+OS:ABC123'`;
    const big = parseTravel(
      pnr +
        Array.from({ length: 3000 }, (_, i) => `TIF+A+B:A:${i}'`).join('') +
        "SSR+CTCM:HK:1:OS:::::/1'".repeat(5100) +
        "TRI'TIF+A+B:A:7'SSD+1A'".repeat(3000),
    );
    const m = big.messages[0]!;
    expect(m.travellers).toHaveLength(999);
    expect(m.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['too-many-travellers', 'too-many-ssrs']));
  });
});
