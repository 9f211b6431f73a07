// Retrieval scratch space: per-name score accumulation over postings in typed arrays, then the top entities by a heap.
import type { Postings } from './postings.js';

export interface Hit {
  entity: number;
  name: number;
  score: number;
}

/** A query token's indexed spellings with their weights; a name counts only its best spelling of each slot. */
export type Slot = ReadonlyArray<{ id: number; w: number }>;

/** Shorter names win ties: each token of a retrieved name costs this much. */
const LENGTH_COST = 0.01;

export class Retrieval {
  private acc = new Float32Array(0);
  private best = new Float32Array(0);
  private stamp = new Int32Array(0);
  private touched = new Int32Array(0);
  private entScore = new Float32Array(0);
  private entName = new Int32Array(0);
  private entMark = new Int32Array(0);
  private entTouched = new Int32Array(0);
  private counter = 0;

  private ensure(names: number, entities: number): void {
    if (this.acc.length < names) {
      const size = Math.ceil(names * 1.25) + 16;
      const acc = new Float32Array(size);
      acc.set(this.acc);
      this.acc = acc;
      this.best = new Float32Array(size);
      this.stamp = new Int32Array(size);
      this.touched = new Int32Array(size);
    }
    if (this.entScore.length < entities) {
      const size = Math.ceil(entities * 1.25) + 16;
      this.entScore = new Float32Array(size);
      this.entName = new Int32Array(size);
      this.entMark = new Int32Array(size);
      this.entTouched = new Int32Array(size);
    }
    if (this.counter > 2_000_000_000) {
      this.stamp.fill(0);
      this.entMark.fill(0);
      this.counter = 0;
    }
  }

  /**
   * Sums, per name, the weight of the best indexed spelling of each slot; then keeps each entity's best name and returns
   * the `limit` best entities. `nameEntity` gives a name's entity (−1 once removed); entities whose schema is not
   * `allowed` are skipped.
   */
  run(
    slots: readonly Slot[],
    postings: Postings,
    names: number,
    entities: number,
    limit: number,
    nameEntity: Int32Array,
    nameLength: Uint8Array,
    entitySchema: Int32Array,
    allowed: Uint8Array,
  ): Hit[] {
    this.ensure(names, entities);
    const { acc, best, stamp, touched } = this;
    let count = 0;
    for (const slot of slots) {
      const s = ++this.counter;
      for (const { id, w } of slot) {
        const { ids, start, end, extra } = postings.slice(id);
        const n = end - start + (extra?.length ?? 0);
        for (let k = 0; k < n; k++) {
          const name = k < end - start ? ids[start + k]! : extra!.data[k - (end - start)]!;
          if (stamp[name] !== s) {
            stamp[name] = s;
            best[name] = w;
            if (acc[name] === 0) touched[count++] = name;
            acc[name]! += w;
          } else if (w > best[name]!) {
            acc[name]! += w - best[name]!;
            best[name] = w;
          }
        }
      }
    }
    const run = ++this.counter;
    const { entScore, entName, entMark, entTouched } = this;
    let ec = 0;
    for (let k = 0; k < count; k++) {
      const name = touched[k]!;
      const score = acc[name]! - LENGTH_COST * nameLength[name]!;
      acc[name] = 0;
      const e = nameEntity[name]!;
      if (e < 0 || allowed[entitySchema[e]!] === 0) continue;
      if (entMark[e] !== run) {
        entMark[e] = run;
        entScore[e] = score;
        entName[e] = name;
        entTouched[ec++] = e;
      } else if (score > entScore[e]!) {
        entScore[e] = score;
        entName[e] = name;
      }
    }
    return this.top(ec, limit);
  }

  /** The `limit` best touched entities, best first (a min-heap of entity indices over their scores). */
  private top(count: number, limit: number): Hit[] {
    const { entScore, entName, entTouched } = this;
    const k = Math.min(limit, count);
    const heap = new Int32Array(k);
    let size = 0;
    const less = (a: number, b: number) => entScore[a]! < entScore[b]!;
    const down = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < size && less(heap[l]!, heap[m]!)) m = l;
        if (r < size && less(heap[r]!, heap[m]!)) m = r;
        if (m === i) return;
        const t = heap[i]!;
        heap[i] = heap[m]!;
        heap[m] = t;
        i = m;
      }
    };
    for (let j = 0; j < count; j++) {
      const e = entTouched[j]!;
      if (size < k) {
        let i = size++;
        heap[i] = e;
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (!less(heap[i]!, heap[p]!)) break;
          const t = heap[i]!;
          heap[i] = heap[p]!;
          heap[p] = t;
          i = p;
        }
      } else if (k > 0 && less(heap[0]!, e)) {
        heap[0] = e;
        down(0);
      }
    }
    const out: Hit[] = [];
    for (let j = 0; j < size; j++) out.push({ entity: heap[j]!, name: entName[heap[j]!]!, score: entScore[heap[j]!]! });
    return out.sort((a, b) => b.score - a.score || a.entity - b.entity);
  }

  bytes(): number {
    return (
      this.acc.byteLength +
      this.best.byteLength +
      this.stamp.byteLength +
      this.touched.byteLength +
      this.entScore.byteLength +
      this.entName.byteLength +
      this.entMark.byteLength +
      this.entTouched.byteLength
    );
  }
}
