// Masking stored EDIFACT: generated PAXLST and PNRGOV (with carriers' deviations) lose every personal value yet parse to
// the same flights and traveller counts; any input, however broken, is masked without throwing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paxlstFor, planFlight, pnrgovFor, type Quirks } from '../generator/index.js';
import { parseTravel } from '../parse.js';
import { maskInterchange, RAW_MASK } from './mask-raw.js';

const quirks = fc.record(
  {
    separators: fc.constant<[string, string, string, string]>(['!', '#', '\\', '~']),
    severalPerLine: fc.boolean(),
    leadingSpaces: fc.boolean(),
    mixedCaseNames: fc.boolean(),
    wrongCounts: fc.boolean(),
    junkAfterUnz: fc.boolean(),
    emptySegments: fc.boolean(),
  },
  { requiredKeys: [] },
);

const shape = (text: string | Buffer) =>
  parseTravel(text).messages.map((m) => ({ flights: m.flights.map((f) => f.key), travellers: m.travellers.length, roles: m.travellers.map((t) => t.role) }));

describe('maskInterchange', () => {
  it('masks every name, birth date, document and contact of generated traffic and keeps it parseable', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.boolean(), quirks, (seed, pnr, q: Quirks) => {
        const plan = planFlight(seed, { passengers: 6, crew: 2 });
        const text = pnr ? pnrgovFor(plan, { quirks: q }) : paxlstFor(plan, { quirks: q });
        const masked = maskInterchange(Buffer.from(text, 'utf8')).raw.toString('utf8');
        const upper = masked.toUpperCase();
        for (const p of [...plan.passengers, ...plan.crew]) {
          for (const part of [p.surname, ...p.givenNames.split(' ')].filter((x) => x.length >= 4)) expect(upper).not.toContain(part.toUpperCase());
        }
        expect(masked).not.toMatch(/@|\/\/EXAMPLE/i);
        expect(shape(masked)).toEqual(shape(text));
        const parsed = parseTravel(masked);
        for (const m of parsed.messages) for (const t of m.travellers) expect([RAW_MASK, '']).toContain(t.surname);
        expect(parsed.ok).toBe(parseTravel(text).ok);
        // Masking twice changes nothing more.
        expect(maskInterchange(Buffer.from(masked)).raw.toString('utf8')).toBe(masked);
      }),
      { numRuns: 60 },
    );
  });

  it('never throws, and leaves no letter of skipped text, on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 1500 }),
          fc.string({ maxLength: 1500 }).map((s) => Buffer.from(s)),
        ),
        (b) => {
          const out = maskInterchange(b);
          expect(out.raw).toBeInstanceOf(Buffer);
        },
      ),
      { numRuns: 300 },
    );
    expect(maskInterchange(Buffer.from('GARBAGE WITHOUT EDIFACT 1234')).raw.toString()).toBe('XXXXXXX XXXXXXX XXXXXXX XXXX');
  });

  it('keeps qualifiers, codes and flight data, and masks SSR fields one by one', () => {
    const input =
      "UNH+1+PNRGOV:13:1:IA'TIF+SPECIMEN:A+JOHN MR:A:1'SSR+DOCS:HK:1:OS:::::/P/GBR/123456789/GBR/12JUL64/M/23AUG29/SPECIMEN/JOHN'SSR+SEAT:HK:1:OS+21A::1'FOP+CC::500:VI:4111111111111111:0530'UNT+5+1'";
    expect(maskInterchange(Buffer.from(input)).raw.toString()).toBe(
      "UNH+1+PNRGOV:13:1:IA'TIF+XXX:A+XXX:A:1'SSR+DOCS:HK:1:OS:::::/P/XXX/XXX/XXX/XXX/XXX/XXX/XXX/XXX'SSR+SEAT:HK:1:OS+21A::1'FOP+CC::XXX:XXX:XXX:XXX'UNT+5+1'",
    );
    const released = "UNH+1+PAXLST:D:05B:UN:IATA'NAD+FL+++O?'BRIEN:ANNE'ATT+2++F'DTM+329:850101'DTM+189:2612011005:201'UNT+5+1'";
    expect(maskInterchange(Buffer.from(released)).raw.toString()).toBe(
      "UNH+1+PAXLST:D:05B:UN:IATA'NAD+FL+++XXX:XXX'ATT+2++XXX'DTM+329:XXX'DTM+189:2612011005:201'UNT+5+1'",
    );
  });
});
