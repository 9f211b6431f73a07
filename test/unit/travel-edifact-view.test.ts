// The message view's segment splitter: one segment a line, numbered as the parser numbers them, findings placed by offset.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentAt, splitSegments } from '../../web/src/screens/travel/edifact.js';

const fixture = (name: string) => readFileSync(new URL(`../../src/modules/travel/fixtures/${name}.edi`, import.meta.url), 'utf8');

describe('splitting raw EDIFACT for display', () => {
  it('gives UNA no number and numbers the other segments from 0, as findings do', () => {
    const { segments } = splitSegments("UNA:+.? 'UNB+UNOA:4+X+Y'UNH+1+PAXLST'NAD+FL+++O?'BRIEN'UNT+3+1'");
    expect(segments.map((s) => [s.no, s.text])).toEqual([
      [null, "UNA:+.? '"],
      [0, "UNB+UNOA:4+X+Y'"],
      [1, "UNH+1+PAXLST'"],
      [2, "NAD+FL+++O?'BRIEN'"],
      [3, "UNT+3+1'"],
    ]);
  });

  it('splits several segments a line and custom separators, and skips empty segments and line breaks', () => {
    const several = splitSegments(fixture('dev-several-per-line')).segments;
    const lines = fixture('dev-mixed-case')
      .split(/\r?\n/)
      .filter((l) => l.trim()).length;
    expect(several.length).toBeGreaterThan(
      fixture('dev-several-per-line')
        .split('\n')
        .filter((l) => l.trim()).length,
    );
    expect(splitSegments(fixture('dev-mixed-case')).segments).toHaveLength(lines);
    const custom = splitSegments(fixture('dev-custom-separators')).segments;
    expect(custom[0]!.tag).toBe('UNA');
    expect(custom.every((s) => s.tag.length === 3)).toBe(true);
    expect(splitSegments("UNB+X''' UNH+1'\r\n").segments.map((s) => s.text)).toEqual(["UNB+X'", "UNH+1'"]);
  });

  it('finds the segment holding a finding offset (the wrong UNT count of dev-wrong-counts)', () => {
    const raw = fixture('dev-wrong-counts');
    const { segments } = splitSegments(raw);
    const unt = segmentAt(segments, raw.indexOf('UNT+'));
    expect(unt?.tag).toBe('UNT');
    expect(unt?.no).toBe(50);
  });

  it('never throws, and its segments are in order and inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: fc.constantFrom('U', 'N', 'A', 'B', "'", '?', '+', ':', ' ', '\n', 'x') }), (raw) => {
        const { segments } = splitSegments(raw);
        let last = -1;
        for (const s of segments) {
          expect(s.start).toBeGreaterThan(last);
          expect(s.end).toBeLessThanOrEqual(raw.length);
          expect(raw.slice(s.start, s.end).trim()).toBe(s.text);
          last = s.start;
        }
      }),
    );
  });
});
