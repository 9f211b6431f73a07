// Devanagari and Bengali → Latin: Hunterian spellings as Indian and Bangladeshi names are written (sh, ch, chh, v/w, long
// vowels unmarked) with the inherent vowel dropped where Hindi and Bengali do not say it (word end, and VC_CV inside a word:
// राजकुमार rajkumar, রহমান rahman), the same without the word-inside deletion, ISO 15919 with diacritics folded, and the
// inherent vowel kept everywhere (Sanskrit style). Both scripts share one layout (ISCII order), so one table serves both.

/** Consonants by offset from the block start (Devanagari U+0900, Bengali U+0980). */
const CONSONANT: Readonly<Record<number, string>> = {
  0x15: 'k',
  0x16: 'kh',
  0x17: 'g',
  0x18: 'gh',
  0x19: 'n',
  0x1a: 'ch',
  0x1b: 'chh',
  0x1c: 'j',
  0x1d: 'jh',
  0x1e: 'n',
  0x1f: 't',
  0x20: 'th',
  0x21: 'd',
  0x22: 'dh',
  0x23: 'n',
  0x24: 't',
  0x25: 'th',
  0x26: 'd',
  0x27: 'dh',
  0x28: 'n',
  0x29: 'n',
  0x2a: 'p',
  0x2b: 'ph',
  0x2c: 'b',
  0x2d: 'bh',
  0x2e: 'm',
  0x2f: 'y',
  0x30: 'r',
  0x31: 'r',
  0x32: 'l',
  0x33: 'l',
  0x34: 'l',
  0x35: 'v',
  0x36: 'sh',
  0x37: 'sh',
  0x38: 's',
  0x39: 'h',
  0x58: 'q',
  0x59: 'kh',
  0x5a: 'gh',
  0x5b: 'z',
  0x5c: 'r',
  0x5d: 'rh',
  0x5e: 'f',
  0x5f: 'y',
  0x4e: 't',
  0x70: 'r',
  0x71: 'w',
};
/** ISO 15919 letters (diacritics folded) where they differ from the Hunterian ones. */
const ISO_CONSONANT: Readonly<Record<string, string>> = { ch: 'c', chh: 'ch', sh: 's', v: 'v' };
/** Independent vowels and vowel signs (matras), by offset. */
const VOWEL: Readonly<Record<number, string>> = {
  0x05: 'a',
  0x06: 'a',
  0x07: 'i',
  0x08: 'i',
  0x09: 'u',
  0x0a: 'u',
  0x0b: 'ri',
  0x0c: 'li',
  0x0d: 'e',
  0x0e: 'e',
  0x0f: 'e',
  0x10: 'ai',
  0x11: 'o',
  0x12: 'o',
  0x13: 'o',
  0x14: 'au',
  0x60: 'ri',
  0x61: 'li',
};
const SIGN: Readonly<Record<number, string>> = {
  0x3e: 'a',
  0x3f: 'i',
  0x40: 'i',
  0x41: 'u',
  0x42: 'u',
  0x43: 'ri',
  0x44: 'ri',
  0x45: 'e',
  0x46: 'e',
  0x47: 'e',
  0x48: 'ai',
  0x49: 'o',
  0x4a: 'o',
  0x4b: 'o',
  0x4c: 'au',
  0x62: 'li',
  0x63: 'li',
  0x57: 'au',
};
/** A nukta after a consonant turns it into another (क़ q, ज़ z, फ़ f, ड़ r). */
const NUKTA: Readonly<Record<number, number>> = { 0x15: 0x58, 0x16: 0x59, 0x17: 0x5a, 0x1c: 0x5b, 0x21: 0x5c, 0x22: 0x5d, 0x2b: 0x5e, 0x2f: 0x5f };
const VIRAMA = 0x4d;
const NUKTA_SIGN = 0x3c;
const ANUSVARA = 0x02;
const CANDRABINDU = 0x01;
const VISARGA = 0x03;

export type IndicScript = 'devanagari' | 'bengali';
const BASE: Readonly<Record<IndicScript, number>> = { devanagari: 0x0900, bengali: 0x0980 };

/** One unit of a word: a consonant with its vowel ('' when a virama silences it, undefined for the inherent a) or a vowel. */
interface Unit {
  c: string;
  /** Offset of the consonant (for the Bengali য and the w of व after a consonant); −1 for vowels and other characters. */
  off: number;
  v: string | undefined;
  /** Nasal (anusvara, candrabindu) or visarga after the unit. */
  tail: string;
}

function units(word: string, script: IndicScript): Unit[] {
  const base = BASE[script];
  const out: Unit[] = [];
  for (const ch of word) {
    const cp = ch.codePointAt(0)!;
    const off = cp - base;
    const last = out[out.length - 1];
    if (off < 0 || off > 0x7f) {
      out.push({ c: ch, off: -1, v: '', tail: '' });
      continue;
    }
    if (off >= 0x66 && off <= 0x6f) out.push({ c: String(off - 0x66), off: -1, v: '', tail: '' });
    else if (CONSONANT[off] !== undefined && !(script === 'bengali' && off === 0x35))
      // Bengali ৎ (khanda ta) is a t without vowel.
      out.push({ c: CONSONANT[off], off, v: script === 'bengali' && off === 0x4e ? '' : undefined, tail: '' });
    else if (VOWEL[off] !== undefined) out.push({ c: '', off: -1, v: VOWEL[off], tail: '' });
    else if (off === NUKTA_SIGN && last && last.off >= 0 && NUKTA[last.off] !== undefined) {
      last.off = NUKTA[last.off]!;
      last.c = CONSONANT[last.off]!;
    } else if (SIGN[off] !== undefined && last && last.off >= 0 && last.v === undefined) last.v = SIGN[off];
    else if (off === VIRAMA && last && last.off >= 0 && last.v === undefined) last.v = '';
    else if ((off === ANUSVARA || off === CANDRABINDU) && last) last.tail = 'n';
    else if (off === VISARGA && last) last.tail = 'h';
    // Other signs (avagraha, stray matras, marks) are not written.
  }
  return out;
}

type Style = 'hunterian' | 'hunterian-final' | 'iso' | 'full';
const STYLES: readonly Style[] = ['hunterian', 'hunterian-final', 'iso', 'full'];

const isConsonant = (u: Unit | undefined) => u !== undefined && u.off >= 0;
/** True when the unit is said with a vowel (its own or the inherent one). */
const voiced = (u: Unit | undefined, a: boolean[], i: number) => u !== undefined && (u.v === undefined ? a[i]! : u.v !== '' || !isConsonant(u));

/** Which inherent vowels are said: all (full style), all but the word's last, or also none in VC_CV (scanning from the right). */
function inherent(us: readonly Unit[], style: Style): boolean[] {
  const a = us.map((u) => isConsonant(u) && u.v === undefined);
  if (style === 'full' || us.length < 2) return a;
  const last = us.length - 1;
  // Word end: dropped after a single consonant (राम ram), kept after a cluster (नरेन्द्र narendra).
  const beforeLast = us[last - 1]!;
  if (a[last] && !us[last]!.tail && !(isConsonant(beforeLast) && beforeLast.v === '')) a[last] = false;
  if (style === 'hunterian' || style === 'iso')
    for (let i = last - 1; i >= 1; i--) {
      const next = us[i + 1];
      if (!a[i] || us[i]!.tail || !isConsonant(next) || !voiced(next, a, i + 1) || next!.v === '') continue;
      const prev = us[i - 1]!;
      if (isConsonant(prev) ? voiced(prev, a, i - 1) : prev.v !== '') a[i] = false;
    }
  return a;
}

function render(us: readonly Unit[], script: IndicScript, style: Style): string {
  const a = inherent(us, style);
  let out = '';
  for (let i = 0; i < us.length; i++) {
    const u = us[i]!;
    let c = u.c;
    if (u.off >= 0) {
      const afterConsonant = i > 0 && us[i - 1]!.off >= 0 && us[i - 1]!.v === '';
      if (script === 'bengali' && u.off === 0x2f) c = i === 0 ? 'j' : 'y';
      else if (u.off === 0x35 && afterConsonant) c = 'w';
      if (style === 'iso') c = ISO_CONSONANT[c] ?? c;
    }
    const v = u.v === undefined ? (a[i] ? 'a' : '') : u.v;
    let tail = u.tail;
    if (tail === 'n') {
      const next = us[i + 1]?.c ?? '';
      // सिंह is written Singh; otherwise m before p, b, m and n elsewhere (ISO 15919: ṁ).
      tail = style === 'iso' ? 'm' : /^[pbm]/.test(next) ? 'm' : next === 'h' && i + 2 === us.length ? 'ng' : 'n';
    }
    out += c + v + tail;
  }
  return out;
}

/** Romanisations of one word, one per style in a fixed order (romanise combines a name's words style by style). */
export function indicWord(word: string, script: IndicScript): string[] {
  const us = units(word, script);
  return STYLES.map((style) => render(us, script, style));
}
