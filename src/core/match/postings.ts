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

export class Postings {
  /** offsets[t] .. offsets[t + 1] index into `ids` for token t (tokens interned after the build have none there). */
  private offsetList = new Uint32Array(1);
  private idList = new Int32Array(0);
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
    this.offsetList = counts;
    this.idList = ids;
    this.extra.clear();
    this.extraCount = 0;
  }

  /** offsets[t] … offsets[t + 1] index into `ids` for a token t < offsets.length − 1 (the CSR block, for tight loops). */
  get offsets(): Uint32Array {
    return this.offsetList;
  }

  get ids(): Int32Array {
    return this.idList;
  }

  /** Names given a token after the build (undefined when none). */
  extraOf(token: number): IntList | undefined {
    return this.extraCount ? this.extra.get(token) : undefined;
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
    if (token + 1 < this.offsetList.length) {
      const end = this.offsetList[token + 1]!;
      for (let i = this.offsetList[token]!; i < end; i++) f(this.idList[i]!);
    }
    const list = this.extra.get(token);
    if (list) for (let i = 0; i < list.length; i++) f(list.data[i]!);
  }

  /** Postings of a token (an upper bound when names were removed). */
  count(token: number): number {
    const base = token + 1 < this.offsetList.length ? this.offsetList[token + 1]! - this.offsetList[token]! : 0;
    return base + (this.extra.get(token)?.length ?? 0);
  }

  get added(): number {
    return this.extraCount;
  }

  get size(): number {
    return this.idList.length + this.extraCount;
  }

  bytes(): number {
    let b = this.offsetList.byteLength + this.idList.byteLength;
    for (const l of this.extra.values()) b += l.data.byteLength + 64;
    return b;
  }
}
