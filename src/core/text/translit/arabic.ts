// Arabic, Persian and Pashto → Latin: consonant skeleton with long vowels, syllable templates of name patterns, article forms.
/* eslint-disable @typescript-eslint/no-unused-expressions -- comma sequences keep the rule branches on one line each */
import { FREQUENT_WORDS, STYLES, SUN_LETTERS, TEMPLATES, type ArabicStyle, type StyleSpec } from './arabic-data.js';

export type { ArabicStyle } from './arabic-data.js';

/** Letter variants folded before reading: Persian yeh and keheh, Urdu heh and yeh, wasla. */
const LETTER_FOLD: Record<string, string> = { ی: 'ي', ې: 'ي', ۍ: 'ي', ے: 'ي', ۓ: 'ي', ک: 'ك', ۀ: 'ه', ە: 'ه', ہ: 'ه', ھ: 'ه', ٱ: 'ا', ﻻ: 'لا' };
const FOLD_RE = /[یېۍےۓکۀەہھٱﻻ]/g;
const HAS_FOLD = /[یېۍےۓکۀەہھٱﻻ]/;
const PERSIAN_LETTERS = /[پچژگکی]/;
const MAX_ALTERNATIVES = 8;

type Unit = { k: 'C'; c: string } | { k: 'H'; v: 'a' | 'i' } | { k: 'A' | 'W' | 'Y' | 'E' | 'T' | 'D' } | { k: 'V'; v: '' | 'a' | 'i' | 'u' };

const HARAKAT: Record<string, '' | 'a' | 'i' | 'u'> = { '\u064e': 'a', '\u064f': 'u', '\u0650': 'i', '\u0652': '' };

function units(word: string): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    if (i === 0 && (ch === 'ا' || ch === 'أ' || ch === 'آ')) out.push({ k: 'H', v: 'a' });
    else if (i === 0 && ch === 'إ') out.push({ k: 'H', v: 'i' });
    else if (ch === 'ا' || ch === 'آ' || ch === '\u0670') out.push({ k: 'A' });
    else if (ch === 'و') out.push({ k: 'W' });
    else if (ch === 'ي') out.push({ k: 'Y' });
    else if (ch === 'ى') out.push({ k: 'E' });
    else if (ch === 'ة') out.push({ k: 'T' });
    else if (ch === '\u0651') out.push({ k: 'D' });
    else if (ch in HARAKAT) out.push({ k: 'V', v: HARAKAT[ch]! });
    else if (ch >= '\u064b' && ch <= '\u065f') continue;
    else out.push({ k: 'C', c: ch });
  }
  return out;
}

const consonant = (c: string, s: StyleSpec) => s.cons[c] ?? c;

function render(template: string, cons: string[], s: StyleSpec): string {
  let out = '';
  let prev = '';
  for (let i = 0; i < template.length; i++) {
    const t = template[i]!;
    if (t >= '1' && t <= '9') {
      const c = consonant(cons[Number(t) - 1] ?? '', s);
      // A doubled consonant written with two Latin letters is written once (sh, kh, th).
      out += t === prev && c.length > 1 ? '' : c;
    } else if (t === 'a' && template[i + 1] === 'y') {
      out += s.ay;
      i++;
    } else if (t === 'a' && template[i + 1] === 'w') {
      out += s.aw;
      i++;
    } else if (t === 'a' || t === 'i' || t === 'u' || t === 'A' || t === 'I' || t === 'U') out += s[t];
    else out += t;
    prev = t;
  }
  return out;
}

function shapeOf(us: Unit[]): string | undefined {
  let shape = '';
  for (const u of us) {
    if (u.k === 'V' || u.k === 'D') return undefined;
    shape += u.k;
  }
  return shape;
}

/** Reads the units syllable by syllable, inserting a short vowel where two consonants would otherwise start a syllable. */
function syllabify(us: Unit[], s: StyleSpec): string {
  const isVowelUnit = (u: Unit | undefined) => !!u && (u.k === 'A' || u.k === 'E' || u.k === 'T' || u.k === 'V' || u.k === 'H');
  const glide = (i: number) => {
    const u = us[i]!;
    const prev = us[i - 1];
    const next = us[i + 1];
    return i === 0 || isVowelUnit(next) || prev?.k === 'A' || prev?.k === 'W' || prev?.k === 'Y' || ((next?.k === 'W' || next?.k === 'Y') && u.k !== next.k);
  };
  let out = '';
  let open = false;
  let last = '';
  for (let i = 0; i < us.length; i++) {
    const u = us[i]!;
    if (u.k === 'H') {
      out += s[u.v];
      open = true;
      continue;
    }
    if (u.k === 'A' || u.k === 'E') ((out += s.A), (open = true));
    else if (u.k === 'T') out += s.T;
    else if (u.k === 'V') ((out += u.v === '' ? '' : s[u.v]), (open = u.v !== ''));
    else if (u.k === 'D') out += last.length === 1 ? last : '';
    else if ((u.k === 'W' || u.k === 'Y') && !glide(i)) ((out += u.k === 'W' ? s.U : s.I), (open = true));
    else {
      last = u.k === 'C' ? consonant(u.c, s) : consonant(u.k === 'W' ? 'و' : 'ي', s);
      out += last;
      let j = i + 1;
      while (us[j]?.k === 'D') j++;
      const next = us[j];
      if (!next) break;
      const nextIsConsonant = next.k === 'C' || ((next.k === 'W' || next.k === 'Y') && glide(j));
      if (!nextIsConsonant) open = false;
      else if (open) open = false;
      else ((out += s.a), (open = true));
    }
  }
  return out;
}

function stemAlternatives(word: string, styles: readonly StyleSpec[]): string[] {
  const us = units(word);
  const shape = shapeOf(us);
  const cons = us.filter((u): u is { k: 'C'; c: string } => u.k === 'C').map((u) => u.c);
  let templates: readonly string[] | undefined;
  if (shape) {
    if (shape.startsWith('C') && cons[0] === 'م' && shape.length >= 4) {
      templates = TEMPLATES['M' + shape.slice(1)];
      if (templates) cons.shift();
    }
    templates ??= TEMPLATES[shape];
  }
  const out: string[] = [];
  if (templates) for (const t of templates) for (const s of styles) out.push(render(t, cons, s));
  for (const s of styles) out.push(syllabify(us, s));
  return out;
}

function wordAlternatives(word: string, styles: readonly StyleSpec[]): string[] {
  const known = FREQUENT_WORDS[word];
  if (known) return [...known];
  if (word.length > 4 && word.endsWith('الله')) {
    const head = word.slice(0, -4);
    const heads = FREQUENT_WORDS[head] ?? stemAlternatives(head, styles);
    return heads.flatMap((h) => [`${h}ullah`, `${h}allah`, `${h} allah`]);
  }
  if (word.length > 4 && word.startsWith('عبدال')) {
    const rest = articleAlternatives(word.slice(3), styles);
    const bare = rest.map((r) => r.replace(/^\S+ /, ''));
    return [`abd ${rest[0]}`, `abdul ${bare[0]}`, `abdel ${bare[0]}`, `abdul${bare[0]}`, `abd ${rest[1] ?? rest[0]}`];
  }
  if (word.length > 3 && word.startsWith('ال')) return articleAlternatives(word, styles);
  return stemAlternatives(word, styles);
}

function articleAlternatives(word: string, styles: readonly StyleSpec[]): string[] {
  const rest = word.slice(2);
  const alts = FREQUENT_WORDS[rest] ?? stemAlternatives(rest, styles);
  const first = rest[0] ?? '';
  const assimilated = SUN_LETTERS.has(first) ? `a${consonant(first, styles[0]!)}` : undefined;
  const out: string[] = [];
  for (const a of alts) {
    out.push(`al ${a}`, `el ${a}`);
    if (assimilated) out.push(`${assimilated} ${a}`);
  }
  return out;
}

const DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
const digit = (d: string) => String((d.charCodeAt(0) & 0xf) % 10);

/** Style order for a text: Persian letters put the Persian style second. */
export function arabicStyles(text: string): ArabicStyle[] {
  return PERSIAN_LETTERS.test(text) ? ['common', 'persian', 'french', 'egyptian'] : ['common', 'french', 'egyptian', 'persian'];
}

/** Ranked distinct romanisations of one Arabic-script word (at most 8). */
export function arabicWord(word: string, styles: readonly ArabicStyle[] = ['common', 'french', 'egyptian', 'persian']): string[] {
  let w = HAS_FOLD.test(word) ? word.replace(FOLD_RE, (c) => LETTER_FOLD[c]!) : word;
  w = w.replace(DIGITS, digit);
  const specs = styles.map((s) => STYLES[s]);
  const out = new Set<string>();
  for (const alt of wordAlternatives(w, specs)) {
    if (alt !== '') out.add(alt);
    if (out.size >= MAX_ALTERNATIVES) break;
  }
  return [...out];
}
