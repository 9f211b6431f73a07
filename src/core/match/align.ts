// Order-independent alignment of two names' tokens: similarity per token pair, joined/split tokens, initials, greedy assignment.
import { Kind, type Token } from './lexicon.js';
import { editLowerBound, jaroWinkler, levenshteinSimilarity, MAX_COMPARE, similarityCeiling } from './strings.js';

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

/** Memo of token similarities: the similarity of a query token with an interned candidate token, computed once. */
export interface SimCache {
  similarity(a: Token, b: Token): MemoSimilarity;
}

/** Most pairs of interned tokens an index remembers across queries before starting afresh. */
export const SHARED_SIMILARITIES = 400_000;

const EXACT: MemoSimilarity = { sim: 1, how: 'exact' };

/** Computes a token similarity as a memo entry. */
function memoOf(a: Token, b: Token): MemoSimilarity {
  const sim = tokenSimilarity(a, b);
  const how = howOf();
  return sim === 1 && how === 'exact' ? EXACT : { sim, how };
}

/**
 * The index's memo of token similarities across queries: one row per interned query token, keyed by candidate token
 * id. Interned tokens never change spelling, so a remembered similarity stays exact.
 */
export class SharedSimilarities {
  readonly rows = new Map<number, Map<number, MemoSimilarity>>();
  size = 0;

  row(id: number): Map<number, MemoSimilarity> {
    let row = this.rows.get(id);
    if (!row) {
      if (this.size >= SHARED_SIMILARITIES) {
        this.rows.clear();
        this.size = 0;
      }
      this.rows.set(id, (row = new Map()));
    }
    return row;
  }
}

/**
 * A memo for one query: similarities with interned query tokens go to `shared` (kept across queries), those of the
 * query's transient tokens stay in this memo only. Similarities with transient candidate tokens are not memoised.
 */
export function queryCache(shared: SharedSimilarities): SimCache {
  const local = new Map<number, Map<number, MemoSimilarity>>();
  let lastId = NaN;
  let lastRow: Map<number, MemoSimilarity> | undefined;
  return {
    similarity(a: Token, b: Token): MemoSimilarity {
      if (b.id < 0) return memoOf(a, b);
      if (a.id !== lastId) {
        lastId = a.id;
        if (a.id >= 0) lastRow = shared.row(a.id);
        else {
          lastRow = local.get(a.id);
          if (!lastRow) local.set(a.id, (lastRow = new Map()));
        }
      }
      const row = lastRow!;
      let v = row.get(b.id);
      if (v === undefined) {
        v = memoOf(a, b);
        row.set(b.id, v);
        if (a.id >= 0) shared.size++;
      }
      return v;
    },
  };
}

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
  // Spellings too far apart to be paired count as 0 (a similarity under MIN_PAIR_SIMILARITY is never used).
  if (similarityCeiling(a.text, b.text) < MIN_PAIR_SIMILARITY) {
    lastHow = sharesKey(a.phon, b.phon) ? 'phonetic' : 'fuzzy';
    return lastHow === 'phonetic' ? PHONETIC_SIMILARITY : 0;
  }
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

/** The plain similarity of every query token with every candidate token (row-major, query tokens as rows), with how. */
export interface SimMatrix {
  sims: Float64Array;
  hows: How[];
}

/** Every token pair's similarity, memoised in `cache` when the candidate token is interned. */
export function similarityMatrix(q: readonly Token[], c: readonly Token[], cache?: SimCache, scratch?: SimMatrix): SimMatrix {
  const nc = c.length;
  const fits = scratch && scratch.sims.length >= q.length * nc;
  const sims = fits ? scratch.sims : new Float64Array(q.length * nc);
  const hows = fits ? scratch.hows : new Array<How>(q.length * nc);
  for (let i = 0; i < q.length; i++) {
    const a = q[i]!;
    for (let j = 0; j < nc; j++) {
      const b = c[j]!;
      if (cache) {
        const v = cache.similarity(a, b);
        hows[i * nc + j] = v.how;
        sims[i * nc + j] = v.sim;
      } else {
        sims[i * nc + j] = tokenSimilarity(a, b);
        hows[i * nc + j] = howOf();
      }
    }
  }
  return { sims, hows };
}

/**
 * Aligns two token lists: every token pair's similarity (memoised in `cache` when the candidate token is interned, or
 * given as `matrix`), joined/split and abbreviation candidates, then a greedy assignment from the most similar pair down.
 */
export function align(q: readonly Token[], c: readonly Token[], cache?: SimCache, matrix?: SimMatrix): TokenPair[] {
  const { sims, hows } = matrix ?? similarityMatrix(q, c, cache);
  const cands: Cand[] = [];
  const nc = c.length;
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < nc; j++) {
      const sim = sims[i * nc + j]!;
      if (sim >= MIN_PAIR_SIMILARITY) cands.push({ q: [i], c: [j], sim, how: hows[i * nc + j]! });
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

/**
 * Flags the tokens of `x` that a joined/split or abbreviation pair with `y` could hold (a superset of those align's
 * `joins` and `abbreviations` may pair): 2 for a possible joined token (similarity up to 1), 1 for an abbreviation (0.8).
 */
export function compositeFlags(x: readonly Token[], y: readonly Token[], out: Uint8Array): void {
  out.fill(0, 0, x.length);
  if (x.length < 2 && y.length < 2) return;
  // x's adjacent tokens joined against one token of y (length within 2, the y token at least 4 long).
  for (let i = 0; i + 1 < x.length; i++) {
    let len = x[i]!.text.length;
    for (let n = 2; n <= 3 && i + n - 1 < x.length; n++) {
      len += x[i + n - 1]!.text.length;
      for (let j = 0; j < y.length; j++) {
        const t = y[j]!.text.length;
        if (t >= 4 && Math.abs(t - len) <= 2) for (let k = i; k < i + n; k++) out[k] = 2;
      }
    }
  }
  // One token of x against y's adjacent tokens joined.
  for (let i = 0; i < x.length; i++) {
    const t = x[i]!.text.length;
    if (t < 4 || out[i] === 2) continue;
    for (let j = 0; j + 1 < y.length && out[i] !== 2; j++) {
      let len = y[j]!.text.length;
      for (let n = 2; n <= 3 && j + n - 1 < y.length; n++) {
        len += y[j + n - 1]!.text.length;
        if (Math.abs(t - len) <= 2) out[i] = 2;
      }
    }
  }
  // A short word of x spelled by the initials of adjacent tokens of y, or a token of x among such a run.
  for (let i = 0; i < x.length; i++) {
    const text = x[i]!.text;
    if (out[i] === 0 && text.length >= 2 && text.length <= 5 && x[i]!.kind === Kind.Word) {
      for (let j = 0; j + text.length <= y.length; j++) {
        let k = 0;
        while (k < text.length && y[j + k]!.text.charCodeAt(0) === text.charCodeAt(k) && y[j + k]!.text.length > 1) k++;
        if (k === text.length) {
          out[i] = 1;
          break;
        }
      }
    }
  }
  for (let j = 0; j < y.length; j++) {
    const text = y[j]!.text;
    if (text.length < 2 || text.length > 5 || y[j]!.kind !== Kind.Word) continue;
    for (let i = 0; i + text.length <= x.length; i++) {
      let k = 0;
      while (k < text.length && x[i + k]!.text.charCodeAt(0) === text.charCodeAt(k) && x[i + k]!.text.length > 1) k++;
      if (k === text.length) for (let m = i; m < i + text.length; m++) if (out[m] === 0) out[m] = 1;
    }
  }
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
