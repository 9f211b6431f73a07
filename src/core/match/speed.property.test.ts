// Properties of the speed-ups: the edit lower bound never exceeds the distance, and memoised screening equals fresh scoring.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CandidateIndex } from './candidates.js';
import { scoreSubjects } from './scorer.js';
import { screen } from './screen.js';
import { editLowerBound, levenshtein } from './strings.js';

const spelling = fc.oneof(
  fc.string({ unit: 'grapheme-ascii', maxLength: 14 }),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc.constantFrom('sergei', 'sergey', 'lavrov', 'abdul', 'абдул'),
);

const people = ['Testperson Quuxley', 'Testa Quuxleigh Borr', 'Quentin Quuxley', 'Abdul Rahman Testfield', 'Abdoul Rachman Testfeld', 'Borr Quux Testa'].map(
  (name, i) => ({ id: `p${i}`, schema: 'Person', properties: { name: [name], alias: [name.split(' ').reverse().join(' ')] } }),
);

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
});
