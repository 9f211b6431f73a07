// Property tests of query validation and batch line handling: any input gives a query or a named validation error, never a crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CandidateIndex } from '../../core/match/index.js';
import { AppError } from '../../platform/errors.js';
import { validateQuery } from './query.js';
import { csvQueries } from './csv.js';
import { matchLine } from './pairs.js';

const index = CandidateIndex.build([{ id: 'fx-1', schema: 'Person', properties: { name: ['Testperson Quuxley'] } }]);
const FIELDS = ['query', 'name', 'id', 'birthDate', 'nationality', 'gender', 'documents', 'schema', 'lists', 'subjectId'];

function checkField(e: unknown): void {
  expect(e).toBeInstanceOf(AppError);
  const err = e as AppError;
  expect(err.code).toBe('validation-failed');
  const field = String(err.extra.field ?? '');
  expect(FIELDS.some((f) => field === f || field.startsWith(`${f}[`))).toBe(true);
}

describe('validateQuery', () => {
  it('accepts a query or names the field, for any JSON value', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
      fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
    );
    const query = fc.record(
      {
        id: value,
        name: fc.oneof(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60, unit: 'grapheme' }), value),
        birthDate: fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
          value,
        ),
        nationality: fc.oneof(fc.constantFrom('IQ', 'IRQ', 'Iraq', 'D<<', 'XXA', 'zz'), value),
        gender: value,
        documents: fc.oneof(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.record({ number: value, country: value })), { maxLength: 4 }), value),
        schema: fc.oneof(fc.constantFrom('Person', 'Company', 'Vessel', 'Thing', 'Sanction'), value),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(query, fc.anything({ maxDepth: 2 })), (q) => {
        try {
          const v = validateQuery(q, index);
          expect(typeof v.name).toBe('string');
          expect(v.name.length).toBeLessThanOrEqual(1000);
        } catch (e) {
          checkField(e);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('bounds a very long name quickly', () => {
    expect(() => validateQuery({ name: 'ab '.repeat(200_000) }, index)).toThrow(/name: is longer than 1,000 characters/);
  });
});

describe('CSV and pair lines', () => {
  it('never crash on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        try {
          for (const row of csvQueries(`name,birthDate\n${text}`)) expect(row.line).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(AppError);
        }
        const r = matchLine(text, 1);
        expect('error' in r || 'score' in r).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads quoted CSV fields with commas and line breaks', () => {
    const rows = [...csvQueries('id,name,documents\n1,"Quuxley, Testperson","A123;B456"\n2,"Line\nBreak ""Q""",\n')];
    expect(rows).toEqual([
      { line: 2, value: { id: '1', name: 'Quuxley, Testperson', documents: ['A123', 'B456'] } },
      { line: 3, value: { id: '2', name: 'Line\nBreak "Q"' } },
    ]);
  });

  it('scores a pair of FtM entities with its explanation', () => {
    const left = { schema: 'Person', properties: { name: ['Testperson Quuxley'], birthDate: ['1970-01-01'] } };
    const right = { schema: 'Person', properties: { name: ['Quuxley, Testperson'], birthDate: ['1970'] } };
    const r = matchLine(JSON.stringify({ id: 'p1', left, right }), 1);
    expect(r).toMatchObject({ id: 'p1', match: true });
    const bad = matchLine(JSON.stringify({ id: 'p2', left, right: { schema: 'Nope', properties: {} } }), 7);
    expect(bad).toMatchObject({ id: 'p2', line: 7, error: { code: 'validation-failed', field: 'right.schema' } });
  });
});
