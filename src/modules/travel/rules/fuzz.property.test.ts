// Fuzzing the rule language: any input, random or built from its own words, ends in a result or a RuleError, never a crash or hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRule } from './compile.js';
import { RuleError } from './errors.js';
import { specimen, TK1885 } from './fixtures.js';
import { MAX_LENGTH } from './lexer.js';
import { KEYWORDS, parseRule } from './parser.js';
import { travellerView } from './view.js';

const LISTS: Record<string, string[]> = { mixed: ['SY', 'VIE', 'cash', '5'], countries: ['SY', 'Iraq'] };
const env = { list: (n: string) => (Object.hasOwn(LISTS, n) ? { name: n, version: 1, values: LISTS[n]! } : undefined) };
const view = travellerView('t', specimen(), TK1885, 2);

/** Runs the whole pipeline; returns the error code, or 'ok' with the result. */
function run(src: string): string {
  try {
    const c = compileRule(src, env);
    const r = c.test(view);
    expect(typeof r).toBe('boolean');
    expect(typeof c.explain(view)).toBe('string');
    return 'ok';
  } catch (err) {
    if (!(err instanceof RuleError)) throw err;
    const p = err.problem;
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(p.offset).toBeGreaterThanOrEqual(0);
    expect(p.offset).toBeLessThanOrEqual(src.length);
    expect(p.detail.length).toBeGreaterThan(0);
    return p.code;
  }
}

const WORDS = [
  ...KEYWORDS,
  'hours',
  'days',
  'leg',
  'document',
  'traveller.age',
  'traveller.nationality',
  'route.countries',
  'route.airports',
  'booking.oneWay',
  'booking.created',
  'booking.paymentTypes',
  'flight.departure',
  'flight.carrier',
  'leg.origin',
  'leg.departure',
  'document.expiry',
  'document.daysToExpiry',
  'traveller.sex',
  'booking.ssr',
  '"SY"',
  '"VIE"',
  '"mixed"',
  '"countries"',
  '"cash"',
  '"2026-12-01"',
  '"MOML"',
  '48',
  '-3',
  '2.5',
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '(',
  ')',
  '[',
  ']',
  ',',
  '+',
  '-',
  '#',
  '\n',
  '"',
  "'",
  '\\',
  '=',
  '&',
  '.',
  'é',
  '😀',
];

describe('rule language fuzzing', () => {
  it('never throws anything but RuleError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (s) => {
        run(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws anything but RuleError on sequences of its own words', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }), (words) => {
        run(words.join(' '));
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps well-formed rules parseable and evaluable', () => {
    const cmp = fc.tuple(
      fc.constantFrom('traveller.age', 'booking.hoursBeforeDeparture', 'booking.bags'),
      fc.constantFrom('<', '<=', '>', '>=', '==', '!='),
      fc.integer({ min: -5, max: 500 }),
    );
    const leaf = fc.oneof(
      cmp.map(([f, op, n]) => `${f} ${op} ${n}`),
      fc.constantFrom(
        'booking.oneWay',
        'route.countries in list "countries"',
        'any leg (leg.origin == "IST")',
        'flight.departure - booking.created < 48 hours',
      ),
    );
    const expr = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('e'), fc.constantFrom('and', 'or'), tie('e')).map(([a, op, b]) => `(${a}) ${op} (${b})`),
        tie('e').map((a) => `not (${a})`),
      ),
    })).e;
    fc.assert(
      fc.property(expr, (src) => {
        if (src.length <= MAX_LENGTH) expect(run(src)).toMatch(/^(ok|too-deep|too-many-tokens)$/);
      }),
      { numRuns: 1000 },
    );
  });

  it('stops deep nesting, long input and many tokens with an error instead of recursing', () => {
    for (const src of [
      '('.repeat(5000),
      `${'not '.repeat(900)}x`,
      'any leg ('.repeat(300),
      `${'-'.repeat(3000)}1`,
      '1 + '.repeat(999) + '1 > 2',
      'x'.repeat(MAX_LENGTH + 1),
    ]) {
      expect(['too-deep', 'too-long', 'too-many-tokens', 'syntax']).toContain(run(src));
    }
    expect(() => parseRule('('.repeat(100))).toThrow(RuleError);
  });
});
