// The readers' value helpers against the plain forms they replaced (kept below as the reference): the same value and the
// same finding for codes, names and upper-casing, on ASCII, non-ASCII, blank and lower-case input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { code, name, sexCode, type ReadContext } from './build.js';
import { Report } from './report.js';
import { tokenize } from './tokenizer.js';
import { upper } from './values.js';

const unit = fc.oneof(
  fc.constantFrom('A', 'Z', 'a', 'z', '0', '9', ' ', '  ', '\t', '\n', '-', "'", '+', ':', '?', 'ä', 'ß', 'ﬀ', 'ı', '\u00a0', '\u2028', '\ufeff', '٣'),
  fc.string({ maxLength: 2 }),
);
const value = fc.array(unit, { maxLength: 12 }).map((parts) => parts.join(''));
/** `v` written as an EDIFACT component: separators and the release character released. */
const escape = (v: string) => v.replace(/[?'+:]/g, (c) => `?${c}`);

/** The one data segment of a small interchange holding `v` as component 1 of element 4, and a context to read it in. */
function read(v: string) {
  const text = `UNH+1+PAXLST'NAD+FL+++${escape(v)}:GIVEN'`;
  const report = new Report(text);
  const seg = tokenize(text, report).segments[1]!;
  const ctx: ReadContext = { report, referenceYear: 2026 };
  return { seg, ctx, report };
}

describe('value helpers against the reference', () => {
  it('upper-cases as String.prototype.toUpperCase does', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(upper(v)).toBe(v.toUpperCase());
        expect(sexCode(v)).toBe(referenceSexCode(v));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads codes and names with the same values and findings', () => {
    fc.assert(
      fc.property(value, (v) => {
        const fast = read(v);
        const reference = read(v);
        expect(fast.seg.raw(4)).toBe(v.replace(/[\r\n]/g, '')); // layout line breaks are not data
        expect(code(fast.ctx, fast.seg, 4)).toBe(referenceCode(reference.ctx, reference.seg.offset, reference.seg.elements[3]![0]!.trim(), 4));
        expect(name(fast.ctx, fast.seg, fast.seg.raw(4)!)).toBe(referenceName(reference.ctx, reference.seg.offset, reference.seg.elements[3]![0]!));
        fast.report.close();
        reference.report.close();
        expect(fast.report.findings).toEqual(reference.report.findings);
      }),
      { numRuns: 3000 },
    );
  });
});

// ---- The reference: the previous helpers, reading a value already taken from the segment. ----

function referenceCode(ctx: ReadContext, offset: number, v: string, e: number): string {
  const u = v.toUpperCase();
  if (u !== v) ctx.report.finding('lowercase-value', 1, 'NAD', offset, `"${v}" in element ${e} is not upper case`);
  return u;
}

function referenceName(ctx: ReadContext, offset: number, value: string): string {
  const v = value.includes('  ') || value.includes('\t') ? value.replace(/\s+/g, ' ').trim() : value.trim();
  const u = v.toUpperCase();
  if (u !== v) ctx.report.finding('mixed-case-name', 1, 'NAD', offset, 'a name is not in upper case');
  return u;
}

function referenceSexCode(v: string): 'M' | 'F' | 'X' | 'U' | null {
  const s = v.toUpperCase();
  if (s === 'M' || s === 'MI') return 'M';
  if (s === 'F' || s === 'FI') return 'F';
  if (s === 'X') return 'X';
  if (s === 'U') return 'U';
  return null;
}
