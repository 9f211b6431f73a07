// Text normalisation for matching: NFKC, full case folding, control/format stripping, punctuation and space unification.

const ASCII_PLAIN = /^[\x20-\x7e]*$/;
const ASCII_UPPER = /[A-Z]/;
/** Characters that are removed: format (ZWJ, ZWNJ, bidi marks, soft hyphen), private use, lone surrogates, tatweel. */
const STRIP = /[\p{Cf}\p{Co}\p{Cs}\u0640]/gu;
/** Control characters and every kind of white space become one space. */
const SPACES = /[\p{Cc}\p{Z}\s]+/gu;
const DASHES = /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D\u058A\u05BE\u1806\u2E3A\u2E3B]/g;
const APOSTROPHES = /[\u2018\u2019\u201A\u201B\u2032\u2035\u02B9\u02BB\u02BC\u02BD\u02BE\u02BF\u02C8\u0060\u00B4\uFF07\u055A\u05F3]/g;
const QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\u2036\u2039\u203A\u05F4\u300C\u300D]/g;
/** Full case folding beyond toLowerCase: sharp s, final sigma, and the few letters whose lower case is not their fold. */
const FOLD_EXTRA = /[ßςϐϑϕϖϰϱϵẞᲀ-ᲈ]/g;
const FOLD_MAP: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  ς: 'σ',
  ϐ: 'β',
  ϑ: 'θ',
  ϕ: 'φ',
  ϖ: 'π',
  ϰ: 'κ',
  ϱ: 'ρ',
  ϵ: 'ε',
  ᲀ: 'в',
  ᲁ: 'д',
  ᲂ: 'о',
  ᲃ: 'с',
  ᲄ: 'т',
  ᲅ: 'т',
  ᲆ: 'ъ',
  ᲇ: 'ѣ',
  ᲈ: 'ꙋ',
};
const foldChar = (c: string) => FOLD_MAP[c] ?? c;

/**
 * Normalises any text for comparison: NFKC, full case fold (ß → ss; Turkish İ → i, ı kept until diacritic folding),
 * strips control/format characters, unifies dashes, apostrophes and quotes, collapses white space. Total and idempotent.
 */
export function normaliseText(s: string): string {
  if (ASCII_PLAIN.test(s)) {
    const lower = ASCII_UPPER.test(s) ? s.toLowerCase() : s;
    return lower.replace(/`/g, "'").replace(/ {2,}/g, ' ').trim();
  }
  let t = s.replace(STRIP, '').replace(APOSTROPHES, "'").normalize('NFKC');
  t = t
    .replace(/İ/g, 'i')
    .toLowerCase()
    .replace(/i\u0307/g, 'i')
    .replace(FOLD_EXTRA, foldChar);
  t = t.replace(DASHES, '-').replace(APOSTROPHES, "'").replace(QUOTES, '"').replace(SPACES, ' ');
  // A second NFKC pass makes the result stable when stripping brought a base letter and a mark together.
  t = t.replace(STRIP, '').normalize('NFKC');
  return t.trim();
}

/** Single letters that do not decompose under NFD, folded to plain Latin. */
const PLAIN_LETTERS: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ı: 'i',
  þ: 'th',
  ß: 'ss',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'ng',
  ə: 'a',
  ɨ: 'i',
  ʉ: 'u',
  ɛ: 'e',
  ɔ: 'o',
  ƒ: 'f',
  ĸ: 'q',
  ŀ: 'l',
  ȸ: 'db',
  ȹ: 'qp',
  ɗ: 'd',
  ɓ: 'b',
  ƙ: 'k',
  ƴ: 'y',
  ʒ: 'z',
  ŉ: 'n',
};
const GERMAN: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** Latin letters with diacritics (Latin-1, Extended-A/B, Extended Additional) → plain ASCII, computed once at load. */
const LATIN_FOLD: Map<string, string> = (() => {
  const m = new Map<string, string>(Object.entries(PLAIN_LETTERS));
  const ranges: Array<[number, number]> = [
    [0x00c0, 0x024f],
    [0x1e00, 0x1eff],
  ];
  for (const [a, b] of ranges) {
    for (let cp = a; cp <= b; cp++) {
      const ch = String.fromCodePoint(cp).toLowerCase();
      if (m.has(ch)) continue;
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (base !== ch && /^[a-z]+$/.test(base)) m.set(ch, base);
    }
  }
  return m;
})();
// eslint-disable-next-line no-control-regex -- deliberate ranges
const NON_ASCII = /[^\x00-\x7f]/;
// eslint-disable-next-line no-misleading-character-class -- deliberate ranges
const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;
// eslint-disable-next-line no-misleading-character-class -- deliberate ranges
const MARKS_AFTER_LATIN = /([a-zA-Z])[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+/g;
const FOLDABLE = /[\u00c0-\u024f\u1e00-\u1eff\u0250-\u02af]/g;

export type FoldStyle = 'plain' | 'german';

/**
 * Folds Latin diacritics to ASCII: ä → a (or ae with style 'german'), ø → o, æ → ae, ł → l, đ → d, ı → i, and the
 * Vietnamese, Turkish, Polish, Czech and Romanian letters. Letters of other scripts are left as they are.
 */
export function foldDiacritics(s: string, style: FoldStyle = 'plain'): string {
  if (!NON_ASCII.test(s)) return s;
  let t = s;
  if (style === 'german') t = t.replace(/[äöüß]/g, (c) => GERMAN[c]!);
  t = t.replace(FOLDABLE, (c) => LATIN_FOLD.get(c) ?? LATIN_FOLD.get(c.toLowerCase()) ?? c);
  // Combining marks left over (decomposed input) are dropped only where they follow an ASCII letter.
  if (MARKS.test(t)) t = t.replace(MARKS_AFTER_LATIN, '$1');
  return t;
}

const TOKEN_SPLIT = /[^\p{L}\p{N}\p{M}']+/u;
const APOS = /'/g;

/** Splits text into normalised tokens: letters, digits and marks; apostrophes join (o'neill → oneill), all else splits. */
export function tokens(s: string): string[] {
  const n = normaliseText(s);
  if (n === '') return [];
  const out: string[] = [];
  for (const part of n.split(TOKEN_SPLIT)) {
    const t = part.includes("'") ? part.replace(APOS, '') : part;
    if (t !== '') out.push(t);
  }
  return out;
}
