// Korean romanisation: RR and McCune–Reischauer from the syllable's jamo, DPRK list spellings, surname conventions, totality.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { koreanName, koreanWordWith } from './korean.js';

describe('koreanName', () => {
  it('writes DPRK names as UN and OFAC lists do (MR without breves, split syllables)', () => {
    // UN KPi.045 KIM KYONG OK, KPi.026 RI MAN GON, KPi.018 JON MYONG GUK, KPi.034 JO YONG CHOL, KPi.054 CHOE CHUN YONG.
    expect(koreanName(['김경옥'])[0]).toBe('kim kyong ok');
    expect(koreanName(['리만건'])[0]).toBe('ri man gon');
    expect(koreanName(['전명국'])).toContain('jon myong guk');
    expect(koreanName(['조용철'])).toContain('jo yong chol');
    expect(koreanName(['조용철'])).toContain('cho yong chol');
    expect(koreanName(['최춘영'])[0]).toBe('choe chun yong');
    expect(koreanName(['김정은'])).toContain('kim jong un');
  });
  it('gives Revised Romanization with the usual surname spellings', () => {
    expect(koreanName(['김경민'])).toEqual(expect.arrayContaining(['kim kyong min', 'kim gyeongmin', 'gim gyeongmin', 'kim kyongmin']));
    expect(koreanName(['박근혜'])).toEqual(expect.arrayContaining(['park geunhye', 'pak kun hye', 'bak geunhye']));
    expect(koreanName(['이재명'])).toEqual(expect.arrayContaining(['lee jaemyeong', 'ri jae myong', 'yi jaemyeong']));
    expect(koreanName(['최룡해'])).toEqual(expect.arrayContaining(['choe ryong hae', 'choi ryonghae']));
  });
  it('reads the first word, or a two-syllable surname, as the surname', () => {
    expect(koreanName(['김', '경민'])[0]).toBe('kim kyong min');
    expect(koreanName(['남궁민'])[0]).toBe('namgung min');
    expect(koreanName(['황보', '관'])[0]).toBe('hwangbo kwan');
  });
  it('voices plain consonants inside a word in MR only, and writes ㄹㄹ as ll', () => {
    expect(koreanWordWith('한국', 'mr')).toBe('hanguk');
    expect(koreanWordWith('부산', 'mr')).toBe('pusan');
    expect(koreanWordWith('부산', 'rr')).toBe('busan');
    expect(koreanWordWith('일리', 'rr')).toBe('illi');
    expect(koreanWordWith('천리마', 'mr')).toBe('chonrima');
  });
  it('romanises lone jamo and keeps other characters', () => {
    expect(koreanName(['ㄱ'.normalize('NFKC')])).toEqual(['g']);
    expect(koreanName([])).toEqual(['']);
  });
  it('is total and bounded on any Hangul syllables, jamo and stray characters', () => {
    const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCodePoint(c));
    const jamo = fc.integer({ min: 0x1100, max: 0x11ff }).map((c) => String.fromCodePoint(c));
    const word = fc
      .array(fc.oneof(syllable, syllable, jamo, fc.constantFrom('\u0301', 'a', '1', '\uD800')), { minLength: 1, maxLength: 12 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), (words) => {
        const out = koreanName(words);
        expect(out.length).toBeGreaterThanOrEqual(1);
        expect(out.length).toBeLessThanOrEqual(8);
        expect(new Set(out).size).toBe(out.length);
        const chars = words.reduce((n, w) => n + w.length, 0);
        for (const v of out) expect(v.length).toBeLessThanOrEqual(chars * 8 + words.length);
        // Precomposed syllables come out as ASCII letters only.
        if (words.every((w) => /^[\uac00-\ud7a3]+$/.test(w))) for (const v of out) expect(v).toMatch(/^[a-z ]+$/);
      }),
      { numRuns: 300 },
    );
  });
});
