// Properties of the speed-ups: the edit lower bound never exceeds the distance, and memoised screening equals fresh scoring.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CandidateIndex } from './candidates.js';
import { scoreSubjects } from './scorer.js';
import { screen } from './screen.js';
import { editLowerBound, letterMask, levenshtein, maskCeiling, similarityCeiling } from './strings.js';
import { ABBREVIATED_C, ABBREVIATED_Q, compositeCaps, JOINED_C, JOINED_Q, lengthBit, similarityMatrix, textSimilarity, WORDS_ABBREVIATE } from './align.js';
import { compareForms, featureBounds, sortByBound } from './features.js';
import { queryCache } from './align.js';
import { DEFAULT_MODEL } from './weights.js';
import { NAME_FEATURE_COUNT } from './feature-list.js';
import { nameForms } from './names.js';
import { Lexicon } from './lexicon.js';

const spelling = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 14 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom('sergei', 'sergey', 'lavrov', 'abdul', 'абдул'),
);

const people = ['Testperson Quuxley', 'Testa Quuxleigh Borr', 'Quentin Quuxley', 'Abdul Rahman Testfield', 'Abdoul Rachman Testfeld', 'Borr Quux Testa'].map(
  (name, i) => ({ id: `p${i}`, schema: 'Person', properties: { name: [name], alias: [name.split(' ').reverse().join(' ')] } }),
);

/** Words whose joins, splits and abbreviations exercise the joined-token and abbreviation paths. */
const JOINABLE = [
  'abdul',
  'rahman',
  'abdulrahman',
  'abdoulrachman',
  'jc',
  'jean',
  'claude',
  'sergei',
  'lavrov',
  'sergeilavrov',
  'pla',
  'people',
  'liberation',
  'army',
];

describe('speed-ups keep results exact', () => {
  it('bounds the edit distance from below', () => {
    fc.assert(
      fc.property(spelling, spelling, (a, b) => {
        const bound = editLowerBound(a, b);
        expect(bound).toBeLessThanOrEqual(levenshtein(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('bounds the spelling similarity from above', () => {
    fc.assert(
      fc.property(spelling, spelling, (a, b) => {
        expect(similarityCeiling(a, b)).toBeGreaterThanOrEqual(textSimilarity(a, b) - 1e-12);
      }),
      { numRuns: 500 },
    );
  });

  it('bounds the character ceiling from above with letter masks', () => {
    fc.assert(
      fc.property(spelling, spelling, (a, b) => {
        const ma = letterMask(a);
        const mb = letterMask(b);
        if (ma >= 0 && mb >= 0) expect(maskCeiling(a, ma, b, mb)).toBeGreaterThanOrEqual(similarityCeiling(a, b) - 1e-12);
      }),
      { numRuns: 500 },
    );
  });

  it('caps every token at least at the similarity of a joined or abbreviated pair holding it', () => {
    const lex = new Lexicon();
    const word = fc.constantFrom('abdul', 'rahman', 'abdulrahman', 'abdoulrachman', 'jc', 'jean', 'claude', 'sergei', 'lavrov', 'sergeilavrov', 'pla');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), fc.array(word, { minLength: 1, maxLength: 4 }), (x, y) => {
        const q = x.map((t) => lex.intern(t));
        const c = y.map((t) => lex.intern(t));
        const capQ = new Float64Array(q.length);
        const capC = new Float64Array(c.length);
        compositeCaps(q, c, capQ, capC);
        for (let i = 0; i + 1 < q.length; i++)
          for (let n = 2; n <= 3 && i + n <= q.length; n++) {
            const joined = x.slice(i, i + n).join('');
            y.forEach((t, j) => {
              if (t.length < 4 || Math.abs(t.length - joined.length) > 2) return;
              const sim = textSimilarity(joined, t);
              if (sim < 0.88) return;
              for (let k = i; k < i + n; k++) expect(capQ[k]).toBeGreaterThanOrEqual(sim);
              expect(capC[j]).toBeGreaterThanOrEqual(sim);
            });
          }
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same composite caps with each kind of pair looked for apart and runs filtered by length masks', () => {
    const lex = new Lexicon();
    const word = fc.oneof(fc.constantFrom(...JOINABLE, 'al', 'b', 'x', 'abd', 'ulrahman'), fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 9 }));
    const longMask = (ts: ReadonlyArray<{ text: string }>) => ts.reduce((m, t) => (t.text.length >= 4 ? m | lengthBit(t.text.length) : m), 0);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 5 }), fc.array(word, { minLength: 1, maxLength: 5 }), (x, y) => {
        const q = x.map((t) => lex.intern(t));
        const c = y.map((t) => lex.intern(t));
        // With and without words that have a vowel among the abbreviations (organisations; persons: letters only).
        for (const words of [WORDS_ABBREVIATE, 0]) {
          const all = [new Float64Array(q.length), new Float64Array(c.length)] as const;
          compositeCaps(q, c, all[0], all[1], JOINED_Q | JOINED_C | ABBREVIATED_Q | ABBREVIATED_C | words);
          const partQ = new Float64Array(q.length);
          const partC = new Float64Array(c.length);
          const capQ = new Float64Array(q.length);
          const capC = new Float64Array(c.length);
          for (const part of [JOINED_Q, JOINED_C, ABBREVIATED_Q, ABBREVIATED_C]) {
            compositeCaps(q, c, partQ, partC, part | words, longMask(q), longMask(c));
            partQ.forEach((v, i) => (capQ[i] = Math.max(capQ[i]!, v)));
            partC.forEach((v, j) => (capC[j] = Math.max(capC[j]!, v)));
          }
          expect([...capQ]).toEqual([...all[0]]);
          expect([...capC]).toEqual([...all[1]]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('screens exactly as the exhaustive comparison of every name form does', () => {
    const index = CandidateIndex.build(people);
    const name = fc.oneof(
      fc.constantFrom(...people.flatMap((p) => [...p.properties.name, ...p.properties.alias])),
      fc
        .array(fc.constantFrom('testperson', 'quuxly', 'abdul', 'rachman', 'borr', 'testa', 'quentin', 'x', 'bin', 'q.', 'testfeldt'), {
          minLength: 1,
          maxLength: 4,
        })
        .map((t) => t.join(' ')),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(name, fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }), fc.boolean(), (n, minScore, best) => {
        const opts = { ...(minScore === undefined ? {} : { minScore }), best };
        expect(screen(index, { name: n }, opts)).toEqual(screen(index, { name: n }, { ...opts, exhaustive: true }));
      }),
      { numRuns: 300 },
    );
  });

  it('screens exactly as the exhaustive comparison does when names are joined, split or abbreviated', () => {
    const words = JOINABLE;
    const entity = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).map((t) => t.join(' '));
    fc.assert(
      fc.property(
        fc.array(entity, { minLength: 1, maxLength: 6 }),
        entity,
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        (names, n, minScore) => {
          const index = CandidateIndex.build(
            names.map((name, i) => ({ id: `e${i}`, schema: i % 2 ? 'Person' : 'Organization', properties: { name: [name] } })),
          );
          const opts = minScore === undefined ? {} : { minScore };
          for (const schema of ['Person', 'Organization'])
            expect(screen(index, { name: n, schema }, opts)).toEqual(screen(index, { name: n, schema }, { ...opts, exhaustive: true }));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('bounds every name feature of a pair of forms, joined, split and abbreviated tokens included', () => {
    const lex = new Lexicon();
    const words = [...JOINABLE, 'bin', 'x'];
    const name = fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }).map((t) => t.join(' '));
    const lo = new Float64Array(NAME_FEATURE_COUNT);
    const hi = new Float64Array(NAME_FEATURE_COUNT);
    fc.assert(
      fc.property(name, name, fc.boolean(), (a, b, organisation) => {
        const style = organisation ? 'organisation' : 'person';
        const [q] = nameForms(a, 'name', style, lex, true);
        const [c] = nameForms(b, 'name', style, lex, true);
        if (!q || !c) return;
        const cmp = compareForms(q, c, lex, undefined, organisation);
        featureBounds(q, c, lex, similarityMatrix(q.tokens, c.tokens), organisation, lo, hi);
        for (let f = 0; f < NAME_FEATURE_COUNT; f++) {
          expect(cmp.values[f]).toBeGreaterThanOrEqual(lo[f]! - 1e-12);
          expect(cmp.values[f]).toBeLessThanOrEqual(hi[f]! + 1e-12);
        }
      }),
      {
        numRuns: 500,
        examples: [
          ['pla', 'people liberation army', true],
          ['jc sergei', 'jean claude sergei', false],
          ['sergei lavrov', 'sergeilavrov', false],
          ['abdoulrachman', 'abdul rahman', false],
        ],
      },
    );
  });

  it('gives each candidate the threshold of its lists', () => {
    const index = CandidateIndex.build([
      { id: 'a', schema: 'Person', lists: ['strict'], properties: { name: ['Testperson Quuxley'] } },
      { id: 'b', schema: 'Person', lists: ['lenient'], properties: { name: ['Testperson Quuxly'] } },
      { id: 'c', schema: 'Person', lists: ['strict', 'lenient'], properties: { name: ['Testpersen Quuxley'] } },
    ]);
    const config = { lists: { strict: 0.9, lenient: 0.3 } };
    const thresholds = Object.fromEntries(screen(index, { name: 'Testperson Quuxley' }, { config }).matches.map((m) => [m.entityId, m.threshold]));
    expect(thresholds).toEqual({ a: 0.9, b: 0.3, c: 0.3 });
    const fixed = screen(index, { name: 'Testperson Quuxley' }, { config, threshold: 0.2 }).matches;
    expect(fixed.map((m) => m.threshold)).toEqual([0.2, 0.2, 0.2]);
  });

  it('scores every candidate as a fresh comparison would, whatever was screened before', () => {
    const index = CandidateIndex.build(people);
    const queries = ['Testperson Quuxly', 'Abdul Rachman Testfield', 'Quuxley Testa', 'Borr Quuxley', 'Testperson Quuxly'];
    for (const name of queries) {
      const r = screen(index, { name }, { minScore: 0 });
      const q = index.prepare({ name });
      for (const m of r.matches) {
        const fresh = scoreSubjects(q, index.get(m.entityId)!.subject, index.lexicon);
        expect(m.score).toBe(fresh.score);
      }
    }
  });

  it('keeps each scored pair its own features, whatever is scored after it (scratch space is not shared)', () => {
    const dated = people.map((p, i) => ({ ...p, properties: { ...p.properties, birthDate: [`19${60 + i}-0${1 + (i % 9)}-1${i}`] } }));
    const index = CandidateIndex.build(dated);
    for (const name of ['Testperson Quuxly', 'Abdul Rachman Testfield', 'Quuxley Testa Borr']) {
      const q = index.prepare({ name, birthDate: '1961-02-11' });
      const cache = queryCache(index.similarities, q.names);
      const subjects = dated.map((e) => index.get(e.id)!.subject);
      // Every candidate scored first, the features read afterwards: each must still be its own.
      const scored = subjects.map((c) => scoreSubjects(q, c, index.lexicon, DEFAULT_MODEL, cache, 0));
      const names = scored.map((s) => s?.name?.values);
      subjects.forEach((c, k) => {
        const ref = scoreSubjects(q, c, index.lexicon, DEFAULT_MODEL, undefined, 0, true)!;
        const s = scored[k]!;
        expect(s.score).toBe(ref.score);
        expect(Array.from(s.values)).toEqual(Array.from(ref.values));
        expect(names[k] && Array.from(names[k])).toEqual(ref.name && Array.from(ref.name.values));
        if (s.name) expect(Array.from(s.values.subarray(0, NAME_FEATURE_COUNT))).toEqual(Array.from(s.name.values));
      });
    }
  });

  it('compares two forms into given space exactly as into a new vector', () => {
    const lex = new Lexicon();
    const forms = ['Abdul Rahman Testfield', 'Abdoul Rachman Testfeld', 'Testfield Abdulrahman', 'J. C. Lavrov', 'jc lavrov 12'].map(
      (n) => nameForms(n, 'name', 'person', lex, true)[0]!,
    );
    const out = new Float64Array(NAME_FEATURE_COUNT).fill(7);
    for (const a of forms)
      for (const b of forms) {
        const into = compareForms(a, b, lex, undefined, false, undefined, out);
        expect(into.values).toBe(out);
        expect(Array.from(out)).toEqual(Array.from(compareForms(a, b, lex).values));
      }
  });

  it('orders pairs of forms by bound, highest first, then as met (as a sort by the same order does)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(-2, 0, 0.5, 1, 3.25, -Infinity), { maxLength: 12 }), (ubs) => {
        const pairs = ubs.map((ub, order) => ({ ub, order }));
        const expected = [...pairs].sort((a, b) => b.ub - a.ub || a.order - b.order);
        expect(sortByBound([...pairs].reverse())).toEqual(expected);
        expect(sortByBound([...pairs])).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
