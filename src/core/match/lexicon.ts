// Interned name tokens with their phonetic key, equivalence keys and document frequency, shared by an index and its queries.
import { equivalents, phonetic, spellingKey } from './text.js';
import { PARTICLES } from './name-words.js';
import { letterMask } from './strings.js';

export enum Kind {
  Word = 0,
  Particle = 1,
  Number = 2,
  Initial = 3,
}

/** One distinct token. `id` ≥ 0 for interned tokens, < 0 for a query's transient ones. */
export interface Token {
  readonly id: number;
  readonly text: string;
  readonly kind: Kind;
  /** Phonetic keys (none for non-Latin or numeric tokens). */
  readonly phon: readonly string[];
  /** Other spellings of the same name (mohammed: muhammad, mohamed …). */
  readonly eq: readonly string[];
  /** The letters a–z the token holds, a bit each; −1 when it holds a non-ASCII character or is too long to compare whole. */
  readonly mask: number;
  /** A bit per phonetic key (of a hash of it): tokens whose masks share no bit share no key. */
  readonly phonMask: number;
  /** The spelling key (see spellingKey), once spellingOf has needed it. */
  spelling: string | undefined;
}

/** The token's spelling with letters that spell one sound made one (see spellingKey), computed once. */
export function spellingOf(t: Token): string {
  return (t.spelling ??= spellingKey(t.text));
}

function kindOf(text: string): Kind {
  if (/^\d+$/.test(text)) return Kind.Number;
  if (text.length === 1 && text >= 'a' && text <= 'z') return Kind.Initial;
  return PARTICLES.has(text) ? Kind.Particle : Kind.Word;
}

/** Tokens interned by text, with how many indexed names contain each (for informativeness weights). */
export class Lexicon {
  private readonly byText = new Map<string, Token>();
  private readonly tokens: Token[] = [];
  private df = new Int32Array(1024);
  private transient = -1;
  /** idf per interned token, NaN until computed; cleared whenever the frequencies change. */
  private idfs = new Float64Array(0);
  private idfStale = true;
  /** Names counted in the document frequencies. */
  names = 0;
  /** Changes whenever the frequencies do (anything derived from idf is stale then). */
  epoch = 0;

  get size(): number {
    return this.tokens.length;
  }

  /** The interned token for `text`, created when new. */
  intern(text: string): Token {
    let t = this.byText.get(text);
    if (!t) {
      t = make(this.tokens.length, text);
      this.byText.set(text, t);
      this.tokens.push(t);
      if (this.tokens.length > this.df.length) {
        const grown = new Int32Array(this.df.length * 2);
        grown.set(this.df);
        this.df = grown;
      }
    }
    return t;
  }

  /** The interned token for `text` if there is one, else a transient token that is not kept. */
  lookup(text: string): Token {
    return this.byText.get(text) ?? make(this.transient--, text);
  }

  get(id: number): Token | undefined {
    return this.tokens[id];
  }

  find(text: string): Token | undefined {
    return this.byText.get(text);
  }

  /** Counts one indexed name holding these distinct tokens (delta −1 when it is removed). */
  count(ids: Iterable<number>, delta: 1 | -1): void {
    for (const id of ids) if (id >= 0) this.df[id] = Math.max(0, this.df[id]! + delta);
    this.names = Math.max(0, this.names + delta);
    this.idfStale = true;
    this.epoch++;
  }

  frequency(id: number): number {
    return id >= 0 ? (this.df[id] ?? 0) : 0;
  }

  /**
   * Informativeness of a token in [0, 1]: a smoothed inverse document frequency over the indexed names, so a name part
   * every tenth entry has (mohammed, ali) counts for little and one no other entry has counts fully.
   */
  idf(id: number): number {
    const n = this.names;
    if (n < 2) return 1;
    if (id < 0) return computeIdf(n, 0);
    if (this.idfStale || this.idfs.length <= id) {
      if (this.idfs.length < this.tokens.length) this.idfs = new Float64Array(this.df.length);
      this.idfs.fill(NaN);
      this.idfStale = false;
    }
    const cached = this.idfs[id]!;
    if (cached === cached) return cached;
    return (this.idfs[id] = computeIdf(n, this.frequency(id)));
  }

  /** Approximate bytes held by the lexicon. */
  bytes(): number {
    let b = this.df.byteLength;
    for (const t of this.tokens)
      b += 104 + t.text.length * 2 + t.phon.length * 40 + t.eq.length * 8 + (t.spelling && t.spelling !== t.text ? 24 + t.spelling.length * 2 : 0);
    return b;
  }
}

function computeIdf(names: number, df: number): number {
  return Math.min(1, Math.log(1 + names / (df + 1)) / Math.log(1 + names / 1.5));
}

function make(id: number, text: string): Token {
  const phon = phonetic(text);
  let phonMask = 0;
  for (const k of phon) phonMask |= 1 << (hash(k) & 31);
  return { id, text, kind: kindOf(text), phon, eq: equivalents(text), mask: letterMask(text), phonMask, spelling: undefined };
}

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return h ^ (h >>> 16);
}
