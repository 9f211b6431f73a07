// Devanagari and Bengali romanisation: Hunterian with inherent-vowel deletion, ISO 15919 folded, Sanskrit style, totality.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicWord } from './indic.js';

const first = (w: string, s: 'devanagari' | 'bengali' = 'devanagari') => indicWord(w, s)[0];

describe('indicWord', () => {
  it('drops the inherent vowel at the word end after one consonant, keeps it after a cluster', () => {
    expect(first('मोदी')).toBe('modi');
    expect(first('राम')).toBe('ram');
    expect(first('नरेन्द्र')).toBe('narendra');
    expect(first('मोहम्मद')).toBe('mohammad');
    expect(indicWord('राम', 'devanagari')[3]).toBe('rama');
  });
  it('drops it inside a word between VC and CV in the first style only', () => {
    expect(indicWord('राजकुमार', 'devanagari').slice(0, 2)).toEqual(['rajkumar', 'rajakumar']);
    expect(first('রহমান', 'bengali')).toBe('rahman');
    expect(first('শামসুদ্দিন', 'bengali')).toBe('shamsuddin');
  });
  it('writes Hunterian letters, with the ISO 15919 ones as a variant', () => {
    expect(first('बच्चन')).toBe('bachchan');
    expect(indicWord('बच्चन', 'devanagari')[2]).toBe('baccan');
    expect(first('द्विवेदी')).toBe('dwivedi');
    expect(first('शाहरुख़')).toBe('shahrukh');
    expect(first('सिंह')).toBe('singh');
    expect(first('गांधी')).toBe('gandhi');
    expect(first('अम्बेडकर')).toBe('ambedkar');
  });
  it('reads Bengali with its own letters (ব b, initial য j, ৎ t)', () => {
    expect(first('যশোর', 'bengali')).toBe('jashor');
    expect(first('হাসিনা', 'bengali')).toBe('hasina');
    expect(first('বিপ্লব', 'bengali')).toBe('biplab');
    expect(first('ৎ', 'bengali')).toBe('t');
  });
  it('is total: lone signs, viramas and other characters never throw', () => {
    expect(indicWord('्', 'devanagari')[0]).toBe('');
    expect(indicWord('ंx', 'devanagari')[0]).toBe('x');
    const dev = fc.integer({ min: 0x0900, max: 0x097f }).map((c) => String.fromCodePoint(c));
    const ben = fc.integer({ min: 0x0980, max: 0x09ff }).map((c) => String.fromCodePoint(c));
    const word = (u: fc.Arbitrary<string>) =>
      fc.array(fc.oneof(u, u, u, fc.constantFrom('a', '\u200d', '\uD800')), { minLength: 1, maxLength: 16 }).map((a) => a.join(''));
    fc.assert(
      fc.property(
        fc.oneof(
          word(dev).map((w) => [w, 'devanagari'] as const),
          word(ben).map((w) => [w, 'bengali'] as const),
        ),
        ([w, s]) => {
          const out = indicWord(w, s);
          expect(out).toHaveLength(4);
          for (const v of out) expect(v.length).toBeLessThanOrEqual(w.length * 4 + 4);
          if (s === 'devanagari' && /^[\u0915-\u0939][\u093e-\u094c]?$/.test(w)) for (const v of out) expect(v).toMatch(/^[a-z]+$/);
        },
      ),
      { numRuns: 300 },
    );
  });
});
