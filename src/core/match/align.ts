// Order-independent alignment of two names' tokens: similarity per token pair, joined/split tokens, initials, greedy assignment.
import { Kind, type Token } from './lexicon.js';
import { editLowerBound, jaroWinkler, levenshteinSimilarity, MAX_COMPARE } from './strings.js';

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

/** A memoised token similarity (kept exactly: a tie between two pairs must not depend on whether it was memoised). */
export interface MemoSimilarity {
  readonly sim: number;
  readonly how: How;
}

/** Memo of token similarities (key: both token ids); a Map will do. */
export type SimCache = Pick<Map<number, MemoSimilarity>, 'get' | 'set'>;

/** Most pairs of interned tokens an index remembers across queries before starting afresh. */
export const SHARED_SIMILARITIES = 200_000;

/**
 * A memo for one query that keeps the similarities of two interned tokens (which never change) in `shared`, the
 * index's memo across queries, and those of the query's transient tokens only for this query.
 */
export function queryCache(shared: Map<number, MemoSimilarity>): SimCache {
  const local = new Map<number, MemoSimilarity>();
  return {
    get: (key: number) => (key >= 0 ? shared.get(key) : local.get(key)),
    set(key: number, value: MemoSimilarity) {
      if (key < 0) return local.set(key, value);
      if (shared.size >= SHARED_SIMILARITIES) shared.clear();
      return shared.set(key, value);
    },
  };
}
const ID_SPAN = 1 << 26;
const EXACT: MemoSimilarity = { sim: 1, how: 'exact' };

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
  if (s < PHONETIC_SIMILARITY && sharesKey(a.phon, b.phon)) return ((lastHow = 'phonetic'), PHONETIC_SIMILARITY);
  lastHow = 'fuzzy';
  return s;
}

function sharesKey(a: readonly string[], b: readonly string[]): boolean {
  for (const k of a) if (b.includes(k)) return true;
  return false;
}

/** Consecutive indices from `start`. */
function range(start: number, n: number): number[] {
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) out[k] = start + k;
  return out;
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
        // A similarity of 0.88 needs a Levenshtein similarity of at least 0.76: spellings that differ more are not compared.
        if (t !== joined && editLowerBound(joined, t) > 0.24 * Math.max(Math.min(joined.length, MAX_COMPARE), Math.min(t.length, MAX_COMPARE))) continue;
        const sim = t === joined ? 1 : textSimilarity(joined, t);
        if (sim < 0.88) continue;
        const xs = range(i, n);
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
      const ys = range(j, t.length);
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
        how = hit.how;
        sim = hit.sim;
      } else {
        sim = tokenSimilarity(a, b);
        how = howOf();
        if (cache && b.id >= 0) cache.set(key, sim === 1 && how === 'exact' ? EXACT : { sim, how });
      }
      if (sim >= MIN_PAIR_SIMILARITY) cands.push({ q: [i], c: [j], sim, how });
    }
  }
  let pairs = greedy(cands, q.length, c.length);
  // Joined, split and abbreviated tokens are looked for only when plain pairs leave a token alone.
  if ((q.length > 1 || c.length > 1) && (paired(pairs, 'q') < q.length || paired(pairs, 'c') < c.length)) {
    const before = cands.length;
    joins(q, c, true, cands);
    joins(c, q, false, cands);
    abbreviations(q, c, true, cands);
    abbreviations(c, q, false, cands);
    if (cands.length > before) pairs = greedy(cands, q.length, c.length);
  }
  return pairs;
}

function paired(pairs: readonly TokenPair[], side: 'q' | 'c'): number {
  let n = 0;
  for (const p of pairs) n += p[side].length;
  return n;
}

function anyUsed(idx: readonly number[], used: Uint8Array): boolean {
  for (const i of idx) if (used[i]) return true;
  return false;
}

const bySimilarity = (x: Cand, y: Cand) => y.sim - x.sim || y.q.length + y.c.length - (x.q.length + x.c.length);

/** Greedy assignment: the most similar candidate pair first, each token used once. */
function greedy(cands: Cand[], nq: number, nc: number): TokenPair[] {
  cands.sort(bySimilarity);
  const usedQ = new Uint8Array(nq);
  const usedC = new Uint8Array(nc);
  const pairs: TokenPair[] = [];
  for (const cand of cands) {
    if (anyUsed(cand.q, usedQ) || anyUsed(cand.c, usedC)) continue;
    for (const i of cand.q) usedQ[i] = 1;
    for (const j of cand.c) usedC[j] = 1;
    pairs.push(cand);
  }
  return pairs;
}
