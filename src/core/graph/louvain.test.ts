// Louvain communities: modularity as defined, at least that of trivial partitions, repeatable for a seed, and finds planted groups.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { louvain, modularity } from './louvain.js';
import { build, rawGraph, type RawGraph } from './test-support/graphs.js';

/** Q = 1/2m Σ_ij [A_ij − k_i k_j / 2m] δ(c_i, c_j), from the adjacency matrix (a self-loop adds 2 to A_ii). */
function naiveModularity(r: RawGraph, comm: ArrayLike<number>, weighted: boolean): number {
  const A = Array.from({ length: r.n }, () => Array<number>(r.n).fill(0));
  for (const l of r.links) {
    const w = weighted ? l.weight : 1;
    A[l.s]![l.t]! += w;
    A[l.t]![l.s]! += w;
  }
  const k = A.map((row) => row.reduce((a, b) => a + b, 0));
  const m2 = k.reduce((a, b) => a + b, 0);
  if (m2 === 0) return 0;
  let q = 0;
  for (let i = 0; i < r.n; i++) for (let j = 0; j < r.n; j++) if (comm[i] === comm[j]) q += A[i]![j]! - (k[i]! * k[j]!) / m2;
  return q / m2;
}

describe('louvain', () => {
  it('reports the modularity of its partition, never below singletons or one community, the same for the same seed', () => {
    fc.assert(
      fc.property(rawGraph(12, 30), fc.boolean(), fc.nat(), (r, weighted, seed) => {
        const g = build(r);
        const res = louvain(g, { weighted, seed });
        expect(res.modularity).toBeCloseTo(naiveModularity(r, res.community, weighted), 9);
        expect(modularity(g, res.community, { weighted })).toBeCloseTo(res.modularity, 12);
        const singletons = Array.from({ length: r.n }, (_, i) => i);
        expect(res.modularity).toBeGreaterThanOrEqual(naiveModularity(r, singletons, weighted) - 1e-9);
        expect(res.modularity).toBeGreaterThanOrEqual(naiveModularity(r, Array<number>(r.n).fill(0), weighted) - 1e-9);
        expect(Array.from(louvain(g, { weighted, seed }).community)).toEqual(Array.from(res.community));
        expect(new Set(res.community).size).toBe(res.count);
      }),
    );
  });

  it('separates two cliques joined by one link', () => {
    const links = [];
    for (const base of [0, 5]) for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) links.push({ s: base + i, t: base + j, type: 2, weight: 1, pct: 0 });
    links.push({ s: 4, t: 5, type: 3, weight: 1, pct: 0 });
    const res = louvain(build({ n: 10, schema: Array<number>(10).fill(0), links }), { seed: 3 });
    expect(res.count).toBe(2);
    expect(new Set(Array.from(res.community.subarray(0, 5))).size).toBe(1);
    expect(new Set(Array.from(res.community.subarray(5))).size).toBe(1);
    expect(res.community[0]).not.toBe(res.community[9]);
    expect(res.modularity).toBeCloseTo(naiveModularity({ n: 10, schema: [], links }, res.community, false), 12);
  });
});
