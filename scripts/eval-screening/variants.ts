// Generated variants of listed names, one kind at a time, and non-Latin names of other people: what each method does with them.
import { shuffle } from '../../src/core/graph/rng.js';
import { foldDiacritics, introducesName, isLatin, tokens } from '../../src/core/text/index.js';
import { listedNames, type Listed } from './data.js';
import { foldedTokens, type Probe } from './lists-eval.js';
import { rng } from './metrics.js';

/** Respellings that romanisations and clerks really produce (applied once, to one token). */
const RESPELL: ReadonlyArray<readonly [RegExp, string]> = [
  [/ou/, 'u'],
  [/u/, 'ou'],
  [/kh/, 'h'],
  [/j/, 'dj'],
  [/y/, 'i'],
  [/i/, 'y'],
  [/ee/, 'i'],
  [/ph/, 'f'],
  [/c/, 'k'],
  [/k/, 'q'],
  [/sh/, 'ch'],
  [/ch/, 'tch'],
  [/mm/, 'm'],
  [/([bdfglmnprst])/, '$1$1'],
  [/a/, 'e'],
  [/e/, 'a'],
  [/o/, 'u'],
  [/w/, 'v'],
  [/v/, 'w'],
];

export const VARIANT_KINDS = ['transliteration', 'typo', 'word order', 'initials', 'partial'] as const;
export type VariantKind = (typeof VARIANT_KINDS)[number];

function variant(name: string, kind: VariantKind, r: () => number): string | undefined {
  const toks = tokens(name);
  if (toks.length < 2) return undefined;
  const pick = (n: number) => Math.floor(r() * n);
  switch (kind) {
    case 'transliteration': {
      const i = pick(toks.length);
      for (let tries = 0; tries < 10; tries++) {
        const [re, to] = RESPELL[pick(RESPELL.length)]!;
        const t = toks[i]!.replace(re, to);
        if (t !== toks[i] && t.length >= 3) return toks.map((x, k) => (k === i ? t : x)).join(' ');
      }
      return undefined;
    }
    case 'typo': {
      // A keying error falls on any word of three letters or more, at any letter (ALI → ALU, OMAR → MOAR).
      const words = toks.map((t, k) => [t, k] as const).filter(([t]) => t.length >= 3);
      if (!words.length) return undefined;
      const [t, i] = words[pick(words.length)]!;
      const at = pick(t.length);
      const swap = Math.min(at, t.length - 2);
      const op = pick(4);
      const letter = 'abcdefghijklmnopqrstuvwxyz'[pick(26)]!;
      const typo =
        op === 0
          ? t.slice(0, at) + t.slice(at + 1)
          : op === 1
            ? t.slice(0, at) + letter + t.slice(at)
            : op === 2
              ? t.slice(0, at) + letter + t.slice(at + 1)
              : t.slice(0, swap) + t[swap + 1] + t[swap] + t.slice(swap + 2);
      return typo === t ? undefined : toks.map((x, k) => (k === i ? typo : x)).join(' ');
    }
    case 'word order':
      return [toks[toks.length - 1], ...toks.slice(0, -1)].join(' ');
    case 'initials':
      return toks.length >= 2 ? [...toks.slice(0, -1).map((t) => t[0]), toks[toks.length - 1]].join(' ') : undefined;
    case 'partial':
      return firstAndLast(name);
  }
}

/**
 * The first and the last name part of a name of three parts or more: a part is a written word (YU-RO in HAN YU-RO) with
 * the words that introduce it (ABU ZAYD, ABD AL-RAHMAN, ABDEL RAHMAN, BIN UDIN, EL SAYED), as people shorten their names;
 * such a word alone (ABU DORDA from ABU ZAYD UMAR DORDA) is no one's name.
 */
function firstAndLast(name: string): string | undefined {
  // Each written word's tokens (AL-RAHMAN: al, rahman).
  const words = name
    .split(/\s+/)
    .map((w) => tokens(w))
    .filter((t) => t.length);
  const particle = (t: readonly string[]) => t.length === 1 && introducesName(foldDiacritics(t[0]!));
  let first = 0;
  while (first < words.length - 1 && particle(words[first]!)) first++;
  let last = words.length - 1;
  while (last > first + 1 && particle(words[last - 1]!)) last--;
  if (last <= first + 1) return undefined;
  return [...words.slice(0, first + 1), ...words.slice(last)].flat().join(' ');
}

/**
 * Up to `per` probes of each kind from Latin person names of the entities. The truth is every entity that carries the
 * source name (`truth`, see nameTruth): a name alone cannot tell two namesakes apart (Robert Menendez, father and son).
 */
export function variantProbes(entities: readonly Listed[], per: number, truth: (name: string) => ReadonlySet<string>, seed = 11): Probe[] {
  const r = rng(seed);
  const people = entities.filter((e) => e.schema === 'Person' && isLatin(e.properties.name?.[0] ?? 'x'));
  const words = entities.map((e) => ({ id: e.id, names: listedNames(e).map((n) => new Set(foldedTokens(n))) }));
  const out: Probe[] = [];
  for (const kind of VARIANT_KINDS) {
    let made = 0;
    // Each listed person once per kind, in a random order (drawn without replacement: no probe counts twice).
    const order = people.map((_, i) => i);
    shuffle(order, r);
    for (const i of order) {
      if (made >= per) break;
      const e = people[i]!;
      const name = e.properties.name?.[0];
      const v = name && variant(name, kind, r);
      if (!v) continue;
      const truths = truth(name);
      // Part of a name that another listed person's name holds as well (KIM CHOL: KIM YONG CHOL, KIM SONG CHOL …) does not
      // say which of them is meant: such a variant has no right answer, and is left out.
      if (kind === 'partial') {
        const part = foldedTokens(v);
        if (words.some((w) => !truths.has(w.id) && w.names.some((n) => part.every((t) => n.has(t))))) continue;
      }
      out.push({ query: { name: v, schema: 'Person' }, truth: truths, kind });
      made++;
    }
  }
  return out;
}

/**
 * Non-Latin negatives: a listed person's original-script name with its last word replaced by the last word of another
 * listed person's name in the same script: another person, who must not alert as the first.
 */
export function nonLatinNegatives(entities: readonly Listed[], count: number, seed = 13): Probe[] {
  const r = rng(seed);
  const named = entities.flatMap((e) => (e.properties.alias ?? []).filter((a) => !isLatin(a) && tokens(a).length >= 2).map((a) => ({ e, toks: tokens(a) })));
  const out: Probe[] = [];
  for (let tries = 0; out.length < count && tries < count * 20 && named.length > 1; tries++) {
    const a = named[Math.floor(r() * named.length)]!;
    const b = named[Math.floor(r() * named.length)]!;
    const last = b.toks[b.toks.length - 1]!;
    if (a.e.id === b.e.id || a.toks.includes(last)) continue;
    out.push({ query: { name: [...a.toks.slice(0, -1), last].join(' '), schema: 'Person' }, truth: new Set(), kind: 'non-Latin negative' });
  }
  return out;
}
