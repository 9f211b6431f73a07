// Order-independent alignment of two names' tokens: similarity per token pair, joined/split tokens, initials, greedy assignment.
import { Kind, type Token } from './lexicon.js';
import { editLowerBound, jaroWinkler, letters, levenshteinSimilarity, maskCeiling, MAX_COMPARE, similarityCeiling } from './strings.js';
import { sortSmall } from './sort.js';

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

/** Kinds of joined/split and abbreviation pairs (see compositeCaps and align): query tokens joined, candidate tokens joined, a query word or a candidate word abbreviating the other side. */
export const JOINED_Q = 1;
export const JOINED_C = 2;
export const ABBREVIATED_Q = 4;
export const ABBREVIATED_C = 8;
/**
 * A word with a vowel may abbreviate too (organisations: PLA, HAMAS). Without this, only a run of letters with no vowel
 * does (JC ↔ Jean Claude, MBS): in a person's name, HAQ or AS is a name of its own, not the initials of the other's words.
 */
export const WORDS_ABBREVIATE = 16;
const ALL_PARTS = JOINED_Q | JOINED_C | ABBREVIATED_Q | ABBREVIATED_C | WORDS_ABBREVIATE;
/** Letter-mask bits (see letterMask) of the vowels, y included. */
const VOWELS = [...'aeiouy'].reduce((m, ch) => m | (1 << (ch.charCodeAt(0) - 97)), 0);

/** A word that can only be letters standing for words: ASCII letters, none of them a vowel. */
export const lettersOnlyWord = (mask: number) => mask >= 0 && (mask & VOWELS) === 0;

/** A memoised token similarity (kept exactly: a tie between two pairs must not depend on whether it was memoised). */
export interface MemoSimilarity {
  readonly sim: number;
  readonly how: How;
}

/** Memo of token similarities: the similarity of a query token with an interned candidate token, computed once. */
export interface SimCache {
  similarity(a: Token, b: Token): MemoSimilarity;
  /** Every pair's similarity, row-major with `q`'s tokens as rows (what similarityMatrix gives). */
  fill(q: readonly Token[], c: readonly Token[], sims: Float64Array, hows: How[]): void;
  /**
   * Each token's highest similarity with the other side's tokens, 0 when none reaches MIN_PAIR_SIMILARITY (what the
   * matrix of `fill` gives, without writing it): into `capQ` for `q`'s tokens and `capC` for `c`'s. `cIds`, when given,
   * holds `c`'s token ids (every `stride`-th number), read instead of the tokens themselves.
   */
  maxima?(q: readonly Token[], c: readonly Token[], capQ: Float64Array, capC: Float64Array, cIds?: ArrayLike<number>, stride?: number): void;
}

/** Most pairs of interned tokens an index remembers across queries before starting afresh. */
export const SHARED_SIMILARITIES = 400_000;

const EXACT: MemoSimilarity = { sim: 1, how: 'exact' };
/** Two tokens that cannot be paired (how they differ is never read: a pair under MIN_PAIR_SIMILARITY is not made). */
const NONE: MemoSimilarity = { sim: 0, how: 'fuzzy' };
const HOWS: readonly How[] = ['exact', 'equivalent', 'phonetic', 'fuzzy', 'initial', 'joined', 'abbreviation'];
const HOW_CODE: Readonly<Record<How, number>> = { exact: 0, equivalent: 1, phonetic: 2, fuzzy: 3, initial: 4, joined: 5, abbreviation: 6 };

/** Computes a token similarity as a memo entry. */
function memoOf(a: Token, b: Token): MemoSimilarity {
  const sim = tokenSimilarity(a, b);
  const how = howOf();
  return sim === 1 && how === 'exact' ? EXACT : { sim, how };
}

/**
 * The index's memo of token similarities across queries: one row per interned query token, keyed by candidate token
 * id. Interned tokens never change spelling, so a remembered similarity stays exact. It also holds the scratch table of
 * the query being screened (see queryCache).
 */
export class SharedSimilarities {
  readonly rows = new Map<number, Map<number, MemoSimilarity>>();
  size = 0;
  /** The current query's table: per candidate token id, the query that met it (2 id) and where its similarities with the query's tokens start (2 id + 1). */
  slots = new Int32Array(0);
  sims = new Float64Array(0);
  hows = new Uint8Array(0);
  generation = 0;

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

  bytes(): number {
    return this.size * 72 + this.rows.size * 64 + this.slots.byteLength + this.sims.byteLength + this.hows.byteLength;
  }
}

/**
 * A memo for one query: similarities with interned query tokens go to `shared` (kept across queries), those of the
 * query's transient tokens stay in this memo only. Similarities with transient candidate tokens are not memoised.
 * With the query's name forms given, a dense table (one row per candidate token met, one column per distinct query
 * token) answers repeated pairs with two array reads; the table lives in `shared` and is started afresh per query.
 */
export function queryCache(shared: SharedSimilarities, forms: ReadonlyArray<{ readonly tokens: readonly Token[] }> = []): SimCache {
  return new QueryCache(shared, forms);
}

class QueryCache implements SimCache {
  private readonly local = new Map<number, Map<number, MemoSimilarity>>();
  private lastId = NaN;
  private lastRow: Map<number, MemoSimilarity> | undefined;
  private readonly columns = new Map<number, number>();
  private readonly columnsByForm = new Map<readonly Token[], Int32Array>();
  private lastTokens: readonly Token[] | undefined;
  private lastColumns: Int32Array = new Int32Array(0);
  private readonly width: number;
  private readonly generation: number;
  private used = 0;

  constructor(
    private readonly shared: SharedSimilarities,
    forms: ReadonlyArray<{ readonly tokens: readonly Token[] }>,
  ) {
    for (const f of forms) for (const t of f.tokens) if (!this.columns.has(t.id)) this.columns.set(t.id, this.columns.size);
    this.width = this.columns.size;
    if (++shared.generation > 2_000_000_000) {
      shared.slots.fill(0);
      shared.generation = 1;
    }
    this.generation = shared.generation;
  }

  similarity(a: Token, b: Token): MemoSimilarity {
    const sim = this.simOf(a, b);
    return sim === 1 && lastHow === 'exact' ? EXACT : sim === 0 && lastHow === 'fuzzy' ? NONE : { sim, how: lastHow };
  }

  /** similarity(a, b).sim, with its `how` left in `lastHow`: no memo entry is made for what is found quickly. */
  private simOf(a: Token, b: Token): number {
    if (b.id < 0) return tokenSimilarity(a, b);
    // What is found without comparing characters is found again faster than it is looked up: only the rest is kept.
    const quick = quickSimilarity(a, b);
    if (quick >= 0) {
      if (quick === 0) lastHow = 'fuzzy';
      return quick;
    }
    if (a.id !== this.lastId) {
      this.lastId = a.id;
      if (a.id >= 0) this.lastRow = this.shared.row(a.id);
      else {
        this.lastRow = this.local.get(a.id);
        if (!this.lastRow) this.local.set(a.id, (this.lastRow = new Map()));
      }
    }
    const row = this.lastRow!;
    let v = row.get(b.id);
    if (v === undefined) {
      v = memoOf(a, b);
      row.set(b.id, v);
      if (a.id >= 0) this.shared.size++;
    }
    lastHow = v.how;
    return v.sim;
  }

  fill(q: readonly Token[], c: readonly Token[], sims: Float64Array, hows: How[]): void {
    const nq = q.length;
    const nc = c.length;
    const cols = this.columnsOf(q);
    const table = this.shared;
    for (let j = 0; j < nc; j++) {
      const b = c[j]!;
      const start = b.id >= 0 && this.width > 0 ? this.rowOf(b.id) : -1;
      for (let i = 0; i < nq; i++) {
        const col = start < 0 ? -1 : cols[i]!;
        if (col < 0) {
          sims[i * nc + j] = this.simOf(q[i]!, b);
          hows[i * nc + j] = lastHow;
          continue;
        }
        const at = start + col;
        let s = table.sims[at]!;
        if (s !== s) {
          table.sims[at] = s = this.simOf(q[i]!, b);
          table.hows[at] = HOW_CODE[lastHow];
        }
        sims[i * nc + j] = s;
        hows[i * nc + j] = HOWS[table.hows[at]!]!;
      }
    }
  }

  maxima(q: readonly Token[], c: readonly Token[], capQ: Float64Array, capC: Float64Array, cIds?: ArrayLike<number>, stride = 1): void {
    const nq = q.length;
    const nc = c.length;
    const cols = this.columnsOf(q);
    for (let i = 0; i < nq; i++) capQ[i] = 0;
    const table = this.shared;
    for (let j = 0; j < nc; j++) {
      const id = cIds ? cIds[j * stride]! : c[j]!.id;
      const start = id >= 0 && this.width > 0 ? this.rowOf(id) : -1;
      let capB = 0;
      for (let i = 0; i < nq; i++) {
        const col = start < 0 ? -1 : cols[i]!;
        let s: number;
        if (col < 0) s = this.simOf(q[i]!, c[j]!);
        else {
          const at = start + col;
          s = table.sims[at]!;
          if (s !== s) {
            table.sims[at] = s = this.simOf(q[i]!, c[j]!);
            table.hows[at] = HOW_CODE[lastHow];
          }
        }
        if (s < MIN_PAIR_SIMILARITY) continue;
        if (s > capQ[i]!) capQ[i] = s;
        if (s > capB) capB = s;
      }
      capC[j] = capB;
    }
  }

  /** The table column of each of `q`'s tokens (−1 for a token that has none), worked out once per token list. */
  private columnsOf(q: readonly Token[]): Int32Array {
    if (q === this.lastTokens) return this.lastColumns;
    let cols = this.columnsByForm.get(q);
    if (!cols) {
      cols = new Int32Array(q.length);
      for (let i = 0; i < q.length; i++) cols[i] = this.columns.get(q[i]!.id) ?? -1;
      this.columnsByForm.set(q, cols);
    }
    this.lastTokens = q;
    this.lastColumns = cols;
    return cols;
  }

  /** Where the table's row of candidate token `id` starts (a new row of NaN, "not yet computed", on first use). */
  private rowOf(id: number): number {
    const t = this.shared;
    if (2 * id + 1 >= t.slots.length) {
      const slots = new Int32Array(Math.max(2048, (id + 1) * 4));
      slots.set(t.slots);
      t.slots = slots;
    }
    if (t.slots[2 * id] === this.generation) return t.slots[2 * id + 1]!;
    const start = this.used;
    this.used += this.width;
    if (this.used > t.sims.length) {
      const size = Math.max(4096, this.used * 2);
      const sims = new Float64Array(size);
      sims.set(t.sims.subarray(0, start));
      const hows = new Uint8Array(size);
      hows.set(t.hows.subarray(0, start));
      t.sims = sims;
      t.hows = hows;
    }
    t.sims.fill(NaN, start, this.used);
    t.slots[2 * id] = this.generation;
    t.slots[2 * id + 1] = start;
    return start;
  }
}

let lastHow: How = 'exact';

/** Similarity of two tokens in [0, 1]; the kind of correspondence is left in `howOf()`. */
export function tokenSimilarity(a: Token, b: Token): number {
  const quick = quickSimilarity(a, b);
  if (quick >= 0) return quick;
  const s = textSimilarity(a.text, b.text);
  if (s < PHONETIC_SIMILARITY && sharesKey(a, b)) return ((lastHow = 'phonetic'), PHONETIC_SIMILARITY);
  lastHow = 'fuzzy';
  return s;
}

/**
 * tokenSimilarity when it needs no character comparison (same spelling, numbers, initials, equivalents, spellings too
 * far apart); −1 otherwise. The kind of correspondence is left in `howOf()` when one is found.
 */
function quickSimilarity(a: Token, b: Token): number {
  if (a.text === b.text) return ((lastHow = 'exact'), 1);
  if (a.kind === Kind.Number || b.kind === Kind.Number) return 0;
  if (a.kind === Kind.Initial || b.kind === Kind.Initial) {
    if (a.kind === b.kind) return 0;
    const [i, w] = a.kind === Kind.Initial ? [a, b] : [b, a];
    return w.text.startsWith(i.text) ? ((lastHow = 'initial'), 0.9) : 0;
  }
  if (a.eq.length && a.eq.includes(b.text)) return ((lastHow = 'equivalent'), 0.95);
  // Spellings too far apart to be paired count as 0 (a similarity under MIN_PAIR_SIMILARITY is never used).
  if (
    (a.mask >= 0 && b.mask >= 0 && maskCeiling(a.text, a.mask, b.text, b.mask) < MIN_PAIR_SIMILARITY) ||
    similarityCeiling(a.text, b.text) < MIN_PAIR_SIMILARITY
  ) {
    lastHow = sharesKey(a, b) ? 'phonetic' : 'fuzzy';
    return lastHow === 'phonetic' ? PHONETIC_SIMILARITY : 0;
  }
  return -1;
}

function sharesKey(a: Token, b: Token): boolean {
  if ((a.phonMask & b.phonMask) === 0) return false;
  for (const k of a.phon) if (b.phon.includes(k)) return true;
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

/** Lowest similarity of a joined/split pair (sergeilavrov ↔ sergei lavrov). */
const JOINED_SIMILARITY = 0.88;
/** Similarity of an abbreviation with the words whose initials it spells. */
const ABBREVIATION_SIMILARITY = 0.8;

function joinText(x: readonly Token[], i: number, n: number): string {
  let s = x[i]!.text;
  for (let k = 1; k < n; k++) s += x[i + k]!.text;
  return s;
}

/** Letter mask of tokens joined (see letterMask); −1 when one of them has none or the joined spelling is too long. */
function joinMask(x: readonly Token[], i: number, n: number, length: number): number {
  if (length > MAX_COMPARE) return -1;
  let mask = 0;
  for (let k = i; k < i + n; k++) {
    if (x[k]!.mask < 0) return -1;
    mask |= x[k]!.mask;
  }
  return mask;
}

/**
 * A similarity of 0.88 needs a Levenshtein similarity of at least 0.76: spellings that differ by more edits than this
 * are not compared (joined tokens of `length` characters against `t`).
 */
const joinedEdits = (length: number, t: Token) => 0.24 * Math.max(Math.min(length, MAX_COMPARE), Math.min(t.text.length, MAX_COMPARE));

/** Letters one side lacks are edits (the masks' count is a lower bound of the characters' count): too many for a joined pair. */
const masksApart = (mask: number, t: Token, most: number) => mask >= 0 && t.mask >= 0 && Math.max(letters(mask & ~t.mask), letters(t.mask & ~mask)) > most;

/** Similarity of joined tokens with a token of a compatible length; 0 when under JOINED_SIMILARITY can be shown cheaply. */
function joinedSimilarity(joined: string, mask: number, t: Token): number {
  const text = t.text;
  if (text === joined) return 1;
  const most = joinedEdits(joined.length, t);
  if (masksApart(mask, t, most)) return 0;
  if (editLowerBound(joined, text) > most) return 0;
  // Under JOINED_SIMILARITY the similarity is not used: a ceiling below it (with a margin for rounding) spares computing it.
  if (similarityCeiling(joined, text) < JOINED_SIMILARITY - 1e-9) return 0;
  return textSimilarity(joined, text);
}

/** A bit for a length (31 for every length from 31 on): two lengths at most 2 apart have bits at most 2 apart. */
export const lengthBit = (n: number) => 1 << Math.min(n, 31);
/** A length mask with the bits of every length within 2 of one in `m`. */
export const within2 = (m: number) => m | (m << 1) | (m << 2) | (m >>> 1) | (m >>> 2);

/**
 * Calls `visit(i, n, j, sim)` for each run of 2 or 3 adjacent tokens of `x` (from `i`) that, joined, spell token `j` of
 * `y`. `yLong`, when known, is the length mask (see lengthBit) of `y`'s tokens of 4 characters or more: a run of no
 * length within 2 of one of them is not compared.
 */
function eachJoin(x: readonly Token[], y: readonly Token[], visit: (i: number, n: number, j: number, sim: number) => void, yLong = -1): void {
  for (let i = 0; i + 1 < x.length; i++) {
    let len = x[i]!.text.length;
    for (let n = 2; n <= 3 && i + n - 1 < x.length; n++) {
      len += x[i + n - 1]!.text.length;
      if ((within2(lengthBit(len)) & yLong) === 0) continue;
      let joined: string | undefined;
      let mask = -2;
      for (let j = 0; j < y.length; j++) {
        const t = y[j]!.text;
        if (t.length < 4 || Math.abs(t.length - len) > 2) continue;
        if (mask === -2) mask = joinMask(x, i, n, len);
        // The letters test of joinedSimilarity first, before the joined spelling is made (the same spelling has the same letters).
        if (masksApart(mask, y[j]!, joinedEdits(len, y[j]!))) continue;
        joined ??= joinText(x, i, n);
        const sim = joinedSimilarity(joined, mask, y[j]!);
        if (sim >= JOINED_SIMILARITY) visit(i, n, j, sim);
      }
    }
  }
}

/** Tokens of `x` joined (2 or 3 adjacent ones) that spell a token of `y`: candidates for a split/joined pair. */
function joins(x: readonly Token[], y: readonly Token[], xIsQuery: boolean, out: Cand[], yLong: number): void {
  eachJoin(
    x,
    y,
    (i, n, j, sim) => {
      const xs = range(i, n);
      out.push(xIsQuery ? { q: xs, c: [j], sim, how: 'joined' } : { q: [j], c: xs, sim, how: 'joined' });
    },
    yLong,
  );
}

/** A short token of `x` whose letters are the initials of adjacent tokens of `y` (JC ↔ Jean Claude, PLA ↔ People's Liberation Army). */
function abbreviations(x: readonly Token[], y: readonly Token[], xIsQuery: boolean, words: boolean, out: Cand[]): void {
  eachAbbreviation(x, y, words, (i, j, n) => {
    const ys = range(j, n);
    out.push(
      xIsQuery ? { q: [i], c: ys, sim: ABBREVIATION_SIMILARITY, how: 'abbreviation' } : { q: ys, c: [i], sim: ABBREVIATION_SIMILARITY, how: 'abbreviation' },
    );
  });
}

/**
 * Calls `visit(i, j, n)` for each short word `i` of `x` spelled by the initials of the `n` adjacent tokens of `y` from `j`
 * (with `words` false, only words of letters without a vowel: see WORDS_ABBREVIATE).
 */
function eachAbbreviation(x: readonly Token[], y: readonly Token[], words: boolean, visit: (i: number, j: number, n: number) => void): void {
  for (let i = 0; i < x.length; i++) {
    const t = x[i]!.text;
    if (t.length < 2 || t.length > 5 || x[i]!.kind !== Kind.Word || !(words || lettersOnlyWord(x[i]!.mask))) continue;
    for (let j = 0; j + t.length <= y.length; j++) {
      let k = 0;
      while (k < t.length && y[j + k]!.text.charCodeAt(0) === t.charCodeAt(k) && y[j + k]!.text.length > 1) k++;
      if (k === t.length) visit(i, j, k);
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
  if (cache) {
    cache.fill(q, c, sims, hows);
    return { sims, hows };
  }
  for (let i = 0; i < q.length; i++) {
    const a = q[i]!;
    for (let j = 0; j < nc; j++) {
      sims[i * nc + j] = tokenSimilarity(a, c[j]!);
      hows[i * nc + j] = howOf();
    }
  }
  return { sims, hows };
}

/**
 * Aligns two token lists: every token pair's similarity (memoised in `cache` when the candidate token is interned, or
 * given as `matrix`), joined/split and abbreviation candidates, then a greedy assignment from the most similar pair down.
 * `parts`, `longQ` and `longC` say which composite pairs can hold, as for compositeCaps.
 */
export function align(q: readonly Token[], c: readonly Token[], cache?: SimCache, matrix?: SimMatrix, parts = ALL_PARTS, longQ = -1, longC = -1): TokenPair[] {
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
    if (parts & JOINED_Q) joins(q, c, true, cands, longC);
    if (parts & JOINED_C) joins(c, q, false, cands, longQ);
    const words = (parts & WORDS_ABBREVIATE) !== 0;
    if (parts & ABBREVIATED_Q) abbreviations(q, c, true, words, cands);
    if (parts & ABBREVIATED_C) abbreviations(c, q, false, words, cands);
    if (cands.length > before) pairs = greedy(cands, q.length, c.length);
  }
  return pairs;
}

/**
 * The most a joined/split or abbreviation pair can give each token (0 when none can hold it): for the query's tokens in
 * `capQ` and the candidate's in `capC`. The same pairs as align's `joins` and `abbreviations`, so a cap is never below
 * the similarity of a composite pair the alignment makes. `parts` leaves out the kinds of pairs the caller knows cannot
 * hold; `longQ` and `longC`, when known, are the length masks of each side's tokens of 4 characters or more (see eachJoin).
 */
export function compositeCaps(
  q: readonly Token[],
  c: readonly Token[],
  capQ: Float64Array,
  capC: Float64Array,
  parts = ALL_PARTS,
  longQ = -1,
  longC = -1,
): void {
  capQ.fill(0, 0, q.length);
  capC.fill(0, 0, c.length);
  if (q.length < 2 && c.length < 2) return;
  if (parts & JOINED_Q) joinedCaps(q, c, capQ, capC, longC);
  if (parts & JOINED_C) joinedCaps(c, q, capC, capQ, longQ);
  const words = (parts & WORDS_ABBREVIATE) !== 0;
  if (parts & ABBREVIATED_Q) abbreviationCaps(q, c, words, capQ, capC);
  if (parts & ABBREVIATED_C) abbreviationCaps(c, q, words, capC, capQ);
}

/** Caps from `joins(x, y)`: adjacent tokens of x joined that spell a token of y. */
function joinedCaps(x: readonly Token[], y: readonly Token[], capX: Float64Array, capY: Float64Array, yLong: number): void {
  eachJoin(
    x,
    y,
    (i, n, j, sim) => {
      for (let k = i; k < i + n; k++) if (sim > capX[k]!) capX[k] = sim;
      if (sim > capY[j]!) capY[j] = sim;
    },
    yLong,
  );
}

/** Caps from `abbreviations(x, y)`: a short word of x spelled by the initials of adjacent tokens of y. */
function abbreviationCaps(x: readonly Token[], y: readonly Token[], words: boolean, capX: Float64Array, capY: Float64Array): void {
  eachAbbreviation(x, y, words, (i, j, n) => {
    if (capX[i]! < ABBREVIATION_SIMILARITY) capX[i] = ABBREVIATION_SIMILARITY;
    for (let m = j; m < j + n; m++) if (capY[m]! < ABBREVIATION_SIMILARITY) capY[m] = ABBREVIATION_SIMILARITY;
  });
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

const GREEDY_SCRATCH = 64;
const greedyQ = new Uint8Array(GREEDY_SCRATCH);
const greedyC = new Uint8Array(GREEDY_SCRATCH);

const bySimilarity = (x: Cand, y: Cand) => y.sim - x.sim || y.q.length + y.c.length - (x.q.length + x.c.length);

/** Greedy assignment: the most similar candidate pair first, each token used once. */
function greedy(cands: Cand[], nq: number, nc: number): TokenPair[] {
  sortSmall(cands, bySimilarity);
  const usedQ = nq <= GREEDY_SCRATCH ? greedyQ.fill(0, 0, nq) : new Uint8Array(nq);
  const usedC = nc <= GREEDY_SCRATCH ? greedyC.fill(0, 0, nc) : new Uint8Array(nc);
  const pairs: TokenPair[] = [];
  for (const cand of cands) {
    if (anyUsed(cand.q, usedQ) || anyUsed(cand.c, usedC)) continue;
    for (const i of cand.q) usedQ[i] = 1;
    for (const j of cand.c) usedC[j] = 1;
    pairs.push(cand);
  }
  return pairs;
}
