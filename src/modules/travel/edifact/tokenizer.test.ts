// Tokeniser tests: separators, release character, tolerated layout deviations as findings, limits as errors.
import { describe, expect, it } from 'vitest';
import { Report } from './report.js';
import { DEFAULT_LIMITS, tokenize } from './tokenizer.js';

function run(text: string, limits = DEFAULT_LIMITS) {
  const report = new Report(text);
  const tokens = tokenize(text, report, limits);
  report.close();
  return { ...tokens, findings: report.findings, errors: report.errors, codes: report.findings.map((f) => f.code) };
}

describe('tokenize', () => {
  it('splits segments, elements and components with the default separators', () => {
    const r = run("UNB+UNOA:4+SENDER+RECIP+261201:0930+REF1'UNH+1+PAXLST:D:05B:UN:IATA'UNT+2+1'UNZ+1+REF1'");
    expect(r.una).toBe(false);
    expect(r.segments.map((s) => s.tag)).toEqual(['UNB', 'UNH', 'UNT', 'UNZ']);
    expect(r.segments[1]!.elements).toEqual([['1'], ['PAXLST', 'D', '05B', 'UN', 'IATA']]);
    expect(r.segments[1]!.offset).toBe(41);
    expect(r.findings).toEqual([]);
  });

  it('honours the release character for every separator and for itself', () => {
    const r = run("UNA:+.? 'FTX+AAI+++A?+B?:C?'D??E'");
    expect(r.segments[0]!.elements[3]).toEqual(["A+B:C'D?E"]);
  });

  it('reads custom separators from UNA and reports them as a deviation', () => {
    const r = run('UNA>*,! ~UNB*UNOA>4*S*R~NAD*FL***O!*NEIL>JO!~HN~');
    expect(r.separators).toMatchObject({ component: '>', element: '*', decimal: ',', release: '!', segment: '~' });
    expect(r.segments[1]!.elements[3]).toEqual(['O*NEIL', 'JO~HN']);
    expect(r.codes).toEqual(['custom-separators']);
  });

  it('treats a space as "no release character" in UNA', () => {
    const r = run("UNA:+.  'FTX+A?B'");
    expect(r.separators.release).toBeNull();
    expect(r.segments[0]!.elements[0]).toEqual(['A?B']);
  });

  it('recognises level B information separators after UNB', () => {
    const r = run('UNB\x1dUNOB\x1f4\x1dS\x1dR\x1cUNH\x1d1\x1dPAXLST\x1fD\x1c');
    expect(r.segments.map((s) => s.tag)).toEqual(['UNB', 'UNH']);
    expect(r.segments[1]!.elements[1]).toEqual(['PAXLST', 'D']);
  });

  it('rejects a UNA whose separators are not distinct, naming the offset', () => {
    const r = run("UNA::.? 'UNB+X'");
    expect(r.errors).toEqual([expect.objectContaining({ code: 'bad-una', tag: 'UNA', element: 1, offset: 3 })]);
    expect(r.segments).toEqual([]);
  });

  it('reports several segments on a line only when the file is laid out one segment per line', () => {
    expect(run("UNB+A'UNH+1'UNT+2+1'UNZ+1'").codes).toEqual([]);
    const r = run("UNB+A'\nUNH+1'BGM+745'\nUNT+3+1'\nUNZ+1'\n");
    expect(r.codes).toEqual(['several-segments-per-line']);
    expect(r.findings[0]).toMatchObject({ segment: 2, tag: 'BGM', offset: 13 });
  });

  it('strips leading spaces, upper-cases lower-case tags and skips empty segments, each as a finding', () => {
    const r = run("UNB+A'\n  UNH+1'\nbgm+745''\nUNT+3+1'");
    expect(r.segments.map((s) => s.tag)).toEqual(['UNB', 'UNH', 'BGM', 'UNT']);
    expect(r.codes.sort()).toEqual(['empty-segment', 'leading-whitespace', 'lowercase-tag']);
  });

  it('does not take trailing spaces at the end of a line for leading ones', () => {
    expect(run("UNB+A'  \r\nUNH+1'\t\nUNZ+1'").codes).toEqual([]);
  });

  it('ignores junk after UNZ and before the header, as findings', () => {
    const r = run("ZCZC QU VIEXXOS\nUNB+A'UNZ+0+A'\n13Nov26 END\n");
    expect(r.segments.map((s) => s.tag)).toEqual(['UNB', 'UNZ']);
    expect(r.codes).toEqual(['junk-before-header', 'junk-after-trailer']);
    expect(r.findings[1]!.offset).toBe(31);
  });

  it('removes line breaks inside a segment and ends a segment whose terminator is missing before a known tag', () => {
    const r = run("UNB+A'\r\nNAD+FL+++SPECI\r\nMEN:JOHN'\r\nNAT+2+GBR\r\nDOC+P+X1'\r\n");
    expect(r.segments.map((s) => s.tag)).toEqual(['UNB', 'NAD', 'NAT', 'DOC']);
    expect(r.segments[1]!.elements[3]).toEqual(['SPECIMEN', 'JOHN']);
    expect(r.segments[2]!.elements).toEqual([['2'], ['GBR']]);
    expect(r.codes.sort()).toEqual(['line-break-in-segment', 'missing-terminator']);
  });

  it('reports a missing final terminator and a dangling release character', () => {
    expect(run("UNB+A'UNZ+1+A").codes).toEqual(['missing-final-terminator']);
    const r = run("UNB+A'\nUNZ+1+A\r\n");
    expect(r.codes).toEqual(['missing-final-terminator']);
    expect(r.segments[1]!.elements).toEqual([['1'], ['A']]);
    expect(run("UNB+A'FTX+AB?").codes).toContain('dangling-release');
  });

  it('returns errors instead of throwing when limits are exceeded or the input is not EDIFACT', () => {
    expect(run('x'.repeat(50), { ...DEFAULT_LIMITS, maxChars: 10 }).errors[0]!.code).toBe('too-large');
    expect(run("UNB+A'UNH+1'BGM+1'", { ...DEFAULT_LIMITS, maxSegments: 2 }).errors[0]).toMatchObject({ code: 'too-many-segments', segment: 2 });
    expect(run(`UNB+A'FTX${'+a'.repeat(200)}'`).errors[0]).toMatchObject({ code: 'too-large-segment', segment: 1, tag: 'FTX' });
    expect(run('hello world').errors[0]!.code).toBe('no-interchange');
  });

  it('says nothing of the line a too-large segment started on (it is not kept)', () => {
    const r = run(`UNB+UNOA:4+X+Y'\nUNH+1+PAXLST'BGM+745+${'A'.repeat(100)}'UNT+2+1'`, { ...DEFAULT_LIMITS, maxSegmentChars: 61 });
    expect(r.errors[0]).toMatchObject({ code: 'too-large-segment', segment: 2, tag: 'BGM' });
    expect(r.codes).not.toContain('several-segments-per-line');
  });

  it('gives byte offsets for non-ASCII input', () => {
    const r = run("UNB+Ä'\nUNH+1'BGM+745'\nUNZ+1'");
    expect(r.findings[0]).toMatchObject({ code: 'several-segments-per-line', offset: 14 });
  });

  it('caps the findings of one code and counts the rest', () => {
    const r = run(`UNB+A'${"'".repeat(40)}UNZ+1'`);
    const empties = r.findings.filter((f) => f.code === 'empty-segment');
    expect(empties).toHaveLength(26);
    expect(empties.at(-1)!.detail).toMatch(/^15 more not listed \(40 in all\)/);
  });
});
