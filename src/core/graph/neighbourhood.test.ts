// Neighbourhood expansion and common neighbours against breadth-first search by definition, with honest caps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LinkFilter } from './filter.js';
import { commonNeighbours, neighbourhood } from './neighbourhood.js';
import { build, naiveDistances, rawGraph, SCHEMATA, steps, walkable, type RawGraph } from './test-support/graphs.js';

const filters: LinkFilter[] = [{}, { direction: 'in' }, { types: ['Payment', 'Call'] }, { from: 18, to: 22, undated: 'exclude' }];

interface Options {
  hops: number;
  limit: number;
  linkLimit: number;
  maxScan: number;
  filter: LinkFilter;
  nodeTypes?: string[] | undefined;
}

/**
 * The neighbourhood by its definition, with arrays and sets: breadth-first in link order from the seeds, every node
 * counted, the first `limit` shown, the adjacency budget spent node by node in queue order, and the links among the
 * shown nodes (each once, from its source end) in that order.
 */
function naive(r: RawGraph, seeds: number[], o: Options) {
  const order = [...new Set(seeds)];
  const seen = new Set(order);
  const levelOf = new Map<number, number>();
  const ends = (u: number) => r.links.flatMap((l, i) => (l.s === u ? [i] : []).concat(l.t === u ? [i] : []));
  const perHop: number[] = [];
  let scanned = 0;
  let exact = true;
  let frontier = [...order];
  for (let h = 1; h <= o.hops && frontier.length && exact; h++) {
    const next: number[] = [];
    for (const u of frontier) {
      const at = ends(u);
      if (scanned + at.length > o.maxScan) {
        exact = false;
        break;
      }
      scanned += at.length;
      for (const i of at) {
        const l = r.links[i]!;
        const v = l.s === u ? l.t : l.s;
        if (seen.has(v) || (o.nodeTypes && !o.nodeTypes.includes(SCHEMATA[r.schema[v]!]!)) || !walkable(r, i, u, o.filter)) continue;
        seen.add(v);
        levelOf.set(v, h);
        next.push(v);
        order.push(v);
      }
    }
    perHop.push(next.length);
    frontier = next;
  }
  const seedCount = new Set(seeds).size;
  const nodes = order.slice(seedCount, seedCount + o.limit);
  const shown = new Set(order.slice(0, seedCount + o.limit));
  const links: number[] = [];
  for (const u of order.slice(0, seedCount + o.limit))
    r.links.forEach((l, i) => {
      if (l.s === u && shown.has(l.t) && (walkable(r, i, u, o.filter) || walkable(r, i, l.t, o.filter))) links.push(i);
    });
  return {
    nodes,
    hops: nodes.map((v) => levelOf.get(v)!),
    links: links.slice(0, o.linkLimit),
    total: order.length - seedCount,
    totalLinks: links.length,
    perHop,
    exact,
  };
}

describe('neighbourhood', () => {
  it('holds every node within k hops, at its distance, and the links among them', () => {
    fc.assert(
      fc.property(rawGraph(), fc.nat(), fc.integer({ min: 1, max: 3 }), fc.constantFrom(...filters), (r, seed, hops, f) => {
        const s = seed % r.n;
        const g = build(r);
        const d = naiveDistances(r, f)[s]!;
        const res = neighbourhood(g, [s], { hops, filter: f });
        const want = d.map((x, v) => [v, x] as const).filter(([v, x]) => v !== s && x <= hops);
        expect(res.exact).toBe(true);
        expect(res.total).toBe(want.length);
        expect(res.nodes.map((v, i) => [v, res.hops[i]]).sort((a, b) => a[0]! - b[0]!)).toEqual(want.map(([v, x]) => [v, x]));
        expect(res.perHop.reduce((a, b) => a + b, 0)).toBe(want.length);
        const shown = new Set([s, ...res.nodes]);
        const links = new Set<number>();
        steps(r, f).forEach((out, u) => out.forEach(([v, l]) => shown.has(u) && shown.has(v) && links.add(l)));
        expect([...res.links].sort((a, b) => a - b)).toEqual([...links].sort((a, b) => a - b));
        expect(res.totalLinks).toBe(links.size);
      }),
    );
  });

  it('equals the definition under every cap, budget, filter and type restriction (same nodes, order, counts and links)', () => {
    fc.assert(
      fc.property(
        rawGraph(14, 40, 'max'),
        fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
        fc.record({
          hops: fc.oneof(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 4 })),
          limit: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 12 })),
          linkLimit: fc.integer({ min: 0, max: 30 }),
          // The adjacency budget (a graph holds up to 80 entries: both ends of 40 links), or none.
          maxScan: fc.oneof(fc.integer({ min: 0, max: 80 }), fc.constant(20_000_000)),
          // Unfiltered and untyped half the time: the path a hub's neighbourhood takes.
          filter: fc.oneof(fc.constant({}), fc.constantFrom(...filters)),
          nodeTypes: fc.option(fc.subarray([...SCHEMATA], { minLength: 1 }), { nil: undefined, freq: 1 }),
        }),
        (r, picks, o) => {
          const seeds = picks.map((x) => x % r.n);
          const g = build(r);
          // Twice on the same graph: scratch space reused between calls must not leak from one call into the next.
          for (let k = 0; k < 2; k++) expect(neighbourhood(g, seeds, o)).toEqual(naive(r, seeds, o));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('shows N of M nearest first when capped, and a lower bound when the scan budget ran out', () => {
    // A star of 30 around node 0, each leaf with one further neighbour.
    const links = Array.from({ length: 30 }, (_, i) => [
      { s: 0, t: i + 1, type: 3, weight: 1, pct: 0 },
      { s: i + 1, t: i + 31, type: 3, weight: 1, pct: 0 },
    ]).flat();
    const g = build({ n: 61, schema: Array<number>(61).fill(0), links });
    const res = neighbourhood(g, [0], { hops: 2, limit: 40 });
    expect([res.nodes.length, res.total, res.perHop, res.exact]).toEqual([40, 60, [30, 30], true]);
    expect(res.hops.slice(0, 30).every((h) => h === 1)).toBe(true);
    const partial = neighbourhood(g, [0], { hops: 2, limit: 40, maxScan: 40 });
    expect(partial.exact).toBe(false);
    expect(partial.total).toBeLessThan(60);
    expect(partial.nodes.length).toBeLessThanOrEqual(partial.total);
  });

  it('keeps to the node types asked for', () => {
    fc.assert(
      fc.property(rawGraph(), (r) => {
        const g = build(r);
        const res = neighbourhood(g, [0], { hops: 2, nodeTypes: ['Company'] });
        for (const v of res.nodes) expect(SCHEMATA[r.schema[v]!]).toBe('Company');
      }),
    );
  });
});

describe('common neighbours', () => {
  it('are the nodes next to every one given', () => {
    fc.assert(
      fc.property(rawGraph(), fc.nat(), fc.nat(), fc.constantFrom(...filters), (r, x, y, f) => {
        const [a, b] = [x % r.n, y % r.n];
        const st = steps(r, f);
        const next = (u: number) => new Set(st[u]!.map(([v]) => v));
        const want = [...next(a)].filter((v) => next(b).has(v) && v !== a && v !== b).sort((p, q) => p - q);
        const res = commonNeighbours(build(r), [a, b], { filter: f, limit: 2 });
        expect(res.total).toBe(want.length);
        expect(res.nodes).toEqual(want.slice(0, 2));
      }),
    );
  });
});
