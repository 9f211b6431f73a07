// Degree and betweenness centrality against their definitions on small random graphs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betweenness, degreeCentrality } from './centrality.js';
import type { LinkFilter } from './filter.js';
import { build, naiveDistances, naivePaths, rawGraph, steps, type RawGraph } from './test-support/graphs.js';

/** Sum over ordered pairs (s, t) of the share of shortest s–t paths passing through v (halved when undirected). */
function naiveBetweenness(r: RawGraph, f: LinkFilter): number[] {
  const d = naiveDistances(r, f);
  const out = Array<number>(r.n).fill(0);
  for (let s = 0; s < r.n; s++)
    for (let t = 0; t < r.n; t++) {
      if (s === t || d[s]![t] === Infinity) continue;
      const shortest = naivePaths(r, s, t, d[s]![t]!, f);
      for (let v = 0; v < r.n; v++) {
        if (v === s || v === t) continue;
        const through = shortest.filter((links) => {
          let u = s;
          for (const l of links) {
            u = r.links[l]!.s === u ? r.links[l]!.t : r.links[l]!.s;
            if (u === v) return true;
          }
          return false;
        }).length;
        out[v]! += through / shortest.length;
      }
    }
  return (f.direction ?? 'both') === 'both' ? out.map((x) => x / 2) : out;
}

describe('centrality', () => {
  it('degree counts the links a node may follow', () => {
    fc.assert(
      fc.property(rawGraph(), (r) => {
        const g = build(r);
        expect(Array.from(degreeCentrality(g))).toEqual(
          Array.from({ length: r.n }, (_, u) => r.links.filter((l) => l.s === u).length + r.links.filter((l) => l.t === u).length),
        );
        const f = { types: ['Call'] };
        expect(Array.from(degreeCentrality(g, f))).toEqual(steps(r, f).map((s, u) => s.length + s.filter(([v]) => v === u).length));
      }),
    );
  });

  it('exact betweenness equals the definition, undirected and directed', () => {
    fc.assert(
      fc.property(rawGraph(7, 12), fc.constantFrom<LinkFilter>({}, { direction: 'out' }, { types: ['Ownership', 'Family'] }), (r, f) => {
        const res = betweenness(build(r), { filter: f });
        expect(res.exact).toBe(true);
        const want = naiveBetweenness(r, f);
        Array.from(res.scores).forEach((x, v) => expect(x).toBeCloseTo(want[v]!, 9));
      }),
    );
  });

  it('sampling is exact with every node as source, repeatable for a seed, and says it is an estimate otherwise', () => {
    fc.assert(
      fc.property(rawGraph(), fc.integer({ min: 1, max: 5 }), (r, k) => {
        const g = build(r);
        expect(Array.from(betweenness(g, { samples: r.n }).scores)).toEqual(Array.from(betweenness(g).scores));
        const a = betweenness(g, { samples: k, seed: 7 });
        expect(Array.from(betweenness(g, { samples: k, seed: 7 }).scores)).toEqual(Array.from(a.scores));
        expect(a.exact).toBe(k >= r.n);
        expect(a.sources).toBe(Math.min(k, r.n));
      }),
    );
  });

  it('normalises a star centre to 1', () => {
    const g = build({ n: 5, schema: [0, 0, 0, 0, 0], links: [1, 2, 3, 4].map((t) => ({ s: 0, t, type: 2, weight: 1, pct: 0 })) });
    expect(betweenness(g, { normalized: true }).scores[0]).toBeCloseTo(1, 12);
  });
});
