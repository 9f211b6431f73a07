// Finds the indexed tokens a query token may be a spelling of: exact, name equivalents, phonetic key, character trigrams,
// neighbouring letters swapped.
import { Kind, type Lexicon, type Token } from './lexicon.js';
import { IntList } from './postings.js';
import { PHONETIC_SIMILARITY, textSimilarity } from './align.js';
import { maskCeiling, similarityCeiling } from './strings.js';

export interface Expansion {
  id: number;
  sim: number;
}

/** Lowest similarity of a fuzzy expansion kept for retrieval (below what the scorer treats as a spelling, for recall). */
export const MIN_EXPANSION_SIMILARITY = 0.7;
/** Phonetic buckets larger than this are not expanded (their tokens are found by trigrams when close enough). */
const MAX_PHONETIC_BUCKET = 200;
/** Most fuzzy expansions kept per query token, best first. */
export const MAX_EXPANSIONS = 24;

function trigrams(text: string): string[] {
  const s = `^${text}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= s.length; i++) out.push(s.slice(i, i + 3));
  return [...new Set(out)];
}

/** Indexes a lexicon's tokens by trigram and phonetic key, and expands query tokens against them (and their equivalents). */
export class VocabularySearch {
  private readonly grams = new Map<string, IntList>();
  private readonly phon = new Map<string, IntList>();
  private gramCount = new Uint8Array(0);
  private counts = new Uint16Array(0);
  /** Scratch: tokens met by a fuzzy search. */
  private touched: Int32Array = new Int32Array(256);
  private synced = 0;

  constructor(private readonly lex: Lexicon) {}

  /** Takes in the tokens interned since the last call. */
  sync(): void {
    const n = this.lex.size;
    if (this.synced === n) return;
    if (this.counts.length < n) {
      const size = Math.max(1024, n * 2);
      this.counts = new Uint16Array(size);
      const g = new Uint8Array(size);
      g.set(this.gramCount.subarray(0, Math.min(this.gramCount.length, size)));
      this.gramCount = g;
    }
    const put = (map: Map<string, IntList>, key: string, id: number) => {
      let l = map.get(key);
      if (!l) map.set(key, (l = new IntList(2)));
      l.push(id);
    };
    for (let id = this.synced; id < n; id++) {
      const t = this.lex.get(id)!;
      if (t.kind !== Kind.Word && t.kind !== Kind.Particle) continue;
      for (const k of t.phon) put(this.phon, k, id);
      if (t.text.length >= 3) {
        const gs = trigrams(t.text);
        this.gramCount[id] = Math.min(255, gs.length);
        for (const g of gs) put(this.grams, g, id);
      }
    }
    this.synced = n;
  }

  /** Indexed tokens `t` may be a spelling of, each with its similarity (the token itself, if indexed, with 1). */
  expand(t: Token): Expansion[] {
    const out = new Map<number, number>();
    const exact = this.live(t.text);
    if (exact) out.set(exact.id, 1);
    if (t.kind !== Kind.Word) return toList(out);
    for (const e of t.eq) {
      const found = this.live(e);
      if (found) out.set(found.id, Math.max(out.get(found.id) ?? 0, 0.95));
    }
    const text = t.text;
    for (const k of t.phon) {
      const bucket = this.phon.get(k);
      // A phonetic bucket shared by very many tokens says little: only the fuzzy search below is used then.
      if (!bucket || (bucket.length > MAX_PHONETIC_BUCKET && this.liveCount(bucket) > MAX_PHONETIC_BUCKET)) continue;
      for (let i = 0; i < bucket.length; i++) {
        const id = bucket.data[i]!;
        if (out.has(id) || this.lex.frequency(id) === 0) continue;
        const other = this.lex.get(id)!;
        // A name that sounds like a particle (JULIA, LEE like AL) is not one: only a word no longer than the particle may
        // be a misspelling of it (YL for AL). Particles' postings are also the longest of an index.
        if (other.kind !== Kind.Word && text.length > other.text.length) continue;
        // Spellings whose similarity ceiling is at most the phonetic similarity get that similarity.
        const low =
          (t.mask >= 0 && other.mask >= 0 && maskCeiling(text, t.mask, other.text, other.mask) <= PHONETIC_SIMILARITY) ||
          similarityCeiling(text, other.text) <= PHONETIC_SIMILARITY;
        out.set(id, low ? PHONETIC_SIMILARITY : Math.max(PHONETIC_SIMILARITY, textSimilarity(text, other.text)));
      }
    }
    if (t.text.length >= 4) {
      this.fuzzy(t, out);
      this.transposed(t, out);
    }
    return toList(out);
  }

  /**
   * Indexed words spelled like `t` with two neighbouring letters swapped (HEMLY for HELMY, GEOGRE for GEORGE): the
   * commonest typing slip, which in a short word leaves too few trigrams in common for the fuzzy search.
   */
  private transposed(t: Token, out: Map<number, number>): void {
    const text = t.text;
    for (let i = 0; i + 1 < text.length; i++) {
      if (text[i] === text[i + 1]) continue;
      const other = this.live(text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2));
      if (!other || other.kind !== Kind.Word || out.has(other.id)) continue;
      const sim = textSimilarity(text, other.text);
      if (sim >= MIN_EXPANSION_SIMILARITY) out.set(other.id, sim);
    }
  }

  /**
   * Tokens sharing enough trigrams with `t` (Dice ≥ 0.35) and spelled closely enough (similarity at least
   * MIN_EXPANSION_SIMILARITY) are added to `out` with their similarity.
   */
  private fuzzy(t: Token, out: Map<number, number>): void {
    const text = t.text;
    const gs = trigrams(text);
    const { counts, gramCount, lex } = this;
    let n = 0;
    for (const g of gs) {
      const list = this.grams.get(g);
      if (!list) continue;
      const data = list.data;
      for (let i = 0; i < list.length; i++) {
        const id = data[i]!;
        if (counts[id] === 0) {
          if (n === this.touched.length) this.touched = grow(this.touched);
          this.touched[n++] = id;
        }
        counts[id]!++;
      }
    }
    const ids = this.touched;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      const shared = counts[id]!;
      counts[id] = 0;
      if ((2 * shared) / (gs.length + gramCount[id]!) < 0.35 || out.has(id) || lex.frequency(id) === 0) continue;
      const other = lex.get(id)!;
      // Both ceilings are never below the similarity: spellings they put under the minimum are not compared.
      if (t.mask >= 0 && other.mask >= 0 && maskCeiling(text, t.mask, other.text, other.mask) < MIN_EXPANSION_SIMILARITY) continue;
      if (similarityCeiling(text, other.text) < MIN_EXPANSION_SIMILARITY) continue;
      const sim = textSimilarity(text, other.text);
      if (sim >= MIN_EXPANSION_SIMILARITY) out.set(id, sim);
    }
  }

  /** Splits a long token into two indexed tokens (sergeilavrov → sergei + lavrov); none when no split is indexed. */
  split(t: Token): [number, number] | undefined {
    const s = t.text;
    if (s.length < 6 || t.kind !== Kind.Word) return undefined;
    for (let k = 2; k <= s.length - 2; k++) {
      const a = this.live(s.slice(0, k));
      const b = a && this.live(s.slice(k));
      if (a && b && a.kind === Kind.Word && b.kind === Kind.Word) return [a.id, b.id];
    }
    return undefined;
  }

  /**
   * The interned token spelled `text` while some indexed name holds it (tokens of removed names stay interned but are
   * not offered: retrieval after updates equals that of a fresh build).
   */
  live(text: string): Token | undefined {
    const t = this.lex.find(text);
    return t && this.lex.frequency(t.id) > 0 ? t : undefined;
  }

  bytes(): number {
    let b = this.counts.byteLength + this.gramCount.byteLength;
    for (const m of [this.grams, this.phon]) for (const [k, l] of m) b += k.length * 2 + l.data.byteLength + 80;
    return b;
  }

  /** Tokens of a bucket some indexed name still holds. */
  private liveCount(list: IntList): number {
    let n = 0;
    for (let i = 0; i < list.length; i++) if (this.lex.frequency(list.data[i]!) > 0) n++;
    return n;
  }
}

function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function toList(m: Map<number, number>): Expansion[] {
  const out = [...m].map(([id, sim]) => ({ id, sim }));
  out.sort((a, b) => b.sim - a.sim);
  return out.length > MAX_EXPANSIONS ? out.slice(0, MAX_EXPANSIONS) : out;
}
