// Shortest and all paths against exhaustive search on small random graphs, and the path as FtM ids.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allPaths } from './all-paths.js';
import type { LinkFilter } from './filter.js';
import { pathIds, shortestPath, type Path } from './paths.js';
import type { Graph } from './store.js';
import { build, naiveDistances, naivePaths, rawGraph, walkable, type RawGraph } from './test-support/graphs.js';

const filters: LinkFilter[] = [{}, { direction: 'out' }, { types: ['Ownership', 'Family', 'Call'] }, { at: 15 }];

/** A path is a real walk from `a` to `b` through walkable links without repeating a node. */
function valid(r: RawGraph, g: Graph, p: Path, a: number, b: number, f: LinkFilter): boolean {
  if (p.nodes[0] !== a || p.nodes.at(-1) !== b || p.nodes.length !== p.links.length + 1 || new Set(p.nodes).size !== p.nodes.length) return false;
  return p.links.every((l, i) => g.other(l, p.nodes[i]!) === p.nodes[i + 1] && walkable(r, l, p.nodes[i]!, f));
}

const pair = fc.tuple(rawGraph(), fc.nat(), fc.nat(), fc.constantFrom(...filters)).map(([r, a, b, f]) => ({ r, a: a % r.n, b: b % r.n, f }));

describe('shortest paths', () => {
  it('BFS, bidirectional BFS and Dijkstra find paths of the shortest length', () => {
    fc.assert(
      fc.property(pair, ({ r, a, b, f }) => {
        const g = build(r);
        const d = naiveDistances(r, f)[a]![b]!;
        for (const method of ['bfs', 'bidirectional', 'dijkstra'] as const) {
          const res = shortestPath(g, a, b, { filter: f, method });
          expect(res.cost).toBe(d);
          expect(res.complete).toBe(true);
          if (d === Infinity) expect(res.path).toBeNull();
          else expect(valid(r, g, res.path!, a, b, f)).toBe(true);
        }
      }),
    );
  });

  it('Dijkstra over weights finds the cheapest path', () => {
    fc.assert(
      fc.property(pair, ({ r, a, b, f }) => {
        const g = build(r);
        const res = shortestPath(g, a, b, { filter: f, cost: 'weight' });
        expect(res.cost).toBe(naiveDistances(r, f, true)[a]![b]!);
        if (res.path) expect(res.path.links.reduce((s, l) => s + r.links[l]!.weight, 0)).toBe(res.cost);
      }),
    );
  });

  it('respects a length limit, and says when a visit budget stopped it', () => {
    fc.assert(
      fc.property(pair, fc.integer({ min: 1, max: 3 }), ({ r, a, b, f }, max) => {
        const g = build(r);
        const d = naiveDistances(r, f)[a]![b]!;
        for (const method of ['bfs', 'bidirectional'] as const)
          expect(shortestPath(g, a, b, { filter: f, method, maxLength: max }).cost).toBe(d <= max ? d : Infinity);
      }),
    );
    const chain = build({ n: 6, schema: [0, 0, 0, 0, 0, 0], links: [0, 1, 2, 3, 4].map((i) => ({ s: i, t: i + 1, type: 2, weight: 1, pct: 0 })) });
    const stopped = shortestPath(chain, 0, 5, { maxVisits: 2 });
    expect([stopped.path, stopped.complete]).toEqual([null, false]);
    expect(() => shortestPath(chain, 0, 5, { cost: 'weight', maxLength: 2 })).toThrow(/maxLength/);
  });

  it('lists the link entities between the entities of a path', () => {
    const g = build({
      n: 3,
      schema: [0, 1, 0],
      links: [
        { s: 0, t: 1, type: 0, weight: 1, pct: 60 },
        { s: 2, t: 1, type: 1, weight: 1, pct: 0 },
      ],
    });
    const res = shortestPath(g, 0, 2);
    expect(pathIds(g, res.path!)).toEqual(['n0', 'link-0', 'n1', 'link-1', 'n2']);
  });
});

describe('all paths', () => {
  it('finds exactly the simple paths up to the length limit, shortest first', () => {
    fc.assert(
      fc.property(pair, fc.integer({ min: 1, max: 5 }), ({ r, a, b, f }, max) => {
        fc.pre(a !== b);
        const g = build(r);
        const want = naivePaths(r, a, b, max, f);
        const res = allPaths(g, a, b, { filter: f, maxLength: max, limit: 1000 });
        expect(res.exact).toBe(true);
        expect(res.total).toBe(want.length);
        expect(res.paths.map((p) => p.links.join(',')).sort()).toEqual(want.map((p) => p.join(',')).sort());
        for (const p of res.paths) expect(valid(r, g, p, a, b, f)).toBe(true);
        expect(res.paths.map((p) => p.links.length)).toEqual(res.paths.map((p) => p.links.length).sort((x, y) => x - y));
      }),
    );
  });

  it('caps what it returns and reports N of M, or a lower bound when counting stopped', () => {
    // A ladder of parallel links: 3 choices at each of 4 steps = 81 paths.
    const links = [0, 1, 2, 3].flatMap((i) => [0, 1, 2].map(() => ({ s: i, t: i + 1, type: 3, weight: 1, pct: 0 })));
    const g = build({ n: 5, schema: [0, 0, 0, 0, 0], links });
    const capped = allPaths(g, 0, 4, { limit: 10 });
    expect([capped.paths.length, capped.total, capped.exact]).toEqual([10, 81, true]);
    const stopped = allPaths(g, 0, 4, { limit: 10, maxCount: 20 });
    expect(stopped.exact).toBe(false);
    expect(stopped.total).toBeGreaterThanOrEqual(stopped.paths.length);
    expect(stopped.total).toBeLessThan(81);
  });
});

describe('inputs', () => {
  it('names a node number that is not in the graph', () => {
    const g = build({ n: 2, schema: [0, 0], links: [] });
    expect(() => shortestPath(g, 0, g.node('nobody'))).toThrow(/to -1 is not a node of this graph/);
    expect(() => allPaths(g, 5, 0)).toThrow(/from 5 is not a node/);
  });
});
