// Retrieval: postings summed into 8-byte per-name records (slot stamp, length, schema, accumulator), then the top
// entities by a heap of names. Records may be stored in another order than the names' (see renumber).
import type { Postings } from './postings.js';
import { sortSmall } from './sort.js';

export interface Hit {
  entity: number;
  /** The name as registered (not its place in the records). */
  name: number;
  score: number;
}

/** A query token's indexed spellings with their weights; a name counts only its best spelling of each slot. */
export type Slot = ReadonlyArray<{ id: number; w: number }>;

/** What retrieval reads of an index besides the names registered with it: postings and each name's tokens. */
export interface Corpus {
  /** Postings hold each name's place (`place(n)`), not the name as registered. */
  postings: Postings;
  /** Entity ids are below this. */
  entities: number;
  /** Token ids are below this. */
  tokens: number;
  /** The distinct tokens of name n (those its postings hold) are nameTokens[tokenStart[n] … tokenStart[n + 1]). */
  tokenStart: Int32Array;
  nameTokens: Int32Array;
  /** Per token id: its first letter as 1 (a) … 26 (z), else 0; what a query's initials are compared with (see run). */
  initialOf?: Uint8Array;
}

/**
 * A name's record is two int32: the stamp of the last slot that added to it with its length and schema (see below), and
 * the score accumulated so far (float32 bits; 0: not touched).
 */
const STRIDE = 2;
const ACC = 1;
/** Slots are stamped 1 … STAMP_MASK, then again from 1 (the stamps are cleared). */
const STAMP_MASK = 0xffff;
const LENGTH_SHIFT = 16;
const SCHEMA_SHIFT = 24;
/** Bit 31 of the first word: the name is removed. */
const REMOVED = 1 << 31;

const byWeight = (a: { w: number }, b: { w: number }) => b.w - a.w;

/** Shorter names win ties: each token of a retrieved name costs this much. */
const LENGTH_COST = 0.01;
/** Postings of a token shorter than this are always read (deferring them saves less than it costs). */
export const DEFER_MIN = 16_384;
const NONE: ReadonlySet<number> = new Set();
/**
 * What each of a query's initials adds to a name found by its words that holds a token with that first letter: more
 * than the length cost of the tokens it accounts for, less than any word's weight (A. W. MOHAMMAD finds ATIQULLAH WALI
 * MOHAMMAD before the many shorter MOHAMMADs). Initials find no name by themselves (a letter's postings are most names).
 */
export const INITIAL_WEIGHT = 1 / 16;
const NO_INITIALS: readonly number[] = [];
/** More than the rounding of a float32 sum of slot weights can be. */
const ROUNDING = 1e-4;
/** Above this many names found before the deferred tokens are added, those that cannot reach the result are dropped. */
const PRUNE_MIN = 1024;
/** Most slots whose tokens can be deferred in one query (a bit each). */
const MAX_DEFERRED_SLOTS = 30;
/**
 * Indexes of this many names or more read a query's low-weight spellings sparsely (see sparsePlan): their records (8
 * bytes a name) outgrow a core's cache. Reading sparsely made screening 1.3 times as fast on 1,000,000 generated names,
 * 1.02 times on 250,000, and 0.995 times on the 36,692 names of the real lists.
 */
export const SPARSE_NAMES = 1 << 18;
/** Queries with this many postings or more are read sparsely. */
export const SPARSE_MIN = 1024;
/** Postings per result wanted that the spellings read in full must hold. */
const SPARSE_KEEP = 2;
/** How far below the weight that reaches those postings the spellings read in full go: a name of 5 tokens' length cost. */
const SPARSE_GAP = 5 * 0.01;
/** Most slots a sparse reading tells apart (a filter each). */
const MAX_SPARSE_SLOTS = 8;
/** Bits of a slot's filter per posting of the query (a name's bit is also another's in about 1 of 16 / J). */
const FILTER_BITS = 16;

/** How a query is read sparsely (see Retrieval.sparsePlan). */
interface SparsePlan {
  /** Spellings of this weight or more are read in full. */
  inFull: number;
  /** The highest weight of a spelling not read in full. */
  skipped: number;
  /** 32-bit words of each slot's filter (a power of two). */
  words: number;
}

export class Retrieval {
  /** STRIDE int32 per name: what one posting reads and writes, and what ranking a touched name reads, share 8 bytes. */
  private rec = new Int32Array(0);
  /** The same buffer as float32 (the ACC field). */
  private recF = new Float32Array(0);
  /** Each name's entity, read only for the names ranked (a removed name has the REMOVED bit and is never ranked). */
  private entity = new Int32Array(0);
  /** The name held at each place (records, entities, postings and `touched` are by place), and each name's place. */
  private nameAt = new Int32Array(0);
  private placeOf = new Int32Array(0);
  private slotStamp = 0;
  private names = 0;
  /** The places of the names touched by the run (then of those kept, see retrievable). */
  private touched = new Int32Array(0);
  /** Each touched name's score, in touched order. */
  private touchedScore = new Float32Array(0);
  private entScore = new Float32Array(0);
  private entName = new Int32Array(0);
  private entMark = new Int32Array(0);
  private entTouched = new Int32Array(0);
  /** Per token: a bit per deferred slot holding it (bit 31: the token's postings are deferred). */
  private tokenMark = new Int32Array(0);
  /** Per deferred slot h and token t: the token's weight in the slot, at h × tokens + t. */
  private slotWeight = new Float32Array(0);
  private select = new Float32Array(0);
  /**
   * During a sparse reading of J slots, a filter per slot of the places its postings hold: bit `place & mask` of the
   * slot's bits, set for each. A bit set by another place as well only lets a name be read that need not be. The J
   * words holding a bit of each slot sit side by side, at ((place & mask) >>> 5) × J + slot.
   */
  private slotBits = new Int32Array(0);
  /** The places of a spelling's postings that another slot's filter holds (see inOthers). */
  private found = new Int32Array(0);
  private readonly full = new Float64Array(MAX_DEFERRED_SLOTS);
  private readonly light = new Float64Array(MAX_DEFERRED_SLOTS);
  private counter = 0;
  /**
   * Queries run, those whose deferred postings were proven needless, those that had to read them after all, the names
   * found before the deferred weights were added that were dropped as unable to reach the result, and the queries read
   * sparsely and those that had to be read in full after all.
   */
  readonly counts = { runs: 0, deferred: 0, fellBack: 0, pruned: 0, sparse: 0, sparseFellBack: 0 };

  /**
   * `deferMin`: postings at least this long may be deferred (Infinity: every posting is read). `pruneMin`: with
   * deferred postings or initials, above this many names found the names that cannot reach the result are dropped
   * before the deferred weights and the initials are added (Infinity: never). `sparseNames`, `sparseMin`: from this many
   * names registered and postings in a query, the query is read sparsely (see sparsePlan; Infinity: never).
   */
  constructor(
    private readonly deferMin = DEFER_MIN,
    private readonly pruneMin = PRUNE_MIN,
    private readonly sparseNames = SPARSE_NAMES,
    private readonly sparseMin = SPARSE_MIN,
  ) {}

  /**
   * Registers name `n` (names are numbered from 0 up, each once, in order) of `entity`, with its
   * token count and schema index. A new name's place is its number.
   */
  setName(n: number, entity: number, length: number, schema: number): void {
    if (schema > 127) throw new RangeError('retrieval: at most 128 schemas');
    if (n < this.names) throw new RangeError(`retrieval: name ${n} is already registered`);
    if (n > this.names) throw new RangeError(`retrieval: name ${n} registered before name ${this.names}`);
    if (n >= this.entity.length) {
      const size = Math.max(64, Math.ceil((n + 1) * 1.5));
      const grow = (a: Int32Array, stride = 1) => {
        const b = new Int32Array(size * stride);
        b.set(a);
        return b;
      };
      this.rec = grow(this.rec, STRIDE);
      this.recF = new Float32Array(this.rec.buffer);
      this.entity = grow(this.entity);
      this.nameAt = grow(this.nameAt);
      this.placeOf = grow(this.placeOf);
    }
    this.nameAt[n] = n;
    this.placeOf[n] = n;
    this.rec[n * STRIDE] = (Math.min(255, length) << LENGTH_SHIFT) | (schema << SCHEMA_SHIFT);
    this.recF[n * STRIDE + ACC] = 0;
    this.entity[n] = entity;
    this.names = n + 1;
  }

  /** Where name `n`'s record is: what its postings hold. */
  place(n: number): number {
    return this.placeOf[n]!;
  }

  /**
   * Stores the records in the order `names` gives (every registered name once): names[k] moves to place k. Postings built
   * afterwards must hold the new places. A posting list whose names sit close together is read with fewer cache misses;
   * results never depend on the order (ties are broken by the names as registered).
   */
  renumber(names: Int32Array): void {
    if (names.length !== this.names) throw new RangeError(`retrieval: renumber needs all ${this.names} names, got ${names.length}`);
    const rec = new Int32Array(this.rec.length);
    const entity = new Int32Array(this.entity.length);
    const nameAt = new Int32Array(this.nameAt.length);
    const placeOf = new Int32Array(this.placeOf.length).fill(-1);
    for (let k = 0; k < names.length; k++) {
      const n = names[k]!;
      if (!(n >= 0 && n < this.names) || placeOf[n] !== -1) throw new RangeError(`retrieval: renumber lists name ${n} twice or out of range`);
      const from = this.placeOf[n]!;
      rec[k * STRIDE] = this.rec[from * STRIDE]!;
      rec[k * STRIDE + ACC] = this.rec[from * STRIDE + ACC]!;
      entity[k] = this.entity[from]!;
      nameAt[k] = n;
      placeOf[n] = k;
    }
    this.rec = rec;
    this.recF = new Float32Array(rec.buffer);
    this.entity = entity;
    this.nameAt = nameAt;
    this.placeOf = placeOf;
  }

  /** A removed name is never retrieved again (its postings may remain until they are rebuilt). */
  removeName(n: number): void {
    if (n >= this.names) return;
    const at = this.placeOf[n]! * STRIDE;
    this.rec[at] = this.rec[at]! | REMOVED;
  }

  private ensure(entities: number, tokens: number): void {
    if (this.touched.length < this.names) {
      const size = Math.ceil(this.names * 1.25) + 16;
      this.touched = new Int32Array(size);
      this.touchedScore = new Float32Array(size);
    }
    if (this.entScore.length < entities) {
      const size = Math.ceil(entities * 1.25) + 16;
      this.entScore = new Float32Array(size);
      this.entName = new Int32Array(size);
      this.entMark = new Int32Array(size);
      this.entTouched = new Int32Array(size);
    }
    if (this.tokenMark.length < tokens) this.tokenMark = new Int32Array(Math.ceil(tokens * 1.25) + 16);
    if (this.counter > 2_000_000_000) {
      this.entMark.fill(0);
      this.counter = 0;
    }
  }

  /**
   * Sums, per name, the weight of the best indexed spelling of each slot; then keeps each entity's best name and returns
   * the `limit` best entities (ties: the lower best-name id first). Entities whose schema is not `allowed` are skipped.
   *
   * A token whose postings dwarf all the others' (a particle such as "al" held by a tenth of the names) is deferred:
   * the other postings are read first, the deferred tokens' weights are then added to the names found from those
   * names' own tokens, and a name found by no other posting can score at most the sum over slots of their deferred
   * weights. When that bound is below the `limit`-th entity's score, no such name can enter the result and the long
   * postings are never read; otherwise every posting is read. Either way the result is the full computation's (the
   * deferred weights, added last, may round the float32 scores differently). Before the deferred weights are added,
   * the names found that cannot reach the result even with them are dropped (see prune).
   *
   * Each of the query's `initials` (letters 1 … 26, see Corpus.initialOf) adds INITIAL_WEIGHT to the names found that
   * hold a token beginning with it (see addInitials).
   */
  run(slots: readonly Slot[], c: Corpus, limit: number, allowed: Uint8Array, initials: readonly number[] = NO_INITIALS): Hit[] {
    this.ensure(c.entities, c.tokens);
    this.counts.runs++;
    const deferred = this.deferred(slots, c.postings);
    const letters = c.initialOf && initials.length ? initials : NO_INITIALS;
    const sparse = this.sparsePlan(slots, c.postings, limit, deferred);
    if (deferred.size || sparse) {
      let hits = this.pass(slots, c, limit, allowed, deferred.size ? deferred : undefined, letters, sparse);
      if (sparse) this.counts[hits ? 'sparse' : 'sparseFellBack']++;
      // Deferred postings are the longest by far: without them, if that is enough, before reading them.
      if (!hits && sparse && deferred.size) hits = this.pass(slots, c, limit, allowed, deferred, letters);
      if (deferred.size) this.counts[hits ? 'deferred' : 'fellBack']++;
      if (hits) return hits;
    }
    return this.pass(slots, c, limit, allowed, undefined, letters)!;
  }

  /**
   * Whether to read a query's spellings sparsely, and how. The best-weighted spellings (from the weight at which they
   * hold SPARSE_KEEP × limit postings, less SPARSE_GAP) are read in full; of the others, only the names that another
   * slot finds as well, as a filter per slot tells (filled from every posting read first: a few bits a posting, it stays
   * in cache, where the records of a large index do not). A name left out is found in one slot only, by such a
   * spelling: it scores at most that spelling's weight more than a name no read posting finds (see pass). Undefined
   * when the index is small (its records stay in cache), or when reading sparsely would save little.
   */
  private sparsePlan(slots: readonly Slot[], postings: Postings, limit: number, deferred: ReadonlySet<number>): SparsePlan | undefined {
    if (this.names < this.sparseNames || slots.length > MAX_SPARSE_SLOTS) return undefined;
    let total = 0;
    const weights: number[] = [];
    for (const slot of slots)
      for (const { id, w } of slot) {
        const n = deferred.has(id) ? 0 : postings.count(id);
        total += n;
        if (n) weights.push(w, n);
      }
    if (total < this.sparseMin) return undefined;
    // The weight from which the spellings read in full hold SPARSE_KEEP × limit postings.
    const order = Array.from({ length: weights.length / 2 }, (_, k) => k).sort((a, b) => weights[2 * b]! - weights[2 * a]!);
    let reach = -Infinity;
    let sum = 0;
    for (const k of order) {
      sum += weights[2 * k + 1]!;
      if (sum >= SPARSE_KEEP * limit) {
        reach = weights[2 * k]!;
        break;
      }
    }
    const inFull = reach - SPARSE_GAP;
    let read = 0;
    let skipped = -Infinity;
    for (let k = 0; k < weights.length; k += 2) {
      if (weights[k]! >= inFull) read += weights[k + 1]!;
      else if (weights[k]! > skipped) skipped = weights[k]!;
    }
    if (!(skipped > -Infinity) || 2 * read > total) return undefined;
    // Filters of FILTER_BITS bits per posting (at most a bit per name), a power of two of 32-bit words each.
    const words = 1 << (32 - Math.clz32(Math.ceil(Math.min(total * FILTER_BITS, this.names) / 32) - 1));
    return { inFull, skipped, words };
  }

  /**
   * Appends to `found` (from `n` on) the places of `list[from, to)` whose bit the filter of a slot of J other than
   * `slot` has (see slotBits); returns the new count.
   */
  private inOthers(list: Int32Array, from: number, to: number, slot: number, J: number, mask: number, n: number): number {
    if (this.found.length < n + to - from) {
      const grown = new Int32Array(Math.ceil((n + to - from) * 1.5) + 16);
      grown.set(this.found.subarray(0, n));
      this.found = grown;
    }
    const { slotBits, found } = this;
    for (let k = from; k < to; k++) {
      const place = list[k]!;
      const b = place & mask;
      const at = (b >>> 5) * J;
      const bit = 1 << (b & 31);
      for (let j = 0; j < J; j++)
        if (j !== slot && (slotBits[at + j]! & bit) !== 0) {
          found[n++] = place;
          break;
        }
    }
    return n;
  }

  /** The next slot stamp (clearing the records' stamps when they wrap). */
  private nextStamp(): number {
    if (++this.slotStamp > STAMP_MASK) {
      const { rec } = this;
      for (let at = 0; at < this.names * STRIDE; at += STRIDE) rec[at] = rec[at]! & ~STAMP_MASK;
      this.slotStamp = 1;
    }
    return this.slotStamp;
  }

  /** Tokens whose postings to defer: the longest, while each is longer than all the postings still read together. */
  private deferred(slots: readonly Slot[], postings: Postings): ReadonlySet<number> {
    if (!(this.deferMin < Infinity)) return NONE;
    let total = 0;
    let longest = 0;
    for (const slot of slots)
      for (const { id } of slot) {
        const n = postings.count(id);
        total += n;
        if (n > longest) longest = n;
      }
    // Most queries: no posting long enough (a token met in several slots is counted once per slot here, as it is read).
    if (longest < this.deferMin || 2 * longest * slots.length <= total) return NONE;
    const cost = new Map<number, number>();
    for (const slot of slots) for (const { id } of slot) cost.set(id, (cost.get(id) ?? 0) + postings.count(id));
    const out = new Set<number>();
    const byCost = [...cost].filter(([, n]) => n >= this.deferMin).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    for (const [id, n] of byCost) {
      if (n <= total - n) break;
      out.add(id);
      total -= n;
    }
    return out;
  }

  /**
   * One accumulation; with deferred tokens or a sparse reading, undefined when the bound cannot prove the postings
   * not read needless.
   */
  private pass(
    slots: readonly Slot[],
    c: Corpus,
    limit: number,
    allowed: Uint8Array,
    deferred: ReadonlySet<number> | undefined,
    initials: readonly number[],
    sparse?: SparsePlan,
  ): Hit[] | undefined {
    const { postings } = c;
    const ids = postings.ids;
    const offsets = postings.offsets;
    const base = offsets.length - 1;
    // Slots holding a deferred token, numbered h = 0, 1 …; with the most a name found by none of their other tokens can get.
    const heavy: number[] = [];
    let bound = 0;
    if (deferred) {
      for (let j = 0; j < slots.length; j++) {
        let top = -1;
        for (const { id, w } of slots[j]!) if (deferred.has(id) && w > top) top = w;
        if (top >= 0) {
          heavy.push(j);
          bound += top;
        }
      }
      if (heavy.length > MAX_DEFERRED_SLOTS) return undefined;
      if (this.slotWeight.length < heavy.length * c.tokens) this.slotWeight = new Float32Array(Math.ceil(heavy.length * c.tokens * 1.25) + 16);
    }
    // Read sparsely: which names each slot finds (see sparsePlan and slotBits).
    const J = slots.length;
    const words = sparse && J > 1 ? sparse.words : 0;
    const filters = words * J;
    const mask = words * 32 - 1;
    if (filters) {
      if (this.slotBits.length < filters) this.slotBits = new Int32Array(filters);
      for (let j = 0; j < J; j++)
        for (const { id } of slots[j]!) {
          if (deferred?.has(id)) continue;
          if (id < base) setBits(this.slotBits, ids, offsets[id]!, offsets[id + 1]!, j, J, mask);
          const extra = postings.extraOf(id);
          if (extra) setBits(this.slotBits, extra.data, 0, extra.length, j, J, mask);
        }
    }
    let count = 0;
    for (let j = 0; j < J; j++) {
      const s = this.nextStamp();
      // Best spelling first: a name's first posting in a slot is its best, later ones are skipped.
      const entries = sortSmall([...slots[j]!], byWeight);
      for (const { id, w } of entries) {
        if (deferred?.has(id)) continue;
        // The postings packed at build, then those added by updates.
        const extra = postings.extraOf(id);
        if (!sparse || w >= sparse.inFull) {
          if (id < base) count = this.accumulate(ids, offsets[id]!, offsets[id + 1]!, s, w, count);
          if (extra) count = this.accumulate(extra.data, 0, extra.length, s, w, count);
        } else if (filters) {
          // Of a spelling not read in full, the names another slot's filter holds.
          let n = id < base ? this.inOthers(ids, offsets[id]!, offsets[id + 1]!, j, J, mask, 0) : 0;
          if (extra) n = this.inOthers(extra.data, 0, extra.length, j, J, mask, n);
          count = this.accumulate(this.found, 0, n, s, w, count);
        }
      }
    }
    if (filters) this.slotBits.fill(0, 0, filters);
    // The most a name read gains beyond what the postings read gave it: the deferred weights and the initials.
    const margin = bound + initials.length * INITIAL_WEIGHT;
    // Only names that this margin could lift into the result need the deferred weights and the initials, each read from
    // the name's own tokens: the others are dropped first.
    if ((heavy.length || initials.length) && count > this.pruneMin) count = this.prune(count, limit, allowed, margin);
    if (heavy.length) this.addDeferred(slots, c, heavy, deferred!, count);
    if (initials.length) this.addInitials(c, initials, count);
    const hits = this.best(count, limit, allowed);
    // A name no read posting found scores at most the margin (less its length cost, plus float rounding), and one found
    // only by a spelling not read in full at most that spelling's weight more: it cannot displace the last hit.
    const leftOut = margin + (sparse ? sparse.skipped : 0);
    if ((heavy.length || sparse) && (hits.length < limit || !(leftOut + ROUNDING < hits[hits.length - 1]!.score))) return undefined;
    return hits;
  }

  /**
   * Adds `w` to each name of `list[from, to)` not yet stamped `s` in this slot (its first posting in a slot is its best);
   * a name's first weight puts it in `touched`. Returns the new count of touched names.
   */
  private accumulate(list: Int32Array, from: number, to: number, s: number, w: number, count: number): number {
    const { rec, recF, touched } = this;
    for (let k = from; k < to; k++) {
      const name = list[k]!;
      const at = name * STRIDE;
      const head = rec[at]!;
      if ((head & STAMP_MASK) === s) continue;
      rec[at] = (head & ~STAMP_MASK) | s;
      const a = recF[at + ACC]!;
      if (a === 0) touched[count++] = name;
      recF[at + ACC] = a + w;
    }
    return count;
  }

  /**
   * Drops from the first `count` touched names those that cannot be among the `limit` best entities even with `margin`
   * added (the most the deferred tokens and the initials can add to a name), and those never retrieved (removed, or a
   * schema not `allowed`); clears their accumulators and returns how many names are kept (first in `touched`).
   *
   * The deferred weights and the initials only raise scores, so the `limit`-th best entity by the scores summed so far
   * is a floor for the final `limit`-th best: a name below that floor by more than `margin` stays below the final
   * `limit`-th entity and, if its entity is among the best, below that entity's best name. When fewer than `limit` entities are found, nothing
   * is dropped but the names never retrieved.
   */
  private prune(count: number, limit: number, allowed: Uint8Array, margin: number): number {
    const { entity, recF, touched, touchedScore } = this;
    const live = this.retrievable(count, allowed, false);
    if (live <= 2 * limit) return live;
    // The limit-th distinct entity among the names scoring at least the (2 × limit)-th best name score, if there are
    // that many (an entity's names are counted once).
    const cut = this.kthLargest(live, 2 * limit);
    let floor = -Infinity;
    const entities = new Set<number>();
    const byScore: number[] = [];
    for (let k = 0; k < live; k++) if (touchedScore[k]! >= cut) byScore.push(k);
    byScore.sort((a, b) => touchedScore[b]! - touchedScore[a]!);
    for (const k of byScore) {
      entities.add(entity[touched[k]!]!);
      if (entities.size === limit) {
        floor = touchedScore[k]!;
        break;
      }
    }
    if (floor === -Infinity) return live;
    const need = floor - margin - ROUNDING;
    let kept = 0;
    for (let k = 0; k < live; k++) {
      const name = touched[k]!;
      if (touchedScore[k]! >= need) touched[kept++] = name;
      else recF[name * STRIDE + ACC] = 0;
    }
    this.counts.pruned += live - kept;
    return kept;
  }

  /**
   * Keeps first in `touched` those of the first `count` touched names that can be retrieved (not removed, schema
   * `allowed`), with their scores (accumulator less the length cost) in `touchedScore`, and returns how many. Clears
   * the accumulators of the names left out, or of every name with `clearAll`.
   */
  private retrievable(count: number, allowed: Uint8Array, clearAll: boolean): number {
    const { rec, recF, touched, touchedScore } = this;
    let live = 0;
    for (let k = 0; k < count; k++) {
      const name = touched[k]!;
      const at = name * STRIDE;
      const head = rec[at]!;
      const score = Math.fround(recF[at + ACC]! - LENGTH_COST * ((head >> LENGTH_SHIFT) & 255));
      const out = head < 0 || allowed[(head >> SCHEMA_SHIFT) & 127] === 0;
      if (out || clearAll) recF[at + ACC] = 0;
      if (out) continue;
      touched[live] = name;
      touchedScore[live++] = score;
    }
    return live;
  }

  /** Adds to each found name what the deferred tokens it holds give beyond the slot weights it already has. */
  private addDeferred(slots: readonly Slot[], c: Corpus, heavy: readonly number[], deferred: ReadonlySet<number>, count: number): void {
    const { recF, touched, tokenMark, slotWeight, full, light } = this;
    const T = c.tokens;
    const marked: number[] = [];
    heavy.forEach((j, h) => {
      for (const { id, w } of slots[j]!) {
        if (tokenMark[id] === 0) marked.push(id);
        tokenMark[id]! |= 1 << h;
        if (deferred.has(id)) tokenMark[id]! |= 1 << 31;
        const at = h * T + id;
        if (w > slotWeight[at]!) slotWeight[at] = w;
      }
    });
    const { tokenStart, nameTokens } = c;
    const { nameAt } = this;
    for (let k = 0; k < count; k++) {
      const place = touched[k]!;
      const name = nameAt[place]!;
      let bits = 0;
      const end = tokenStart[name + 1]!;
      for (let p = tokenStart[name]!; p < end; p++) {
        const t = nameTokens[p]!;
        const m = tokenMark[t]!;
        if (m === 0) continue;
        const isDeferred = m < 0;
        for (let slotBits = m & 0x7fffffff; slotBits !== 0; slotBits &= slotBits - 1) {
          const h = 31 - Math.clz32(slotBits & -slotBits);
          if (!(bits & (1 << h))) {
            bits |= 1 << h;
            full[h] = 0;
            light[h] = 0;
          }
          const w = slotWeight[h * T + t]!;
          if (w > full[h]!) full[h] = w;
          if (!isDeferred && w > light[h]!) light[h] = w;
        }
      }
      let add = 0;
      for (; bits !== 0; bits &= bits - 1) {
        const h = 31 - Math.clz32(bits & -bits);
        add += full[h]! - light[h]!;
      }
      if (add > 0) recF[place * STRIDE + ACC]! += add;
    }
    for (const id of marked) {
      for (let h = 0; h < heavy.length; h++) slotWeight[h * T + id] = 0;
      tokenMark[id] = 0;
    }
  }

  /**
   * Adds INITIAL_WEIGHT to each of the first `count` touched names for each of the query's `initials` (letters 1 … 26)
   * that one of its tokens, each used once, begins with.
   */
  private addInitials(c: Corpus, initials: readonly number[], count: number): void {
    const { recF, touched, nameAt } = this;
    const { tokenStart, nameTokens } = c;
    const initialOf = c.initialOf!;
    for (let k = 0; k < count; k++) {
      const place = touched[k]!;
      const name = nameAt[place]!;
      const start = tokenStart[name]!;
      const end = Math.min(tokenStart[name + 1]!, start + 31);
      let used = 0;
      let matched = 0;
      for (const letter of initials)
        for (let p = start; p < end; p++) {
          const bit = 1 << (p - start);
          if (!(used & bit) && initialOf[nameTokens[p]!] === letter) {
            used |= bit;
            matched++;
            break;
          }
        }
      if (matched) recF[place * STRIDE + ACC]! += matched * INITIAL_WEIGHT;
    }
  }

  /**
   * The `limit` best entities among the touched names, best first, each with its best name; among equal scores the
   * lower name id first (an index numbers names in entity order, so the lower entity first). Clears the accumulators.
   *
   * The names scoring at least the (2 × limit)-th best score are sorted: the first `limit` distinct entities among them
   * are the answer when there are that many (an entity's best name comes before its other names). Only when one entity
   * fills many places are all touched names aggregated per entity.
   */
  private best(count: number, limit: number, allowed: Uint8Array): Hit[] {
    const { entity, nameAt, touched, touchedScore } = this;
    const live = this.retrievable(count, allowed, true);
    if (live === 0) return [];
    const m = Math.min(live, 2 * limit);
    const cut = m === live ? -Infinity : this.kthLargest(live, m);
    const above: number[] = [];
    const ties: number[] = [];
    for (let k = 0; k < live; k++) {
      const sc = touchedScore[k]!;
      if (sc > cut) above.push(k);
      else if (sc === cut) ties.push(touched[k]!);
    }
    above.sort((a, b) => touchedScore[b]! - touchedScore[a]! || nameAt[touched[a]!]! - nameAt[touched[b]!]!);
    ties.sort((a, b) => nameAt[a]! - nameAt[b]!);
    const out: Hit[] = [];
    // Entities taken are marked with this run's number.
    const run = ++this.counter;
    const { entMark } = this;
    const take = (place: number, score: number) => {
      const e = entity[place]!;
      if (entMark[e] === run) return;
      entMark[e] = run;
      out.push({ entity: e, name: nameAt[place]!, score });
    };
    for (let i = 0; i < above.length && out.length < limit; i++) take(touched[above[i]!]!, touchedScore[above[i]!]!);
    for (let i = 0; i < ties.length && out.length < limit; i++) take(ties[i]!, cut);
    // Fewer than `limit` entities: complete when every touched name was looked at, else aggregate per entity.
    return out.length === limit || above.length + ties.length === live ? out : this.perEntity(live, limit);
  }

  /**
   * The k-th largest of the first `n` touched scores: a min-heap of the k largest met so far, whose root is the one to
   * beat. Most scores are below it (the names touched first hold the best spellings), so each costs one comparison.
   */
  private kthLargest(n: number, k: number): number {
    if (this.select.length < k) this.select = new Float32Array(k);
    const heap = this.select;
    const scores = this.touchedScore;
    for (let i = 0; i < k; i++) {
      // Sift up.
      const v = scores[i]!;
      let at = i;
      while (at > 0) {
        const up = (at - 1) >> 1;
        if (heap[up]! <= v) break;
        heap[at] = heap[up]!;
        at = up;
      }
      heap[at] = v;
    }
    for (let i = k; i < n; i++) {
      const v = scores[i]!;
      if (v <= heap[0]!) continue;
      // Replace the root and sift it down.
      let at = 0;
      for (;;) {
        const l = 2 * at + 1;
        if (l >= k) break;
        const r = l + 1;
        const c = r < k && heap[r]! < heap[l]! ? r : l;
        if (heap[c]! >= v) break;
        heap[at] = heap[c]!;
        at = c;
      }
      heap[at] = v;
    }
    return heap[0]!;
  }

  /** The `limit` best entities over the first `count` touched names and their scores (see best). */
  private perEntity(count: number, limit: number): Hit[] {
    const run = ++this.counter;
    const { entity, nameAt, touched, touchedScore, entScore, entName, entMark, entTouched } = this;
    let ec = 0;
    for (let k = 0; k < count; k++) {
      const place = touched[k]!;
      const name = nameAt[place]!;
      const score = touchedScore[k]!;
      const e = entity[place]!;
      if (entMark[e] !== run) {
        entMark[e] = run;
        entScore[e] = score;
        entName[e] = name;
        entTouched[ec++] = e;
      } else if (score > entScore[e]! || (score === entScore[e] && name < entName[e]!)) {
        entScore[e] = score;
        entName[e] = name;
      }
    }
    return this.top(ec, limit);
  }

  /** The `limit` best touched entities, best first, the lower best-name id first among equals (a heap of the worst kept). */
  private top(count: number, limit: number): Hit[] {
    const { entScore, entName, entTouched } = this;
    const k = Math.min(limit, count);
    const heap = new Int32Array(k);
    let size = 0;
    // a ranks below b.
    const worse = (a: number, b: number) => {
      const sa = entScore[a]!;
      const sb = entScore[b]!;
      return sa < sb || (sa === sb && entName[a]! > entName[b]!);
    };
    for (let j = 0; j < count; j++) {
      const e = entTouched[j]!;
      if (size < k) {
        let i = size++;
        heap[i] = e;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (!worse(heap[i]!, heap[p]!)) break;
          const t = heap[i]!;
          heap[i] = heap[p]!;
          heap[p] = t;
          i = p;
        }
      } else if (k > 0 && worse(heap[0]!, e)) {
        heap[0] = e;
        for (let i = 0; ;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < size && worse(heap[l]!, heap[m]!)) m = l;
          if (r < size && worse(heap[r]!, heap[m]!)) m = r;
          if (m === i) break;
          const t = heap[i]!;
          heap[i] = heap[m]!;
          heap[m] = t;
          i = m;
        }
      }
    }
    const out: Hit[] = [];
    for (let j = 0; j < size; j++) out.push({ entity: heap[j]!, name: entName[heap[j]!]!, score: entScore[heap[j]!]! });
    return out.sort((a, b) => b.score - a.score || a.name - b.name);
  }

  bytes(): number {
    return (
      this.rec.byteLength +
      this.entity.byteLength +
      this.nameAt.byteLength +
      this.placeOf.byteLength +
      this.touched.byteLength +
      this.touchedScore.byteLength +
      this.entScore.byteLength +
      this.entName.byteLength +
      this.entMark.byteLength +
      this.entTouched.byteLength +
      this.tokenMark.byteLength +
      this.slotWeight.byteLength
    );
  }
}

/** Sets the bit of each place in `list[from, to)` in the filter of slot `slot` of J (see Retrieval.slotBits). */
function setBits(bits: Int32Array, list: Int32Array, from: number, to: number, slot: number, J: number, mask: number): void {
  for (let k = from; k < to; k++) {
    const b = list[k]! & mask;
    bits[(b >>> 5) * J + slot]! |= 1 << (b & 31);
  }
}
