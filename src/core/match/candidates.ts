// The in-memory candidate index: every listed entity's name forms, an inverted index of their tokens, and fast retrieval.
import { SharedSimilarities } from './align.js';
import { Kind, Lexicon } from './lexicon.js';
import type { NameForm } from './names.js';
import { IntList, Postings } from './postings.js';
import { firstLetter } from './strings.js';
import { compatibleSchemas } from './scorer.js';
import { prepareSubject, type MatchEntity, type ScreeningQuery, type Subject } from './subject.js';
import { VocabularySearch, type Expansion } from './vocabulary.js';
import { DEFER_MIN, Retrieval, SPARSE_MIN, SPARSE_NAMES } from './retrieval.js';

/** An entity held by the index, with the lists it is on. */
export interface IndexedEntity {
  subject: Subject;
  lists: readonly string[];
}

/** A retrieved candidate: the entity, the name form that retrieved it, and its retrieval score (summed token weights). */
export interface Candidate extends IndexedEntity {
  entityId: string;
  retrieval: number;
  /** Retrieval score over the most the query's tokens can reach: the share of the query's information found. */
  share: number;
  name: NameForm;
}

/** How a search may skip postings that cannot change its result (see the constructor). */
export interface IndexOptions {
  deferMin?: number;
  sparseNames?: number;
  sparseMin?: number;
}

export interface IndexStats {
  entities: number;
  names: number;
  tokens: number;
  postings: number;
  /** Approximate bytes held by the index's structures (entities' prepared names estimated). */
  bytes: number;
}

/** Default number of candidates a search returns. */
export const DEFAULT_LIMIT = 100;

export class CandidateIndex {
  readonly lexicon: Lexicon;
  private readonly vocab: VocabularySearch;
  private readonly postings = new Postings();
  private readonly entities: (IndexedEntity | null)[] = [];
  private readonly slots = new Map<string, number>();
  private readonly nameEntity = new IntList(1024);
  private readonly nameForms: (NameForm | null)[] = [];
  /** Each entity's first name id (an entity's names are consecutive). */
  private readonly firstName = new IntList(1024);
  private readonly schemas: string[] = [];
  private dead = 0;
  private readonly expansions = new Map<string, Expansion[]>();
  private readonly retrieval: Retrieval;
  /** Each name's distinct tokens (those its postings hold): nameTokens[tokenStart[n] … tokenStart[n + 1]). */
  private readonly tokenStart = new IntList(1024);
  private readonly nameTokens = new IntList(1024);
  /** Similarities of pairs of interned tokens, kept across queries (see queryCache). */
  readonly similarities = new SharedSimilarities();
  /** Per token id: its first letter, 1 (a) … 26 (z), else 0; known for the first initialsKnown ids. */
  private initialOf = new Uint8Array(0);
  private initialsKnown = 0;
  /** Per query schema: which of the index's schemata can match it. */
  private readonly allowed = new Map<string, Uint8Array>();

  /**
   * `deferMin`: postings at least this long may be skipped when that cannot change a search's result (default
   * DEFER_MIN). `sparseNames`, `sparseMin`: from this many names, a search of this many postings or more reads its
   * low-weight spellings sparsely when that cannot change its result (defaults SPARSE_NAMES, SPARSE_MIN). Infinity for
   * `deferMin` and `sparseNames` reads every posting of every query, the reference for the defaults.
   */
  constructor(lexicon = new Lexicon(), opts: IndexOptions = {}) {
    this.lexicon = lexicon;
    this.retrieval = new Retrieval(opts.deferMin ?? DEFER_MIN, undefined, opts.sparseNames ?? SPARSE_NAMES, opts.sparseMin ?? SPARSE_MIN);
    this.vocab = new VocabularySearch(lexicon);
    this.tokenStart.push(0);
  }

  /** Builds an index of the entities (each with the lists it is on). Entities without a name are skipped. */
  static build(entities: Iterable<MatchEntity & { lists?: readonly string[] }>, opts: IndexOptions = {}): CandidateIndex {
    const index = new CandidateIndex(new Lexicon(), opts);
    for (const e of entities) index.insert(e, e.lists ?? [], false);
    index.repack();
    index.vocab.sync();
    return index;
  }

  /** Adds an entity, replacing the one with the same id (a new list version). */
  add(entity: MatchEntity, lists: readonly string[] = []): void {
    this.remove(entity.id);
    this.insert(entity, lists, true);
    this.vocab.sync();
    this.expansions.clear();
    if (this.postings.added + this.dead > Math.max(10_000, this.nameForms.length / 4)) this.repack();
  }

  /**
   * Applies the changes of a list version: entities added or changed (each replacing the one with its id) and ids
   * removed. Searches afterwards give what a fresh build over the new entities gives.
   */
  update(changes: { upsert?: Iterable<MatchEntity & { lists?: readonly string[] }>; remove?: Iterable<string> }): {
    added: number;
    changed: number;
    removed: number;
  } {
    let added = 0;
    let changed = 0;
    let removed = 0;
    for (const id of changes.remove ?? []) if (this.remove(id)) removed++;
    for (const e of changes.upsert ?? []) {
      if (this.slots.has(e.id)) changed++;
      else added++;
      this.add(e, e.lists ?? []);
    }
    return { added, changed, removed };
  }

  /** Removes an entity; false when it was not there. */
  remove(id: string): boolean {
    const slot = this.slots.get(id);
    if (slot === undefined) return false;
    this.slots.delete(id);
    this.entities[slot] = null;
    const first = this.firstName.data[slot]!;
    for (let n = first; n < this.nameForms.length && (this.nameEntity.data[n] === slot || !this.nameForms[n]); n++) {
      if (this.nameEntity.data[n] !== slot) continue;
      const form = this.nameForms[n];
      if (form) {
        this.lexicon.count(new Set(form.tokens.map((t) => t.id)), -1);
        this.nameForms[n] = null;
        this.nameEntity.data[n] = -1;
        this.retrieval.removeName(n);
        this.dead++;
      }
    }
    this.expansions.clear();
    return true;
  }

  get(id: string): IndexedEntity | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : (this.entities[slot] ?? undefined);
  }

  get size(): number {
    return this.slots.size;
  }

  /**
   * Searches run, those that skipped the longest postings, those that had to read them after all, names dropped
   * before the skipped postings' weights were added (they could not reach the result), and searches whose low-weight
   * spellings were read sparsely and those that had to read them in full after all.
   */
  get retrievalCounts(): Readonly<Retrieval['counts']> {
    return this.retrieval.counts;
  }

  /** Prepares a query against this index's token statistics (its unknown tokens stay transient). */
  prepare(query: ScreeningQuery | MatchEntity): Subject {
    return prepareSubject(query, this.lexicon, false);
  }

  /**
   * The `limit` most plausible candidates for a query, best first, without scoring the whole list: each query token is
   * expanded to the indexed tokens it may be a spelling of, their postings are summed per name (best spelling per query
   * token), and names of a schema that cannot be the query's are skipped. The query's initials count for the names found
   * whose tokens begin with them (A. W. MOHAMMAD: ATIQULLAH WALI MOHAMMAD before the shorter MOHAMMADs).
   */
  search(query: ScreeningQuery | MatchEntity | Subject, opts: { limit?: number } = {}): Candidate[] {
    const q = 'names' in query ? query : this.prepare(query);
    const limit = Math.max(1, Math.min(opts.limit ?? DEFAULT_LIMIT, 10_000));
    const slots = this.querySlots(q);
    let allowed = this.allowed.get(q.schema);
    if (!allowed || allowed.length < this.schemas.length) {
      allowed = Uint8Array.from(this.schemas, (s) => (compatibleSchemas(q.schema, s) ? 1 : 0));
      this.allowed.set(q.schema, allowed);
    }
    const hits = this.retrieval.run(
      slots,
      {
        postings: this.postings,
        entities: this.entities.length,
        tokens: this.lexicon.size,
        tokenStart: this.tokenStart.data,
        nameTokens: this.nameTokens.data,
        initialOf: this.initialLetters(),
      },
      limit,
      allowed,
      initialsOf(q),
    );
    let possible = 0;
    for (const slot of slots) {
      let m = -Infinity;
      for (const x of slot) if (x.w > m) m = x.w;
      possible += m;
    }
    const out: Candidate[] = new Array<Candidate>(hits.length);
    for (let k = 0; k < hits.length; k++) {
      const { entity, name, score } = hits[k]!;
      const e = this.entities[entity]!;
      out[k] = {
        subject: e.subject,
        lists: e.lists,
        entityId: e.subject.id,
        retrieval: score,
        share: possible > 0 ? Math.min(1, score / possible) : 0,
        name: this.nameForms[name]!,
      };
    }
    return out;
  }

  stats(): IndexStats {
    let names = 0;
    let refs = 0;
    for (const f of this.nameForms) {
      if (!f) continue;
      names++;
      refs += f.tokens.length;
    }
    const bytes =
      this.postings.bytes() +
      this.vocab.bytes() +
      this.lexicon.bytes() +
      this.nameEntity.data.byteLength +
      this.retrieval.bytes() +
      this.similarities.bytes() +
      this.tokenStart.data.byteLength +
      this.nameTokens.data.byteLength +
      names * 160 +
      refs * 8 +
      this.slots.size * 420;
    return { entities: this.slots.size, names, tokens: this.lexicon.size, postings: this.postings.size, bytes };
  }

  /** Each token's first letter (see Corpus.initialOf), extended as the lexicon grows. */
  private initialLetters(): Uint8Array {
    const size = this.lexicon.size;
    if (this.initialOf.length < size) {
      const grown = new Uint8Array(Math.ceil(size * 1.25) + 16);
      grown.set(this.initialOf.subarray(0, this.initialsKnown));
      this.initialOf = grown;
    }
    for (let id = this.initialsKnown; id < size; id++) this.initialOf[id] = firstLetter(this.lexicon.get(id)?.text ?? '');
    this.initialsKnown = size;
    return this.initialOf;
  }

  /** Query tokens as retrieval slots: each with its indexed spellings and their weights. */
  private querySlots(q: Subject): Array<Array<{ id: number; w: number }>> {
    const seen = new Set<string>();
    const slots: Array<Array<{ id: number; w: number }>> = [];
    const weigh = (list: Expansion[]) => list.map((x) => ({ id: x.id, w: x.sim * (0.1 + 0.9 * this.lexicon.idf(x.id)) }));
    for (const form of q.names) {
      const toks = form.tokens;
      for (let i = 0; i < toks.length; i++) {
        const t = toks[i]!;
        if (t.kind === Kind.Initial || seen.has(t.text)) continue;
        seen.add(t.text);
        let ex = this.expansions.get(t.text);
        if (!ex) {
          ex = this.vocab.expand(t);
          if (this.expansions.size > 50_000) this.expansions.clear();
          this.expansions.set(t.text, ex);
        }
        const weighted = weigh(ex);
        if (t.kind === Kind.Particle) for (const x of weighted) x.w *= 0.15;
        if (weighted.length) slots.push(weighted);
        const split = ex.length && ex[0]!.sim === 1 ? undefined : this.vocab.split(t);
        if (split) for (const id of split) slots.push(weigh([{ id, sim: 0.9 }]));
        const next = toks[i + 1];
        if (next && t.kind === Kind.Word && next.kind === Kind.Word) {
          const joined = this.vocab.live(t.text + next.text);
          if (joined) slots.push(weigh([{ id: joined.id, sim: 0.9 }]));
        }
      }
    }
    return slots;
  }

  /** Adds an entity's names; with `post`, their postings too (else the caller builds them, see repack). */
  private insert(e: MatchEntity, lists: readonly string[], post: boolean): void {
    if (!e || typeof e.id !== 'string' || this.slots.has(e.id)) return;
    const subject = prepareSubject(e, this.lexicon, true);
    if (!subject.names.length) return;
    const slot = this.entities.length;
    this.entities.push({ subject, lists: [...lists] });
    this.slots.set(e.id, slot);
    let schema = this.schemas.indexOf(subject.schema);
    if (schema < 0) schema = this.schemas.push(subject.schema) - 1;
    this.firstName.push(this.nameForms.length);
    for (const form of subject.names) {
      const n = this.nameForms.length;
      this.nameForms.push(form);
      this.nameEntity.push(slot);
      this.retrieval.setName(n, slot, form.tokens.length, schema);
      const ids = new Set(form.tokens.map((t) => t.id));
      this.lexicon.count(ids, 1);
      for (const id of ids) {
        if (post) this.postings.add(id, this.retrieval.place(n));
        this.nameTokens.push(id);
      }
      this.tokenStart.push(this.nameTokens.length);
    }
  }

  /**
   * Builds the postings of the live names (those added since the last build included) in one block, with the retrieval
   * records placed so that names sharing a token sit together (name ids stay as they are): each name goes with the others
   * holding its most frequent token among those whose postings are always read (shorter than DEFER_MIN; else its least
   * frequent token). Reading such a token's postings then touches neighbouring records, not one cache line per name.
   */
  private repack(): void {
    const names = this.nameForms.length;
    const vocabulary = this.lexicon.size;
    const start = this.tokenStart.data;
    const tokens = this.nameTokens.data;
    // Each name's group (its chosen token; vocabulary for removed names, which go last), then a counting sort by group.
    const group = new Int32Array(names);
    const counts = new Int32Array(vocabulary + 2);
    for (let n = 0; n < names; n++) {
      let key = vocabulary;
      if (this.nameForms[n]) {
        let best = -1;
        for (let p = start[n]!, end = start[n + 1]!; p < end; p++) {
          const t = tokens[p]!;
          const f = this.lexicon.frequency(t);
          const rank = f < DEFER_MIN ? f + DEFER_MIN : Math.max(0, DEFER_MIN - f);
          if (rank > best || (rank === best && t < key)) {
            best = rank;
            key = t;
          }
        }
      }
      group[n] = key;
      counts[key + 1]!++;
    }
    for (let g = 0; g <= vocabulary; g++) counts[g + 1]! += counts[g]!;
    const order = new Int32Array(names);
    for (let n = 0; n < names; n++) order[counts[group[n]!]!++] = n;
    this.retrieval.renumber(order);
    const toks = new IntList(this.nameTokens.length);
    const places = new IntList(this.nameTokens.length);
    const live = this.nameForms;
    let m = 0;
    // In name order (reading each name's tokens in turn): a group's places come in that order too.
    for (let n = 0; n < names; n++) {
      if (!live[n]) continue;
      const place = this.retrieval.place(n);
      for (let p = start[n]!, end = start[n + 1]!; p < end; p++, m++) {
        toks.data[m] = tokens[p]!;
        places.data[m] = place;
      }
    }
    toks.length = places.length = m;
    this.postings.build(toks, places, vocabulary);
    this.dead = 0;
  }
}

/** The letters (1 … 26) of the initials of the query's name form that holds the most (A. W. MOHAMMAD: a, w). */
function initialsOf(q: Subject): number[] {
  let best: number[] = [];
  for (const form of q.names) {
    const letters: number[] = [];
    for (const t of form.tokens) if (t.kind === Kind.Initial) letters.push(firstLetter(t.text));
    if (letters.length > best.length) best = letters;
  }
  return best;
}
