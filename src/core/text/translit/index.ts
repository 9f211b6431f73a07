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

export { guessCyrillicLanguage, type CyrillicLanguage, type CyrillicSystem } from './cyrillic.js';
export type { ArabicStyle, ArmenianSystem, GeorgianSystem, GreekSystem };

export type RomanisationSystem = CyrillicSystem | GreekSystem | GeorgianSystem | ArmenianSystem | ArabicStyle | 'pinyin' | 'hebrew';

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
  for (const word of n.split(WORD_SPLIT)) {
    if (word === '' || word === "'") continue;
    const alts = alternatives(word, firstScript(word), ctx).map(clean);
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
    words.push(clean(w ?? alternatives(word, script, ctx)[0] ?? ''));
  }
  return latinTokens(words.join(' '));
}
