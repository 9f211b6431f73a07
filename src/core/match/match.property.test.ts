// Properties: the engine is total (never throws, never hangs) and its score stays in [0, 1] and symmetric for names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CandidateIndex } from './candidates.js';
import { match } from './scorer.js';
import { screen } from './screen.js';

const weird = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', 'al bin ibn', 'de la van der', 'Mr. Dr.', '\u0000\u0007\u001b', 'Borislav \u200f Куксенко 习近平 محمد', '11420', 'LLC GmbH'),
  fc.string({ unit: 'grapheme-ascii', minLength: 9000, maxLength: 10000 }),
);
const person = (name: string, extra: Record<string, string[]> = {}) => ({ id: 'c', schema: 'Person', properties: { name: [name], ...extra } });

describe('match properties', () => {
  it('gives a score in [0, 1] for any names and evidence, without throwing', () => {
    fc.assert(
      fc.property(weird, weird, fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b, date, country) => {
        const r = match(
          { name: a, birthDate: date, nationality: country, gender: date, documents: [country] },
          person(b, { birthDate: [date], nationality: [country] }),
        );
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        expect(Array.isArray(r.explanation)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('scores two names the same in either order', () => {
    const name = fc.array(fc.constantFrom('anna', 'ana', 'quux', 'quuxley', 'al', 'bin', 'j', 'testperson', 'testpersn', '7', 'borislav', 'jc'), {
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(name, name, (a, b) => {
        const x = match(person(a.join(' ')), person(b.join(' '))).score;
        const y = match(person(b.join(' ')), person(a.join(' '))).score;
        expect(Math.abs(x - y)).toBeLessThan(1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('screens any query against an index without throwing', () => {
    const index = CandidateIndex.build([person('Testperson Quuxley'), { id: 'd', schema: 'Company', properties: { name: ['Quuxwerk 12 LLC'] } }]);
    fc.assert(
      fc.property(weird, fc.constantFrom('Person', 'Company', 'Thing', 'NoSuchSchema', ''), (name, schema) => {
        const r = screen(index, { name, schema });
        for (const m of r.matches) expect(m.score).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });
});
