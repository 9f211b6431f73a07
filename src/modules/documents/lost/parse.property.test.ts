// The report parser and number keys under arbitrary input: never a throw, every problem located on the line it came from.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDS, isProblem, ReportParser } from './parse.js';
import { splitCsv } from './csv.js';
import { cleanNumber, differences, skeleton } from './numbers.js';

const HEADER = FIELDS.join(',');
const cellChars = fc.constantFrom('A', 'z', '0', '9', ',', '"', ' ', '-', '<', '{', '}', ':', '\t', '\u0000', 'é', '\r');
const cell = fc.string({ unit: cellChars, maxLength: 12 });
const line = fc.oneof(
  fc.array(cell, { maxLength: 7 }).map((cells) => cells.join(',')),
  fc.string({ maxLength: 80 }),
  fc.dictionary(fc.constantFrom(...FIELDS, 'extra'), fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.constant(null))).map((o) => JSON.stringify(o)),
);

describe('report parser', () => {
  it('never throws; every answer is a report, a located problem or a blank line', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(line, { maxLength: 20 }), (withHeader, lines) => {
        const p = new ReportParser();
        const all = withHeader ? [HEADER, ...lines] : lines;
        all.forEach((text, i) => {
          const r = p.line(text, i + 1);
          if (r === null) return;
          if (isProblem(r)) {
            expect(r.line).toBe(i + 1);
            expect(r.column).toBeGreaterThanOrEqual(1);
            expect(r.column).toBeLessThanOrEqual(Math.max(text.length, 1) + 1);
            expect(r.detail.length).toBeGreaterThan(0);
          } else {
            expect(r.documentNumber).toMatch(/^[A-Z0-9]{1,30}$/);
            expect(r.country.key.length).toBeGreaterThan(0);
          }
        });
      }),
      { numRuns: 400 },
    );
  });

  it('reads back what it is given, quoted or not, in CSV and JSON lines', () => {
    const number = fc.stringMatching(/^[A-Z0-9]{1,12}$/);
    fc.assert(
      fc.property(number, fc.constantFrom('lost', 'stolen', 'revoked'), fc.boolean(), (n, status, quoted) => {
        const csv = new ReportParser();
        expect(csv.line(HEADER, 1)).toBeNull();
        const q = (s: string) => (quoted ? `"${s.replace(/"/g, '""')}"` : s);
        const r = csv.line([q('UTO'), q('P'), q(n), q(status), q('2025-01-31')].join(','), 2);
        expect(r).toMatchObject({ documentNumber: n, status, reportedOn: '2025-01-31', documentType: 'P' });
        const json = new ReportParser();
        expect(json.line(JSON.stringify({ issuingCountry: 'D', documentNumber: n, status }), 1)).toMatchObject({ documentNumber: n, status });
      }),
    );
  });

  it('splits CSV with quotes and reports unterminated ones', () => {
    expect(splitCsv('a,"b,""c""",d')).toEqual({
      cells: [
        { text: 'a', column: 1 },
        { text: 'b,"c"', column: 3 },
        { text: 'd', column: 13 },
      ],
    });
    expect(splitCsv('a,"b')).toEqual({ error: 'a quoted cell is not closed', column: 3 });
  });
});

describe('document number keys', () => {
  it('give OCR-confused readings and leading zeros the same skeleton, and name what differed', () => {
    expect(skeleton(cleanNumber('0O0-l2 B5')!)).toBe('1285');
    expect(skeleton('X00481527')).toBe(skeleton('XOO48I527'));
    expect(differences('X00481527', 'XO0481527')).toEqual([{ kind: 'ocr-confusion', position: 2, registered: '0', read: 'O' }]);
    expect(cleanNumber('ab<<12')).toBe('AB12');
    expect(cleanNumber('a$1')).toBeNull();
    expect(cleanNumber('---')).toBeNull();
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const c = cleanNumber(s);
        if (c !== null) {
          expect(skeleton(c)).toMatch(/^[A-Z0-9]+$/);
          expect(differences(c, c)).toEqual([]);
        }
      }),
    );
  });
});
