// Wade–Giles → Hanyu Pinyin for Chinese names written in Latin script (Hsi Chin-ping → xi jinping, Mao Tse-tung → mao zedong).
// The syllable table is derived from the Pinyin syllable inventory by the published correspondence rules of the two systems.
import { foldDiacritics, normaliseText } from '../normalise.js';

/** Pinyin finals each initial takes ('' is the zero initial, whose syllables are written with y and w). */
const INVENTORY: Readonly<Record<string, string>> = {
  '': 'a o e ai ei ao ou an en ang eng er yi ya yo ye yao you yan yin yang ying yong wu wa wo wai wei wan wen wang weng yu yue yuan yun',
  b: 'a o ai ei ao an en ang eng i ie iao ian in ing u',
  p: 'a o ai ei ao ou an en ang eng i ie iao ian in ing u',
  m: 'a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u',
  f: 'a o ei ou an en ang eng u',
  d: 'a e ai ei ao ou an en ang eng ong i ia ie iao iu ian ing u uo ui uan un',
  t: 'a e ai ao ou an ang eng ong i ie iao ian ing u uo ui uan un',
  n: 'a e ai ei ao ou an en ang eng ong i ie iao iu ian in iang ing u uo uan v ve',
  l: 'a e ai ei ao ou an ang eng ong i ia ie iao iu ian in iang ing u uo uan un v ve',
  g: 'a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang',
  k: 'a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang',
  h: 'a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang',
  j: 'i ia iao ie iu ian in iang ing iong u ue uan un',
  q: 'i ia iao ie iu ian in iang ing iong u ue uan un',
  x: 'i ia iao ie iu ian in iang ing iong u ue uan un',
  zh: 'a e ai ei ao ou an en ang eng ong i u ua uo uai ui uan un uang',
  ch: 'a e ai ao ou an en ang eng ong i u ua uo uai ui uan un uang',
  sh: 'a e ai ei ao ou an en ang eng i u ua uo uai ui uan un uang',
  r: 'e ao ou an en ang eng ong i u ua uo ui uan un',
  z: 'a e ai ei ao ou an en ang eng ong i u uo ui uan un',
  c: 'a e ai ao ou an en ang eng ong i u uo ui uan un',
  s: 'a e ai ao ou an en ang eng ong i u uo ui uan un',
};

/** Wade–Giles initials (aspiration is the apostrophe, which lists and passports mostly leave out). */
const INITIAL: Readonly<Record<string, string>> = {
  b: 'p',
  p: "p'",
  d: 't',
  t: "t'",
  g: 'k',
  k: "k'",
  j: 'ch',
  q: "ch'",
  x: 'hs',
  zh: 'ch',
  ch: "ch'",
  sh: 'sh',
  r: 'j',
  z: 'ts',
  c: "ts'",
  s: 's',
};
const ASPIRATED = new Set(['p', 't', 'k', 'q', 'ch', 'c']);
const SIBILANT = new Set(['z', 'c', 's']);
const RETROFLEX = new Set(['zh', 'ch', 'sh', 'r']);
const PALATAL = new Set(['j', 'q', 'x']);
/** Zero-initial syllables that Wade–Giles writes otherwise. */
const ZERO: Readonly<Record<string, string[]>> = {
  e: ['o', 'e'],
  er: ['erh'],
  yi: ['i', 'yi'],
  ye: ['yeh'],
  yan: ['yen'],
  yong: ['yung'],
  you: ['yu'],
  yu: ['yü'],
  yue: ['yüeh'],
  yuan: ['yüan'],
  yun: ['yün'],
};

/** The Wade–Giles spellings of a Pinyin syllable (initial + final; v is ü), apostrophes and umlauts included. */
function toWadeGiles(initial: string, final: string): string[] {
  if (initial === '') return ZERO[final] ?? [final];
  const wi = INITIAL[initial] ?? initial;
  if (final === 'i' && SIBILANT.has(initial)) return initial === 's' ? ['ssu', 'szu'] : [initial === 'z' ? 'tzu' : "tz'u"];
  if (final === 'i' && RETROFLEX.has(initial)) return [`${wi}ih`];
  let f = final.replace(/v/g, 'ü');
  if (PALATAL.has(initial)) f = f.replace(/^u/, 'ü');
  if (f === 'e') f = initial === 'g' || initial === 'k' || initial === 'h' ? 'o' : 'ê';
  else if (f === 'uo' && !['g', 'k', 'h', 'sh'].includes(initial)) f = 'o';
  else if (f === 'ui' && (initial === 'g' || initial === 'k')) f = 'uei';
  else
    f = f
      .replace(/^(i|ü)e$/, '$1eh')
      .replace(/^ian$/, 'ien')
      .replace(/ong$/, 'ung')
      .replace(/^en(g?)$/, 'ên$1');
  return [wi + f];
}

interface Reading {
  pinyin: string;
  /** 0: as written; 1: read with an aspiration mark left out; 2: read with an umlaut left out as well. */
  rank: number;
}

/** Wade–Giles syllable as lists write it (no apostrophe, no umlaut, ê as e) → its Pinyin readings, best first. */
const READINGS: ReadonlyMap<string, readonly Reading[]> = (() => {
  const m = new Map<string, Reading[]>();
  for (const [initial, finals] of Object.entries(INVENTORY))
    for (const final of finals.split(' ')) {
      const pinyin = (initial + final).replace(/v/g, 'u');
      for (const wg of toWadeGiles(initial, final)) {
        const folded = foldDiacritics(wg.replace(/'/g, ''));
        const rank = (ASPIRATED.has(initial) ? 1 : 0) + (/ü/.test(wg) ? 2 : 0);
        const list = m.get(folded) ?? [];
        if (!list.some((r) => r.pinyin === pinyin)) list.push({ pinyin, rank });
        m.set(folded, list);
      }
    }
  for (const list of m.values()) list.sort((a, b) => a.rank - b.rank);
  return m;
})();

/** Pinyin syllables without tones, ü written u (as in names). */
const PINYIN: ReadonlySet<string> = new Set(
  Object.entries(INVENTORY).flatMap(([initial, finals]) => finals.split(' ').map((f) => (initial + f).replace(/v/g, 'u'))),
);

/** True when `s` is one Wade–Giles syllable as names write it (no apostrophes, no umlauts). */
export const isWadeGilesSyllable = (s: string): boolean => READINGS.has(s);
/** True when `s` is one Pinyin syllable without tone marks. */
export const isPinyinSyllable = (s: string): boolean => PINYIN.has(s);

/** The Pinyin readings of one Wade–Giles syllable, best first (an apostrophe after the initial keeps the aspirated ones). */
export function wadeGilesSyllable(written: string): string[] {
  const list = READINGS.get(written.replace(/'/g, ''));
  if (!list) return [];
  const kept = written.includes("'") ? list.filter((r) => r.rank % 2 === 1) : list;
  return (kept.length ? kept : list).map((r) => r.pinyin);
}

/** A word written without hyphens read as 1 or 2 Wade–Giles syllables, longest syllables first (chinping → chin ping). */
function segment(word: string, acc: string[] = []): string[] | undefined {
  if (word === '') return acc;
  if (acc.length === 2) return undefined;
  for (let n = Math.min(6, word.length); n >= 1; n--) {
    const s = word.slice(0, n);
    const found = READINGS.has(s) ? segment(word.slice(n), [...acc, s]) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** Wade–Giles-only syllables common in Western or Korean names: they do not show a name is Wade–Giles (Jan Ko, Jang Su). */
const WESTERN = new Set(['jan', 'jang']);

/** Most Pinyin spellings given for one name. */
export const MAX_WADE_GILES_VARIANTS = 8;
/** Most words and syllables a name read as Wade–Giles may have (Chinese names have 2–4 syllables). */
const MAX_WORDS = 4;
const MAX_SYLLABLES = 6;

/**
 * The Hanyu Pinyin spellings of a Latin-script personal name when it reads as Wade–Giles (or Taiwanese passport
 * spelling), best first, at most 8; empty otherwise. Every word must read as Wade–Giles syllables (a hyphenated given
 * name a syllable per part), and the name must show it is Wade–Giles: a syllable Pinyin does not have (hsi, tse, chih,
 * tung), an aspiration apostrophe or a hyphenated given name. Hyphenated parts are written as one word in Pinyin.
 */
export function wadeGilesToPinyin(name: string): string[] {
  const words = foldDiacritics(normaliseText(name))
    .split(/[\s,]+/)
    .filter((w) => w !== '');
  if (words.length < 2 || words.length > MAX_WORDS) return [];
  let marked = false;
  let syllables = 0;
  // Per word, the readings of each of its syllables (one list per syllable).
  const perWord: string[][][] = [];
  for (const word of words) {
    const parts = word.split('-').filter((p) => p !== '');
    if (parts.length === 0 || parts.length > 3) return [];
    if (parts.length > 1) marked = true;
    // The word's syllables as written: an unhyphenated word split (chinping → chin ping), else one per part.
    const written = parts.length === 1 && !parts[0]!.includes("'") ? segment(parts[0]!) : parts.map((p) => (/^[a-z]+'?[a-z]*$/.test(p) ? p : ''));
    const readings = written?.map((syllable) => wadeGilesSyllable(syllable));
    if (!readings || readings.some((r) => r.length === 0)) return [];
    if (word.includes("'")) marked = true;
    // A syllable Pinyin lacks shows the name is Wade–Giles (Li Peng or Dan Tan stay as they are); ho, ko or lo alone do not.
    for (const syllable of written!) {
      const bare = syllable.replace(/'/g, '');
      if (bare.length >= 3 && !PINYIN.has(bare) && !WESTERN.has(bare)) marked = true;
    }
    syllables += readings.length;
    perWord.push(readings);
  }
  if (syllables < 2 || syllables > MAX_SYLLABLES || !marked) return [];
  // Best-first product of the syllables' readings (a beam of the best partial spellings).
  let beam: Array<{ words: string[]; cost: number }> = [{ words: [], cost: 0 }];
  for (const readings of perWord) {
    let partial: Array<{ word: string; cost: number }> = [{ word: '', cost: 0 }];
    for (const r of readings) {
      const next: Array<{ word: string; cost: number }> = [];
      for (const p of partial) r.forEach((py, k) => next.push({ word: p.word + py, cost: p.cost + k }));
      partial = next.sort((a, b) => a.cost - b.cost).slice(0, MAX_WADE_GILES_VARIANTS);
    }
    const next: Array<{ words: string[]; cost: number }> = [];
    for (const b of beam) for (const p of partial) next.push({ words: [...b.words, p.word], cost: b.cost + p.cost });
    beam = next.sort((a, b) => a.cost - b.cost).slice(0, MAX_WADE_GILES_VARIANTS);
  }
  const original = words.map((w) => w.replace(/['-]/g, '')).join(' ');
  const out: string[] = [];
  for (const b of beam) {
    const s = b.words.join(' ');
    if (s !== original && !out.includes(s)) out.push(s);
  }
  return out;
}
