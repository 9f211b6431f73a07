// Retrieval: deferring the longest postings, reading low-weight spellings sparsely and ranking names in a heap give
// exactly what reading every posting gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntList, Postings } from './postings.js';
import { INITIAL_WEIGHT, Retrieval, type Corpus } from './retrieval.js';

const TOKENS = 10;

/**
 * A random corpus: up to `size` names of 1–4 distinct tokens (token 0 in most, as a particle is), grouped into
 * `entities` entities of two schemata; with slots of weighted tokens and a limit up to `maxLimit`.
 */
const corpusOf = (size: number, entities: number, maxLimit: number) =>
  fc.record({
    names: fc.array(
      fc.record({
        tokens: fc.uniqueArray(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: TOKENS - 1 })), { minLength: 1, maxLength: 4 }),
        entity: fc.integer({ min: 0, max: entities - 1 }),
        removed: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
        late: fc.boolean(),
      }),
      { minLength: 1, maxLength: size },
    ),
    schemaOf: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: entities, maxLength: entities }),
    allowed: fc.constantFrom(Uint8Array.of(1, 1), Uint8Array.of(1, 0), Uint8Array.of(0, 1)),
    // Weights in 64ths: sums are exact in any order, so equal scores are equal whatever was added first.
    slots: fc.array(
      fc.array(fc.record({ id: fc.integer({ min: 0, max: TOKENS - 1 }), w: fc.integer({ min: 1, max: 64 }).map((x) => x / 64) }), {
        minLength: 1,
        maxLength: 5,
      }),
      { minLength: 1, maxLength: 4 },
    ),
    limit: fc.integer({ min: 1, max: maxLimit }),
  });

const corpus = corpusOf(80, 25, 12);

interface Case {
  names: ReadonlyArray<{ tokens: readonly number[]; entity: number; removed: boolean; late: boolean }>;
  schemaOf: readonly number[];
}

/**
 * Registers the case's names with `retrieval` and builds their postings (late names added after the build); with
 * `order`, the records are placed in that order first (see Retrieval.renumber).
 */
function setUp(c: Case, retrieval: Retrieval, order?: readonly number[]): Corpus {
  c.names.forEach((n, i) => retrieval.setName(i, n.entity, n.tokens.length, c.schemaOf[n.entity]!));
  if (order) retrieval.renumber(Int32Array.from(order));
  c.names.forEach((n, i) => n.removed && retrieval.removeName(i));
  return corpusFor(c, retrieval);
}

/** The postings of the case's names, holding each name's place in `retrieval`. */
function corpusFor(c: Case, retrieval: Retrieval): Corpus {
  const toks = new IntList();
  const names = new IntList();
  const tokenStart = new IntList();
  const nameTokens = new IntList();
  tokenStart.push(0);
  const postings = new Postings();
  c.names.forEach((n, i) => {
    for (const t of n.tokens) {
      nameTokens.push(t);
      if (!n.late) {
        toks.push(t);
        names.push(retrieval.place(i));
      }
    }
    tokenStart.push(nameTokens.length);
  });
  postings.build(toks, names, TOKENS);
  c.names.forEach((n, i) => n.late && n.tokens.forEach((t) => postings.add(t, retrieval.place(i))));
  return { postings, entities: c.schemaOf.length, tokens: TOKENS, tokenStart: tokenStart.data, nameTokens: nameTokens.data };
}

describe('Retrieval', () => {
  it('returns what reading every posting returns when long postings are deferred', () => {
    let deferred = 0;
    fc.assert(
      fc.property(corpus, (c) => {
        const full = new Retrieval(Infinity);
        const r = new Retrieval(1);
        const a = full.run(c.slots, setUp(c, full), c.limit, c.allowed);
        const b = r.run(c.slots, setUp(c, r), c.limit, c.allowed);
        expect(b).toEqual(a);
        deferred += r.counts.deferred;
        expect(full.counts.deferred + full.counts.fellBack).toBe(0);
      }),
      { numRuns: 2000 },
    );
    // The deferred path is taken, not only the fallback.
    expect(deferred).toBeGreaterThan(20);
  });

  it('returns the same when the names that cannot reach the result are dropped before the deferred weights are added', () => {
    let prunedRuns = 0;
    fc.assert(
      fc.property(corpusOf(400, 200, 4), (c) => {
        // Token 0 weighs little, as a particle does (eighths of 64ths: sums stay exact), and the first slot holds it.
        const slots = c.slots.map((s, j) => [...s, ...(j === 0 ? [{ id: 0, w: 1 / 64 }] : [])].map(({ id, w }) => ({ id, w: id === 0 ? w / 8 : w })));
        const full = new Retrieval(Infinity);
        const r = new Retrieval(1, 0);
        const a = full.run(slots, setUp(c, full), c.limit, c.allowed);
        expect(r.run(slots, setUp(c, r), c.limit, c.allowed)).toEqual(a);
        expect(full.counts.pruned).toBe(0);
        if (r.counts.deferred && r.counts.pruned) prunedRuns++;
      }),
      { numRuns: 500 },
    );
    // Names are dropped on the deferred path (the result then still equals reading every posting).
    expect(prunedRuns).toBeGreaterThan(4);
  });

  it('adds what initials give to the names found, the same with deferred postings as with every posting read', () => {
    let lifted = 0;
    fc.assert(
      fc.property(corpusOf(200, 60, 6), fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 3 }), (c, initials) => {
        // Tokens begin with one of three letters (token t with letter t mod 3 + 1).
        const withLetters = (corpus: Corpus): Corpus => ({ ...corpus, initialOf: Uint8Array.from({ length: TOKENS }, (_, t) => (t % 3) + 1) });
        const plain = new Retrieval(Infinity, Infinity);
        const full = new Retrieval(Infinity, Infinity);
        const r = new Retrieval(1, 0);
        const without = plain.run(c.slots, setUp(c, plain), c.limit, c.allowed);
        const a = full.run(c.slots, withLetters(setUp(c, full)), c.limit, c.allowed, initials);
        expect(r.run(c.slots, withLetters(setUp(c, r)), c.limit, c.allowed, initials)).toEqual(a);
        // Initials find no name of their own, and lift a name only by INITIAL_WEIGHT per initial.
        const found = new Set(without.map((h) => h.name));
        for (const h of a) {
          if (found.has(h.name)) {
            const before = without.find((x) => x.name === h.name)!.score;
            expect(h.score - before).toBeGreaterThanOrEqual(0);
            expect(h.score - before).toBeLessThanOrEqual(initials.length * INITIAL_WEIGHT + 1e-6);
          }
        }
        if (a.some((h) => !found.has(h.name))) lifted++;
      }),
      { numRuns: 1000 },
    );
    // Initials change which names are found first (the result is limited), not only their scores.
    expect(lifted).toBeGreaterThan(10);
  });

  it('returns the same when the names that cannot reach the result are dropped before the initials are added', () => {
    let prunedRuns = 0;
    fc.assert(
      fc.property(corpusOf(400, 200, 4), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }), (c, initials) => {
        const withLetters = (corpus: Corpus): Corpus => ({ ...corpus, initialOf: Uint8Array.from({ length: TOKENS }, (_, t) => (t % 3) + 1) });
        const full = new Retrieval(Infinity, Infinity);
        const r = new Retrieval(Infinity, 0);
        const a = full.run(c.slots, withLetters(setUp(c, full)), c.limit, c.allowed, initials);
        expect(r.run(c.slots, withLetters(setUp(c, r)), c.limit, c.allowed, initials)).toEqual(a);
        expect(full.counts.pruned).toBe(0);
        expect(r.counts.deferred + r.counts.fellBack).toBe(0);
        if (r.counts.pruned) prunedRuns++;
      }),
      { numRuns: 500 },
    );
    // Names are dropped with every posting read (no deferred token): only the initials are left to add.
    expect(prunedRuns).toBeGreaterThan(20);
  });

  it('returns what reading every posting returns when low-weight spellings are read sparsely, with initials and deferred postings', () => {
    let sparse = 0;
    let fellBack = 0;
    let withDeferred = 0;
    fc.assert(
      fc.property(
        corpusOf(300, 120, 6),
        fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 2 }),
        fc.boolean(),
        fc.boolean(),
        (c, initials, prune, defer) => {
          const withLetters = (corpus: Corpus): Corpus => ({ ...corpus, initialOf: Uint8Array.from({ length: TOKENS }, (_, t) => (t % 3) + 1) });
          // Weights close together (48 … 64 64ths): what the initials add and the names' lengths cost decide which names enter.
          // With deferred postings, token 0 (held by most names) weighs little, as a particle does, and the first slot holds it.
          const slots = c.slots.map((s, j) =>
            [...s, ...(defer && j === 0 ? [{ id: 0, w: 0 }] : [])].map(({ id, w }) => ({ id, w: defer && id === 0 ? 6 / 64 : (48 + Math.round(w * 16)) / 64 })),
          );
          const full = new Retrieval(Infinity, Infinity, Infinity);
          const r = new Retrieval(defer ? 1 : Infinity, prune ? 0 : Infinity, 0, 1);
          const a = full.run(slots, withLetters(setUp(c, full)), c.limit, c.allowed, initials);
          expect(r.run(slots, withLetters(setUp(c, r)), c.limit, c.allowed, initials)).toEqual(a);
          expect(full.counts.sparse).toBe(0);
          sparse += r.counts.sparse;
          fellBack += r.counts.sparseFellBack;
          if (r.counts.sparse && r.counts.deferred) withDeferred++;
        },
      ),
      // Enough runs that each path below is taken often whatever the seed (both at once: 9–18 times in 1,500 runs, 23 or
      // more in 3,000 over 20 seeds).
      { numRuns: 3000 },
    );
    // The sparse path gives the result, and its fallback is taken too (a name it left out could have entered the result).
    expect(sparse).toBeGreaterThan(50);
    expect(fellBack).toBeGreaterThan(20);
    // Both at once: deferred postings not read, and low-weight spellings read sparsely.
    expect(withDeferred).toBeGreaterThan(10);
  });

  it('reads every posting after all when initials could lift a name a sparse reading left out into the result', () => {
    // Token 1 (weight 1) is read in full; token 2 (58/64) only for names another slot finds (none: there is one slot).
    // Entity 1's name holds token 2 and two tokens beginning with the query's initials X and Y: 58/64 − 3 × 0.01 + 2 ×
    // INITIAL_WEIGHT = 1.00125, above entity 0's 1 − 0.01.
    const c: Case = {
      names: [[1], [1], [2, 3, 4], [2], [2]].map((tokens, i) => ({ tokens, entity: Math.max(0, i - 1), removed: false, late: false })),
      schemaOf: [0, 0, 0, 0],
    };
    const slots = [
      [
        { id: 1, w: 1 },
        { id: 2, w: 58 / 64 },
      ],
    ];
    const letters = (corpus: Corpus): Corpus => ({ ...corpus, initialOf: Uint8Array.from({ length: TOKENS }, (_, t) => (t === 3 ? 24 : t === 4 ? 25 : 1)) });
    const run = (initials: number[]) => {
      const full = new Retrieval(Infinity, Infinity, Infinity);
      const r = new Retrieval(Infinity, Infinity, 0, 1);
      const expected = full.run(slots, letters(setUp(c, full)), 1, Uint8Array.of(1), initials);
      return { expected, got: r.run(slots, letters(setUp(c, r)), 1, Uint8Array.of(1), initials), counts: r.counts };
    };
    const plain = run([]);
    expect(plain.got.map((h) => h.entity)).toEqual([0]);
    expect(plain.got).toEqual(plain.expected);
    expect(plain.counts).toMatchObject({ sparse: 1, sparseFellBack: 0 });
    const lifted = run([24, 25]);
    expect(lifted.expected.map((h) => h.entity)).toEqual([1]);
    expect(lifted.got).toEqual(lifted.expected);
    expect(lifted.counts).toMatchObject({ sparse: 0, sparseFellBack: 1 });
  });

  it('reads every spelling in full after all when a deferred token could lift a name a sparse reading left out into the result', () => {
    // Slot 1: token 1 (weight 1) read in full, token 2 (58/64) not; slot 2: token 0 (8/64), held by most names, deferred.
    // Entity 1's name holds tokens 2 and 0: 58/64 + 8/64 − 2 × 0.01 = 1.01125, above entity 0's 1 − 0.01; no read
    // posting finds it, and no filter (deferred postings are not read).
    const tokens = [[1], [1], [2, 0], ...Array.from({ length: 8 }, () => [0]), [2], [2]];
    const c: Case = { names: tokens.map((t, i) => ({ tokens: t, entity: Math.max(0, i - 1), removed: false, late: false })), schemaOf: tokens.map(() => 0) };
    const slots = [
      [
        { id: 1, w: 1 },
        { id: 2, w: 58 / 64 },
      ],
      [{ id: 0, w: 8 / 64 }],
    ];
    const full = new Retrieval(Infinity, Infinity, Infinity);
    // Postings of 9 or more may be deferred: token 0's only.
    const r = new Retrieval(9, Infinity, 0, 1);
    const expected = full.run(slots, setUp(c, full), 1, Uint8Array.of(1));
    expect(expected.map((h) => h.entity)).toEqual([1]);
    expect(r.run(slots, setUp(c, r), 1, Uint8Array.of(1))).toEqual(expected);
    // The spellings are read in full after all, the deferred postings still not.
    expect(r.counts).toMatchObject({ deferred: 1, fellBack: 0, sparse: 0, sparseFellBack: 1 });
  });

  it('keeps a name whose deferred weight lifts it past names that scored more before it was added', () => {
    // Token 0 is deferred (held by most names). Before its weight is added, entity 1 (0.73) is second and entity 2
    // (0.72) below the best (0.98) by more than the deferred weight (0.25); entity 2 holds token 0 and ends second (0.97).
    const name = (tokens: number[], entity: number) => ({ tokens, entity, removed: false, late: false });
    const c = {
      names: [
        name([1, 2], 0),
        name([1, 3], 1),
        name([2, 3, 0], 2),
        name([1, 5, 6], 3),
        name([2, 5, 6], 4),
        ...[5, 6, 7, 8, 9, 10, 11, 12].map((e) => name([0, 9], e)),
      ],
      schemaOf: Array<number>(25).fill(0),
    };
    const slots = [[{ id: 1, w: 0.5 }], [{ id: 2, w: 0.5 }], [{ id: 3, w: 0.25 }], [{ id: 0, w: 0.25 }]];
    const full = new Retrieval(Infinity);
    const expected = full.run(slots, setUp(c, full), 2, Uint8Array.of(1));
    expect(expected.map((h) => h.entity)).toEqual([0, 2]);
    const r = new Retrieval(1, 0);
    expect(r.run(slots, setUp(c, r), 2, Uint8Array.of(1))).toEqual(expected);
    expect(r.counts).toMatchObject({ deferred: 1, fellBack: 0 });
    // Dropped as unable to reach the result: entities 3 and 4 (0.47, at most 0.72 with token 0).
    expect(r.counts.pruned).toBe(2);
  });

  it('ranks by score, then the lower entity, each entity once with its best name, schemata not allowed skipped', () => {
    const r = new Retrieval(Infinity);
    const c = {
      names: [
        { tokens: [1], entity: 3, removed: false, late: false },
        { tokens: [1, 2], entity: 3, removed: false, late: false },
        { tokens: [1], entity: 1, removed: false, late: false },
        { tokens: [1], entity: 2, removed: false, late: true },
        { tokens: [1], entity: 4, removed: true, late: false },
        { tokens: [1], entity: 5, removed: false, late: false },
      ],
      schemaOf: [0, 0, 0, 0, 0, 1, ...Array<number>(19).fill(0)],
    };
    const hits = r.run([[{ id: 1, w: 0.5 }], [{ id: 2, w: 0.25 }]], setUp(c, r), 3, Uint8Array.of(1, 0));
    expect(hits.map((h) => [h.entity, h.name])).toEqual([
      [3, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(hits[0]!.score).toBeCloseTo(0.75 - 0.02, 6);
  });

  it('answers as a fresh retrieval after its slot stamps have wrapped around', () => {
    fc.assert(
      fc.property(corpus, (c) => {
        // Every posting read: each run stamps exactly its slots.
        const used = new Retrieval(Infinity);
        const usedCorpus = setUp(c, used);
        // The query stamps its slots 1 … k; one-slot queries use up the other stamps, so the query run again after them is
        // stamped 1 … k again: a name left with an earlier stamp must not look as if this run had reached it.
        used.run(c.slots, usedCorpus, c.limit, c.allowed);
        const warm = [[{ id: TOKENS - 1, w: 0.5 }]];
        for (let k = c.slots.length; k < 0xffff; k++) used.run(warm, usedCorpus, c.limit, c.allowed);
        const fresh = new Retrieval(Infinity);
        expect(used.run(c.slots, usedCorpus, c.limit, c.allowed)).toEqual(fresh.run(c.slots, setUp(c, fresh), c.limit, c.allowed));
      }),
      { numRuns: 5 },
    );
  });

  it('returns the same hits whatever order its records are placed in', () => {
    const placed = corpus.chain((c) =>
      fc.record({ c: fc.constant(c), order: fc.shuffledSubarray([...c.names.keys()], { minLength: c.names.length, maxLength: c.names.length }) }),
    );
    fc.assert(
      fc.property(placed, fc.boolean(), ({ c, order }, defer) => {
        const asRegistered = new Retrieval(defer ? 1 : Infinity, 0);
        const reordered = new Retrieval(defer ? 1 : Infinity, 0);
        const expected = asRegistered.run(c.slots, setUp(c, asRegistered), c.limit, c.allowed);
        expect(reordered.run(c.slots, setUp(c, reordered, order), c.limit, c.allowed)).toEqual(expected);
        // Placed again after a run (as an index rebuilding its postings does): still the same.
        reordered.renumber(Int32Array.from(order).reverse());
        expect(reordered.run(c.slots, corpusFor(c, reordered), c.limit, c.allowed)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('places records only by a complete order of its names', () => {
    const r = new Retrieval();
    for (let n = 0; n < 3; n++) r.setName(n, n, 1, 0);
    expect(() => r.renumber(Int32Array.of(2, 0))).toThrow(/all 3 names/);
    expect(() => r.renumber(Int32Array.of(2, 0, 2))).toThrow(/name 2 twice/);
    r.renumber(Int32Array.of(2, 0, 1));
    expect([0, 1, 2].map((n) => r.place(n))).toEqual([1, 2, 0]);
    expect(() => r.setName(1, 1, 1, 0)).toThrow(/already registered/);
  });

  it('rejects a schema index beyond what a name record holds', () => {
    expect(() => new Retrieval().setName(0, 0, 1, 128)).toThrow(/schemas/);
  });
});
