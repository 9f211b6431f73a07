// Japanese kana romanisation: passport Hepburn, long vowels, oh spelling, Kunrei-shiki, katakana foreign names, totality.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kanaWord, kanaWordWith } from './japanese.js';

describe('kanaWord', () => {
  it('writes passport Hepburn first, then long vowels written out, the oh spelling and Kunrei-shiki', () => {
    expect(kanaWord('さとう')).toEqual(['sato', 'satou', 'satoh', 'sato', 'sato']);
    expect(kanaWord('おおの').slice(0, 3)).toEqual(['ono', 'oono', 'ohno']);
    expect(kanaWord('ゆうこ')[0]).toBe('yuko');
    expect(kanaWord('ちかつ')).toEqual(['chikatsu', 'chikatsu', 'chikatsu', 'tikatu', 'chikatsu']);
    expect(kanaWordWith('しょうへい', 'kunrei')).toBe('syohei');
    expect(kanaWordWith('じゅんいちろう', 'hepburn')).toBe('junichiro');
  });
  it('writes ん as m before b, m, p in passport Hepburn only', () => {
    expect(kanaWordWith('しんぶん', 'hepburn')).toBe('shimbun');
    expect(kanaWordWith('しんぶん', 'hepburn-long')).toBe('shinbun');
    expect(kanaWordWith('ほんま', 'hepburn')).toBe('homma');
    expect(kanaWordWith('けんじ', 'hepburn')).toBe('kenji');
  });
  it('doubles the consonant after small tsu (tch before ch in Hepburn)', () => {
    expect(kanaWordWith('はっとり', 'hepburn')).toBe('hattori');
    expect(kanaWordWith('いっちゃん', 'hepburn')).toBe('itchan');
    expect(kanaWordWith('いっちゃん', 'kunrei')).toBe('ittyan');
  });
  it('reads katakana the same as hiragana, with the long mark and foreign-sound combinations', () => {
    expect(kanaWordWith('サトウ', 'hepburn')).toBe('sato');
    expect(kanaWordWith('プーチン', 'hepburn')).toBe('puchin');
    expect(kanaWordWith('プーチン', 'hepburn-long')).toBe('puuchin');
    expect(kanaWordWith('ヴィクトル', 'hepburn')).toBe('vikutoru');
    expect(kanaWordWith('ファティマ', 'hepburn')).toBe('fatima');
    expect(kanaWordWith('ｻﾄｳ'.normalize('NFKC'), 'hepburn')).toBe('sato');
  });
  it('adds the foreign name without its final added vowel for katakana words', () => {
    expect(kanaWord('バラク')).toContain('barak');
    expect(kanaWord('ドナルド')).toContain('donarud');
    expect(kanaWord('オバマ').every((v) => v === 'obama')).toBe(true);
    expect(kanaWord('ばらく')).not.toContain('barak');
  });
  it('is total: stray small kana, marks, iteration marks and other scripts never throw', () => {
    expect(kanaWord('ッ')).toEqual(['', '', '', '', '']);
    expect(kanaWord('ゃ')[0]).toBe('ya');
    expect(kanaWord('すゞき'.normalize('NFKC'))[0]).toBe('suzuki');
    expect(kanaWord('abc')).toEqual(['abc']);
    const kana = fc.integer({ min: 0x3041, max: 0x30ff }).map((c) => String.fromCodePoint(c));
    const word = fc
      .array(fc.oneof(kana, kana, kana, fc.constantFrom('\u3099', '\u309a', 'ー', 'x', '漢', '\uDC00')), { minLength: 1, maxLength: 16 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(word, (w) => {
        const out = kanaWord(w);
        expect(out.length).toBeGreaterThanOrEqual(1);
        for (const v of out) expect(v.length).toBeLessThanOrEqual(w.length * 4 + 4);
        if (/^[\u3041-\u3094\u30a1-\u30f4]+$/u.test(w) && !/^[ぁぃぅぇぉゃゅょゎァィゥェォャュョヮっッ]/u.test(w))
          for (const v of out) expect(v).toMatch(/^[a-z]*$/);
      }),
      { numRuns: 300 },
    );
  });
});
