// Property tests of parseMrz: every detectable single-character corruption of a specimen is caught and located; no input throws; generate→parse round trip.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charValue } from './check-digit.js';
import { MRZ_COUNTRY_CODES } from './countries.js';
import { generateMrz, type MrzInputFields } from './generate.js';
import { LAYOUTS } from './layouts.js';
import { parseMrz } from './parse.js';
import { DOC9303_SPECIMENS } from './specimens.js';
import { MRZ_FORMATS, type MrzFormat, type MrzResult } from './types.js';

const today = new Date('2026-11-29T12:00:00Z');
const ALPHABET = '<0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const CHECKED: Readonly<Record<string, string>> = {
  documentNumber: 'documentNumberCheckDigit',
  birthDate: 'birthDateCheckDigit',
  expiryDate: 'expiryDateCheckDigit',
  optionalData: 'optionalDataCheckDigit',
};

/** The field at a 0-based position of the specimen as parsed. */
function fieldAt(r: MrzResult, line: number, index: number): string | null {
  for (const [name, f] of Object.entries(r.fields)) if (f.line === line + 1 && index + 1 >= f.column && index + 1 < f.column + f.length) return name;
  return null;
}

const inComposite = (format: MrzFormat, line: number, index: number) => LAYOUTS[format].composite.some(([l, s, e]) => l === line && index >= s && index < e);

/**
 * The fields an error must name when a character changes, or null when no check digit covers the position.
 * A changed character in a field covered by a check digit is reported on that field, its check digit or the composite digit.
 */
function expectedFields(format: MrzFormat, r: MrzResult, line: number, index: number): Set<string> | null {
  const f = fieldAt(r, line, index);
  if (!f) return null;
  const own = CHECKED[f] && r.fields[CHECKED[f]!] ? [f, CHECKED[f]!] : [];
  const digitOf = Object.entries(CHECKED).find(([, d]) => d === f);
  const set = new Set<string>([...own, ...(digitOf ? [f, digitOf[0]] : []), ...(f === 'compositeCheckDigit' ? [f] : [])]);
  if (inComposite(format, line, index)) set.add('compositeCheckDigit');
  return set.size ? set : null;
}

/** A change a 7-3-1 check digit cannot see: values differing by a multiple of 10 (0/A/K/U, 1/B/L/V, `<`/0 …) in an alphanumeric field. */
const invisible = (from: string, to: string, field: string) =>
  (field === 'documentNumber' || field === 'optionalData' || field === 'optionalData2') &&
  (charValue(from.charCodeAt(0)) - charValue(to.charCodeAt(0))) % 10 === 0;

const originals = new Map(MRZ_FORMATS.map((f) => [f, parseMrz(DOC9303_SPECIMENS[f], { today })]));

function assertCaught(format: MrzFormat, line: number, index: number, to: string): 'caught' | 'invisible' | 'uncovered' {
  const specimen = DOC9303_SPECIMENS[format];
  const original = originals.get(format)!;
  const from = specimen[line]![index]!;
  const want = expectedFields(format, original, line, index);
  const corrupt = specimen.map((l, i) => (i === line ? l.slice(0, index) + to + l.slice(index + 1) : l));
  const r = parseMrz(corrupt, { today });
  if (!want) return 'uncovered';
  const field = fieldAt(original, line, index)!;
  if (invisible(from, to, field)) return 'invisible';
  const hits = r.errors.filter((e) => want.has(e.field));
  expect(hits.length, `${format} line ${line + 1} column ${index + 1}: ${from}→${to} not caught: ${JSON.stringify(r.errors)}`).toBeGreaterThan(0);
  for (const e of hits) {
    const f = original.fields[e.field] ?? r.fields[e.field];
    if (f && e.code === 'check-digit') expect(e.line, `${format} ${e.field}`).toBe(f.line);
  }
  expect(r.valid).toBe(false);
  return 'caught';
}

describe('single-character corruptions of the Doc 9303 specimens', () => {
  it.each(MRZ_FORMATS)('%s: every corruption of a checked field is caught and located, except those 7-3-1 cannot see', (format) => {
    const counts = { caught: 0, invisible: 0, uncovered: 0 };
    DOC9303_SPECIMENS[format].forEach((text, line) => {
      for (let index = 0; index < text.length; index++) {
        for (const to of ALPHABET) if (to !== text[index]) counts[assertCaught(format, line, index, to)]++;
      }
    });
    expect(counts.caught).toBeGreaterThan(counts.invisible * 5);
  });

  it('catches corruptions with characters outside the MRZ alphabet anywhere', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MRZ_FORMATS), fc.nat(), fc.nat(), fc.constantFrom('é', '-', '*', '«', '0̸', 'ß', '/'), (format, l, i, to) => {
        const specimen = DOC9303_SPECIMENS[format];
        const line = l % specimen.length;
        const index = i % specimen[line]!.length;
        const corrupt = specimen.map((text, k) => (k === line ? text.slice(0, index) + to + text.slice(index + 1) : text));
        const r = parseMrz(corrupt, { today });
        expect(r.valid).toBe(false);
        // ß upper-cases to SS and 0̸ is two code units: the line then has the wrong length, which is named instead.
        const located = r.errors.some((e) => e.line === line + 1 && (e.code === 'bad-line-length' || (e.code === 'bad-character' && e.column === index + 1)));
        expect(located, JSON.stringify(r.errors)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('suggests the original back when a digit was misread as its look-alike letter', () => {
    const pairs: Record<string, string> = { '0': 'O', '1': 'I', '8': 'B', '5': 'S', '2': 'Z', '6': 'G' };
    for (const format of MRZ_FORMATS) {
      const specimen = DOC9303_SPECIMENS[format];
      const original = parseMrz(specimen, { today });
      for (const name of ['birthDate', 'expiryDate', 'birthDateCheckDigit', 'expiryDateCheckDigit']) {
        const f = original.fields[name]!;
        for (let k = 0; k < f.length; k++) {
          const ch = f.raw[k]!;
          if (!pairs[ch]) continue;
          const li = f.line - 1;
          const ci = f.column - 1 + k;
          const corrupt = specimen.map((t, i) => (i === li ? t.slice(0, ci) + pairs[ch] + t.slice(ci + 1) : t));
          const r = parseMrz(corrupt, { today });
          expect(r.valid).toBe(false);
          expect(r.suggestions.map((s) => s.lines)).toContainEqual([...specimen]);
        }
      }
    }
  });
});

describe('any input', () => {
  const check = (r: MrzResult) => {
    expect(r.valid).toBe(r.errors.length === 0);
    for (const e of r.errors) {
      expect(e.line).toBeGreaterThanOrEqual(1);
      expect(e.column).toBeGreaterThanOrEqual(1);
      expect(e.detail.length).toBeGreaterThan(0);
    }
  };

  it('gives a result, never a throw: garbage text and line arrays', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.array(fc.string({ maxLength: 60 }), { maxLength: 5 }), fc.string({ unit: 'binary', maxLength: 120 })),
        (input) => {
          check(parseMrz(input, { today }));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives a result, never a throw: lines of the right shapes from the MRZ alphabet and lower case', () => {
    const shaped = fc
      .constantFrom([30, 30, 30], [36, 36], [44, 44])
      .chain((widths) => fc.tuple(...widths.map((w) => fc.string({ unit: fc.constantFrom(...(ALPHABET + 'abcxyz ').split('')), minLength: w, maxLength: w }))));
    fc.assert(
      fc.property(shaped, (lines) => {
        check(parseMrz(lines, { today }));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives a clear error for megabytes and for values that are not text', () => {
    expect(parseMrz('P<UTO'.repeat(600_000), { today }).errors[0]!.code).toBe('too-long');
    expect(parseMrz(['x'.repeat(2_000_000), 'y'], { today }).errors[0]!.code).toBe('too-long');
    expect(parseMrz(null as unknown as string).errors[0]!.code).toBe('empty');
    expect(parseMrz([1, {}] as unknown as string[]).errors[0]!.code).toBe('empty');
    expect(parseMrz(DOC9303_SPECIMENS.TD3, { today: new Date('invalid') }).valid).toBe(true);
  });
});

describe('generate → parse', () => {
  const word = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')), minLength: 1, maxLength: 6 }); // two names of two words fit the 30 characters of TD1
  const alnum = (min: number, max: number) =>
    fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')), minLength: min, maxLength: max });
  const countries = [...MRZ_COUNTRY_CODES];
  const day = (from: number, to: number) => fc.integer({ min: from, max: to }).map((t) => new Date(t).toISOString().slice(0, 10));
  const YEAR = 365.25 * 86_400_000;
  const fields = fc.record({
    format: fc.constantFrom(...MRZ_FORMATS),
    issuingState: fc.constantFrom(...countries),
    nationality: fc.constantFrom(...countries),
    documentNumber: alnum(1, 9),
    longTail: alnum(1, 4),
    long: fc.boolean(),
    practice: fc.constantFrom('whole', 'with-filler' as const),
    lastName: fc.array(word, { minLength: 1, maxLength: 2 }),
    firstNames: fc.array(word, { maxLength: 2 }),
    birthDate: day(today.getTime() - 99 * YEAR, today.getTime()),
    expiryDate: day(today.getTime() - 49 * YEAR, today.getTime() + 49 * YEAR),
    sex: fc.constantFrom('M', 'F', 'X' as const),
    optionalData: fc.option(alnum(1, 4), { nil: undefined }),
  });

  it('reads back what it wrote, in every format', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const long = f.long && (f.format === 'TD1' || f.format === 'TD2') && f.documentNumber.length === 9;
        const documentNumber = long ? f.documentNumber + f.longTail : f.documentNumber;
        const optionalData = long && f.format === 'TD2' ? undefined : f.optionalData;
        const input: MrzInputFields = {
          ...f,
          documentNumber,
          optionalData,
          lastName: f.lastName.join(' '),
          firstNames: f.firstNames.join(' '),
          longNumberPractice: f.practice,
        };
        const lines = generateMrz(input);
        const r = parseMrz(lines, { today });
        expect(r.errors).toEqual([]);
        expect(r.format).toBe(f.format);
        const v = (k: string) => r.fields[k]!.value;
        expect([v('documentNumber'), v('birthDate'), v('expiryDate'), v('sex'), v('issuingState'), v('nationality')]).toEqual([
          documentNumber,
          f.birthDate,
          f.expiryDate,
          f.sex,
          f.issuingState,
          f.nationality,
        ]);
        expect([v('lastName'), v('firstNames'), v('optionalData')]).toEqual([f.lastName.join(' '), f.firstNames.join(' '), optionalData ?? '']);
      }),
      { numRuns: 500 },
    );
  });
});
