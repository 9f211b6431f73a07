// Packed string columns for the graph store: UTF-8 bytes + offsets, with an optional open-addressing hash index.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** FNV-1a over UTF-8 bytes; the same function indexes the table and hashes lookups. */
function hashBytes(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/** Appends strings into a growing UTF-8 buffer (ASCII fast path). */
export class StringTableBuilder {
  private bytes = new Uint8Array(1 << 16);
  private offsets = new Uint32Array(1 << 12);
  private used = 0;
  count = 0;

  add(s: string): number {
    if (this.count + 2 > this.offsets.length) {
      const next = new Uint32Array(this.offsets.length * 2);
      next.set(this.offsets);
      this.offsets = next;
    }
    const need = this.used + s.length * 3;
    if (need > this.bytes.length) {
      const next = new Uint8Array(Math.max(need, this.bytes.length * 2));
      next.set(this.bytes.subarray(0, this.used));
      this.bytes = next;
    }
    let ascii = true;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) {
        ascii = false;
        break;
      }
      this.bytes[this.used + i] = c;
    }
    this.used += ascii ? s.length : encoder.encodeInto(s, this.bytes.subarray(this.used)).written;
    this.offsets[++this.count] = this.used;
    return this.count - 1;
  }

  build(indexed: boolean): StringTable {
    return new StringTable(this.bytes.slice(0, this.used), this.offsets.slice(0, this.count + 1), indexed ? undefined : null);
  }
}

/** Immutable strings `0..size-1`; `find` works when the table was built indexed (node ids). */
export class StringTable {
  readonly size: number;
  /** Open-addressing slots holding string index + 1 (0 = empty); null when not indexed. */
  readonly slots: Int32Array | null;

  constructor(
    readonly bytes: Uint8Array,
    readonly offsets: Uint32Array,
    slots?: Int32Array | null,
  ) {
    this.size = offsets.length - 1;
    this.slots = slots === undefined ? this.buildSlots() : slots;
  }

  get(i: number): string {
    const a = this.offsets[i]!;
    const b = this.offsets[i + 1]!;
    let s = '';
    for (let k = a; k < b; k++) {
      const c = this.bytes[k]!;
      if (c > 0x7f || b - a > 64) return decoder.decode(this.bytes.subarray(a, b));
      s += String.fromCharCode(c);
    }
    return s;
  }

  /** Index of `s`, or -1. */
  find(s: string): number {
    const slots = this.slots;
    if (!slots) throw new Error('string table is not indexed');
    const q = encoder.encode(s);
    const mask = slots.length - 1;
    for (let p = hashBytes(q, 0, q.length) & mask; ; p = (p + 1) & mask) {
      const v = slots[p]!;
      if (v === 0) return -1;
      if (this.equals(v - 1, q)) return v - 1;
    }
  }

  byteLength(): number {
    return this.bytes.byteLength + this.offsets.byteLength + (this.slots?.byteLength ?? 0);
  }

  private equals(i: number, q: Uint8Array): boolean {
    const a = this.offsets[i]!;
    if (this.offsets[i + 1]! - a !== q.length) return false;
    for (let k = 0; k < q.length; k++) if (this.bytes[a + k] !== q[k]) return false;
    return true;
  }

  private same(i: number, j: number): boolean {
    const a = this.offsets[i]!;
    const b = this.offsets[j]!;
    const len = this.offsets[i + 1]! - a;
    if (this.offsets[j + 1]! - b !== len) return false;
    for (let k = 0; k < len; k++) if (this.bytes[a + k] !== this.bytes[b + k]) return false;
    return true;
  }

  private buildSlots(): Int32Array {
    let cap = 16;
    while (cap < this.size * 1.5) cap *= 2;
    const slots = new Int32Array(cap);
    const mask = cap - 1;
    for (let i = 0; i < this.size; i++) {
      let p = hashBytes(this.bytes, this.offsets[i]!, this.offsets[i + 1]!) & mask;
      while (slots[p] !== 0) {
        if (this.same(slots[p]! - 1, i)) throw new RangeError(`string ${i} repeats string ${slots[p]! - 1}`);
        p = (p + 1) & mask;
      }
      slots[p] = i + 1;
    }
    return slots;
  }
}
