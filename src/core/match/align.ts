// Order-independent alignment of two names' tokens: similarity per token pair, joined/split tokens, initials, greedy assignment.
import { Kind, type Token } from './lexicon.js';
import { jaroWinkler, levenshteinSimilarity } from './strings.js';

export type How = 'exact' | 'equivalent' | 'phonetic' | 'fuzzy' | 'initial' | 'joined' | 'abbreviation';

/** Tokens of the two sides put in correspondence (several on one side when a token was split or abbreviated). */
export interface TokenPair {
  q: readonly number[];
  c: readonly number[];
  sim: number;
  how: How;
}

/** Similarity given to two spellings that sound alike (a shared phonetic key) but look less alike. */
export const PHONETIC_SIMILARITY = 0.8;

/** Below this similarity two tokens are not taken as spellings of one another. */
export const MIN_PAIR_SIMILARITY = 0.6;

/** Memo of token similarities for one query (key: both token ids; value: how × 4 + similarity). */
export type SimCache = Map<number, number>;
const ID_SPAN = 1 << 26;
const HOWS: readonly How[] = ['exact', 'equivalent', 'phonetic', 'fuzzy', 'initial', 'joined', 'abbreviation'];

let lastHow: How = 'exact';

/** Similarity of two tokens in [0, 1]; the kind of correspondence is left in `howOf()`. */
export function tokenSimilarity(a: Token, b: Token): number {
  if (a.text === b.text) return ((lastHow = 'exact'), 1);
  if (a.kind === Kind.Number || b.kind === Kind.Number) return 0;
  if (a.kind === Kind.Initial || b.kind === Kind.Initial) {
    if (a.kind === b.kind) return 0;
    const [i, w] = a.kind === Kind.Initial ? [a, b] : [b, a];
    return w.text.startsWith(i.text) ? ((lastHow = 'initial'), 0.9) : 0;
  }
  if (a.eq.length && a.eq.includes(b.text)) return ((lastHow = 'equivalent'), 0.95);
  const s = textSimilarity(a.text, b.text);
  if (s < PHONETIC_SIMILARITY && a.phon.length && a.phon.some((k) => b.phon.includes(k))) return ((lastHow = 'phonetic'), PHONETIC_SIMILARITY);
  lastHow = 'fuzzy';
  return s;
}

/** How the last call of tokenSimilarity found its two tokens alike. */
export function howOf(): How {
  return lastHow;
}

/** Character similarity of two spellings: the mean of Jaro–Winkler and Levenshtein similarity. */
export function textSimilarity(a: string, b: string): number {
  return (jaroWinkler(a, b) + levenshteinSimilarity(a, b)) / 2;
}

interface Cand {
  q: number[];
  c: number[];
  sim: number;
  how: How;
}

/** Tokens of `x` joined (2 or 3 adjacent ones) that spell a token of `y`: candidates for a split/joined pair. */
function joins(x: readonly Token[], y: readonly Token[], xIsQuery: boolean, out: Cand[]): void {
  for (let i = 0; i + 1 < x.length; i++) {
    let joined = x[i]!.text;
    for (let n = 2; n <= 3 && i + n - 1 < x.length; n++) {
      joined += x[i + n - 1]!.text;
      for (let j = 0; j < y.length; j++) {
        const t = y[j]!.text;
        if (t.length < 4 || Math.abs(t.length - joined.length) > 2) continue;
        const sim = t === joined ? 1 : textSimilarity(joined, t);
        if (sim < 0.88) continue;
        const xs = Array.from({ length: n }, (_, k) => i + k);
        out.push(xIsQuery ? { q: xs, c: [j], sim, how: 'joined' } : { q: [j], c: xs, sim, how: 'joined' });
      }
    }
  }
}

/** A short token of `x` whose letters are the initials of adjacent tokens of `y` (JC ↔ Jean Claude, PLA ↔ People's Liberation Army). */
function abbreviations(x: readonly Token[], y: readonly Token[], xIsQuery: boolean, out: Cand[]): void {
  for (let i = 0; i < x.length; i++) {
    const t = x[i]!.text;
    if (t.length < 2 || t.length > 5 || x[i]!.kind !== Kind.Word) continue;
    for (let j = 0; j + t.length <= y.length; j++) {
      let k = 0;
      while (k < t.length && y[j + k]!.text.charCodeAt(0) === t.charCodeAt(k) && y[j + k]!.text.length > 1) k++;
      if (k < t.length) continue;
      const ys = Array.from({ length: t.length }, (_, n) => j + n);
      out.push(xIsQuery ? { q: [i], c: ys, sim: 0.8, how: 'abbreviation' } : { q: ys, c: [i], sim: 0.8, how: 'abbreviation' });
    }
  }
}

/**
 * Aligns two token lists: every token pair's similarity (memoised in `cache` when the candidate token is interned),
 * joined/split and abbreviation candidates, then a greedy assignment from the most similar pair down.
 */
export function align(q: readonly Token[], c: readonly Token[], cache?: SimCache): TokenPair[] {
  const cands: Cand[] = [];
  for (let i = 0; i < q.length; i++) {
    const a = q[i]!;
    for (let j = 0; j < c.length; j++) {
      const b = c[j]!;
      const key = b.id >= 0 ? (a.id >= 0 ? a.id * ID_SPAN + b.id : a.id * ID_SPAN - b.id - 1) : NaN;
      const hit = cache && b.id >= 0 ? cache.get(key) : undefined;
      let sim: number;
      let how: How;
      if (hit !== undefined) {
        how = HOWS[Math.floor(hit / 4)]!;
        sim = hit - 4 * Math.floor(hit / 4);
      } else {
        sim = tokenSimilarity(a, b);
        how = howOf();
        if (cache && b.id >= 0) cache.set(key, HOWS.indexOf(how) * 4 + sim);
      }
      if (sim >= MIN_PAIR_SIMILARITY) cands.push({ q: [i], c: [j], sim, how });
    }
  }
  let pairs = greedy(cands, q.length, c.length);
  // Joined, split and abbreviated tokens are looked for only when plain pairs leave a token alone.
  const paired = (side: 'q' | 'c') => pairs.reduce((n, p) => n + p[side].length, 0);
  if ((q.length > 1 || c.length > 1) && (paired('q') < q.length || paired('c') < c.length)) {
    const before = cands.length;
    joins(q, c, true, cands);
    joins(c, q, false, cands);
    abbreviations(q, c, true, cands);
    abbreviations(c, q, false, cands);
    if (cands.length > before) pairs = greedy(cands, q.length, c.length);
  }
  return pairs;
}

/** Greedy assignment: the most similar candidate pair first, each token used once. */
function greedy(cands: Cand[], nq: number, nc: number): TokenPair[] {
  cands.sort((x, y) => y.sim - x.sim || y.q.length + y.c.length - (x.q.length + x.c.length));
  const usedQ = new Uint8Array(nq);
  const usedC = new Uint8Array(nc);
  const pairs: TokenPair[] = [];
  for (const cand of cands) {
    if (cand.q.some((i) => usedQ[i]) || cand.c.some((j) => usedC[j])) continue;
    for (const i of cand.q) usedQ[i] = 1;
    for (const j of cand.c) usedC[j] = 1;
    pairs.push(cand);
  }
  return pairs;
}
