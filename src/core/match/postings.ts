// Token → name postings: a compact CSR block built in one pass, plus small per-token lists for names added since.

/** Growable Int32 list. */
export class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 16) {
    this.data = new Int32Array(Math.max(4, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
}

/** Growable Uint8 list. */
export class IntList8 {
  data: Uint8Array;
  length = 0;
  constructor(capacity = 16) {
    this.data = new Uint8Array(Math.max(4, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint8Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
}

export class Postings {
  /** offsets[t] .. offsets[t + 1] index into `ids` for token t (tokens interned after the build have none there). */
  private offsets = new Uint32Array(1);
  private ids = new Int32Array(0);
  private readonly extra = new Map<number, IntList>();
  private extraCount = 0;

  /** Builds the CSR block from (token, name) pairs given as two parallel lists; replaces everything held. */
  build(tokens: IntList, names: IntList, vocabulary: number): void {
    const n = tokens.length;
    const counts = new Uint32Array(vocabulary + 1);
    for (let i = 0; i < n; i++) counts[tokens.data[i]! + 1]!++;
    for (let t = 0; t < vocabulary; t++) counts[t + 1]! += counts[t]!;
    const ids = new Int32Array(n);
    const fill = counts.slice(0, vocabulary);
    for (let i = 0; i < n; i++) ids[fill[tokens.data[i]!]!++] = names.data[i]!;
    this.offsets = counts;
    this.ids = ids;
    this.extra.clear();
    this.extraCount = 0;
  }

  /** Adds one posting after the build. */
  add(token: number, name: number): void {
    let list = this.extra.get(token);
    if (!list) this.extra.set(token, (list = new IntList(4)));
    list.push(name);
    this.extraCount++;
  }

  /** Calls `f` for every name holding `token` (dead names included: the caller skips them). */
  forEach(token: number, f: (name: number) => void): void {
    if (token + 1 < this.offsets.length) {
      const end = this.offsets[token + 1]!;
      for (let i = this.offsets[token]!; i < end; i++) f(this.ids[i]!);
    }
    const list = this.extra.get(token);
    if (list) for (let i = 0; i < list.length; i++) f(list.data[i]!);
  }

  /** The CSR slice of a token and its late additions, for loops that avoid a callback. */
  slice(token: number): { ids: Int32Array; start: number; end: number; extra: IntList | undefined } {
    const inBase = token + 1 < this.offsets.length;
    return { ids: this.ids, start: inBase ? this.offsets[token]! : 0, end: inBase ? this.offsets[token + 1]! : 0, extra: this.extra.get(token) };
  }

  /** Postings of a token (an upper bound when names were removed). */
  count(token: number): number {
    const base = token + 1 < this.offsets.length ? this.offsets[token + 1]! - this.offsets[token]! : 0;
    return base + (this.extra.get(token)?.length ?? 0);
  }

  get added(): number {
    return this.extraCount;
  }

  get size(): number {
    return this.ids.length + this.extraCount;
  }

  bytes(): number {
    let b = this.offsets.byteLength + this.ids.byteLength;
    for (const l of this.extra.values()) b += l.data.byteLength + 64;
    return b;
  }
}
