// Wade–Giles → Pinyin: syllable readings, whole names, and names that must be left alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPinyinSyllable, isWadeGilesSyllable, MAX_WADE_GILES_VARIANTS, wadeGilesSyllable, wadeGilesToPinyin } from './wade-giles.js';

describe('wadeGilesSyllable', () => {
  it('reads the Wade–Giles spellings that differ from Pinyin', () => {
    expect(wadeGilesSyllable('hsi')).toEqual(['xi']);
    expect(wadeGilesSyllable('chih')).toEqual(['zhi', 'chi']);
    expect(wadeGilesSyllable('tzu')).toEqual(['zi', 'ci']);
    expect(wadeGilesSyllable('ssu')).toEqual(['si']);
    expect(wadeGilesSyllable('szu')).toEqual(['si']);
    expect(wadeGilesSyllable('jen')).toEqual(['ren']);
    expect(wadeGilesSyllable('erh')).toEqual(['er']);
    expect(wadeGilesSyllable('yeh')).toEqual(['ye']);
    expect(wadeGilesSyllable('yen')).toEqual(['yan']);
    expect(wadeGilesSyllable('kuei')).toEqual(['gui', 'kui']);
    expect(wadeGilesSyllable('hsueh')).toEqual(['xue']);
    expect(wadeGilesSyllable('tung')).toEqual(['dong', 'tong']);
    expect(wadeGilesSyllable('ko')).toEqual(['ge', 'ke']);
    expect(wadeGilesSyllable('lo')).toEqual(['luo']);
  });
  it('reads an unmarked consonant as unaspirated first, and keeps only the aspirated reading after an apostrophe', () => {
    expect(wadeGilesSyllable('ching')).toEqual(['jing', 'qing']);
    expect(wadeGilesSyllable("ch'ing")).toEqual(['qing']);
    expect(wadeGilesSyllable("p'ing")).toEqual(['ping']);
    expect(wadeGilesSyllable('ping')).toEqual(['bing', 'ping']);
  });
  it('knows which spellings are syllables of each system', () => {
    expect(isWadeGilesSyllable('hsiang')).toBe(true);
    expect(isWadeGilesSyllable('xiang')).toBe(false);
    expect(isPinyinSyllable('xiang')).toBe(true);
    expect(isPinyinSyllable('hsiang')).toBe(false);
    expect(wadeGilesSyllable('smith')).toEqual([]);
  });
});

describe('wadeGilesToPinyin', () => {
  it('gives the Pinyin spelling of Wade–Giles names, hyphenated given names written as one word', () => {
    expect(wadeGilesToPinyin('Hsi Chin-ping')).toContain('xi jinping');
    expect(wadeGilesToPinyin('Mao Tse-tung')[0]).toBe('mao zedong');
    expect(wadeGilesToPinyin('Teng Hsiao-ping')).toContain('deng xiaoping');
    expect(wadeGilesToPinyin('Chou En-lai')).toEqual(['zhou enlai']);
    expect(wadeGilesToPinyin('Chiang Ching-kuo')[0]).toBe('jiang jingguo');
    expect(wadeGilesToPinyin('Liu Shao-chi')).toContain('liu shaoqi');
    expect(wadeGilesToPinyin('Lu Hsun')).toEqual(['lu xun']);
    expect(wadeGilesToPinyin('HU SHIH')).toEqual(['hu shi']);
    expect(wadeGilesToPinyin('Hsi Chinping')).toContain('xi jinping');
  });
  it('follows aspiration apostrophes and umlauts when they are written', () => {
    expect(wadeGilesToPinyin('Ch’en Shui-pien')).toEqual(['chen shuibian', 'chen shuipian']);
    expect(wadeGilesToPinyin('Hsü Hsiang-ch’ien')).toEqual(['xu xiangqian']);
  });
  it('leaves alone names that are not Wade–Giles or do not show it', () => {
    for (const name of [
      'Li Peng',
      'Dan Tan',
      'John Smith',
      'Kim Yong-chol',
      'Chiang Kai-shek',
      'Jan Ko',
      'Xi Jinping',
      'Hsinhua',
      'Lee Kuan Yew',
      'Ho Chi Minh',
    ])
      expect(wadeGilesToPinyin(name), name).toEqual([]);
  });
  it('is total and bounded, and gives plain Latin words only', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('Chang Chih-chung', 'chih-chih chih-chih chih chih', "ch'-'-")), (s) => {
        const out = wadeGilesToPinyin(s);
        expect(out.length).toBeLessThanOrEqual(MAX_WADE_GILES_VARIANTS);
        for (const v of out) expect(v).toMatch(/^[a-z]+( [a-z]+)*$/);
      }),
      { numRuns: 300 },
    );
  });
});
