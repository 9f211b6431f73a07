// Transliteration to Latin: the several romanisations a name really has, ranked and bounded, for any input script.
import { foldDiacritics, normaliseText } from '../normalise.js';
import { firstScript, isLatin, type ScriptName } from '../scripts.js';
import { arabicStyles, arabicWord, type ArabicStyle } from './arabic.js';
import { armenianWord, armenianWordWith, ARMENIAN_SYSTEMS, type ArmenianSystem } from './armenian.js';
import { chineseWord } from './chinese.js';
import { cyrillicWord, cyrillicWordWith, CYRILLIC_SYSTEMS, guessCyrillicLanguage, type CyrillicLanguage, type CyrillicSystem } from './cyrillic.js';
import { georgianWord, georgianWordWith, GEORGIAN_SYSTEMS, type GeorgianSystem } from './georgian.js';
import { greekWord, greekWordWith, GREEK_SYSTEMS, type GreekSystem } from './greek.js';
import { hebrewWord } from './hebrew.js';
import { indicWord } from './indic.js';
import { kanaWord, kanaWordWith, KANA_SYSTEMS, type KanaSystem } from './japanese.js';
import { koreanName, koreanWordWith, KOREAN_SYSTEMS, type KoreanSystem } from './korean.js';

export { guessCyrillicLanguage, type CyrillicLanguage, type CyrillicSystem } from './cyrillic.js';
export { wadeGilesToPinyin } from './wade-giles.js';
export type { ArabicStyle, ArmenianSystem, GeorgianSystem, GreekSystem, KanaSystem, KoreanSystem };

export type RomanisationSystem = CyrillicSystem | GreekSystem | GeorgianSystem | ArmenianSystem | ArabicStyle | KoreanSystem | KanaSystem | 'pinyin' | 'hebrew';

export interface RomaniseOptions {
  /** The language of Cyrillic text when known (otherwise guessed from its letters). */
  language?: CyrillicLanguage;
  /** At most this many variants (default and ceiling 8). */
  max?: number;
}

export const MAX_VARIANTS = 8;
const WORD_SPLIT = /[^\p{L}\p{N}\p{M}']+/u;
const APOS = /'/g;
const SPACES = / {2,}/g;

interface Context {
  lang: CyrillicLanguage;
  styles: ArabicStyle[];
}

function alternatives(word: string, script: ScriptName | undefined, ctx: Context): string[] {
  switch (script) {
    case 'Cyrillic':
      return cyrillicWord(word, ctx.lang);
    case 'Greek':
      return greekWord(word);
    case 'Georgian':
      return georgianWord(word);
    case 'Armenian':
      return armenianWord(word);
    case 'Hebrew':
      return hebrewWord(word);
    case 'Arabic':
      return arabicWord(word, ctx.styles);
    case 'Han':
      return chineseWord(word);
    case 'Kana':
      return kanaWord(word);
    case 'Hangul':
      return koreanName([word]);
    case 'Devanagari':
      return indicWord(word, 'devanagari');
    case 'Bengali':
      return indicWord(word, 'bengali');
    default:
      return [word];
  }
}

/** Latin output of a transliterator: diacritics folded, apostrophes dropped, single spaces. */
const clean = (s: string) => foldDiacritics(s).replace(APOS, '').replace(SPACES, ' ').trim();

/** Latin text: its tokens joined by single spaces. */
function latinTokens(s: string): string {
  const parts = s.split(WORD_SPLIT);
  let out = '';
  for (const p of parts) {
    const t = p.includes("'") ? p.replace(APOS, '') : p;
    if (t !== '') out = out === '' ? t : `${out} ${t}`;
  }
  return out;
}

/**
 * The romanisations of a name, most common first, distinct and at most 8: lower case, diacritics folded, tokens joined by
 * single spaces. Latin input gives itself (and its German-style folding when that differs: müller → muller, mueller).
 * Words are combined system by system (the nth variant takes each word's nth spelling), never as a cartesian product.
 */
export function romanise(s: string, options: RomaniseOptions = {}): string[] {
  const max = Math.max(1, Math.min(MAX_VARIANTS, options.max ?? MAX_VARIANTS));
  const n = normaliseText(s);
  if (isLatin(n)) {
    const plain = latinTokens(foldDiacritics(n));
    const german = latinTokens(foldDiacritics(n, 'german'));
    return plain === german || max === 1 ? [plain] : [plain, german];
  }
  const ctx: Context = { lang: options.language ?? guessCyrillicLanguage(n), styles: arabicStyles(n) };
  const perWord: string[][] = [];
  let longest = 1;
  const words = n.split(WORD_SPLIT).filter((w) => w !== '' && w !== "'");
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const script = firstScript(word);
    let alts: string[];
    if (script === 'Hangul') {
      // A Korean name's words (김 경민, 남궁 민) are read together: the first is the surname.
      let end = i + 1;
      while (end < words.length && firstScript(words[end]!) === 'Hangul') end++;
      alts = koreanName(words.slice(i, end), max).map(clean);
      i = end - 1;
    } else alts = alternatives(word, script, ctx).map(clean);
    perWord.push(alts.length ? alts : ['']);
    longest = Math.max(longest, alts.length);
  }
  const out = new Set<string>();
  for (let j = 0; j < longest && out.size < max; j++) {
    const v = latinTokens(perWord.map((alts) => alts[Math.min(j, alts.length - 1)]!).join(' '));
    out.add(v);
  }
  return [...out];
}

const isOf = <T extends string>(list: readonly T[], s: string): s is T => (list as readonly string[]).includes(s);

/** The romanisation of a name by one system (words of other scripts get their first, most common spelling). */
export function romaniseWith(s: string, system: RomanisationSystem, options: Pick<RomaniseOptions, 'language'> = {}): string {
  const n = normaliseText(s);
  if (isLatin(n)) return latinTokens(foldDiacritics(n));
  const ctx: Context = { lang: options.language ?? guessCyrillicLanguage(n), styles: arabicStyles(n) };
  const words: string[] = [];
  for (const word of n.split(WORD_SPLIT)) {
    if (word === '' || word === "'") continue;
    const script = firstScript(word);
    let w: string | undefined;
    if (script === 'Cyrillic' && isOf(CYRILLIC_SYSTEMS, system)) w = cyrillicWordWith(word, ctx.lang, system);
    else if (script === 'Greek' && isOf(GREEK_SYSTEMS, system)) w = greekWordWith(word, system);
    else if (script === 'Georgian' && isOf(GEORGIAN_SYSTEMS, system)) w = georgianWordWith(word, system);
    else if (script === 'Armenian' && isOf(ARMENIAN_SYSTEMS, system)) w = armenianWordWith(word, system);
    else if (script === 'Arabic' && isOf(['common', 'french', 'egyptian', 'persian'] as const, system)) w = arabicWord(word, [system])[0];
    else if (script === 'Hangul' && isOf(KOREAN_SYSTEMS, system)) w = koreanWordWith(word, system);
    else if (script === 'Kana' && isOf(KANA_SYSTEMS, system)) w = kanaWordWith(word, system);
    words.push(clean(w ?? alternatives(word, script, ctx)[0] ?? ''));
  }
  return latinTokens(words.join(' '));
}
