// Degree and betweenness centrality (Brandes; exact, or estimated from a seeded sample of sources on big graphs).
import { follow, isOpen, type LinkFilter } from './filter.js';
import { seeded, shuffle } from './rng.js';
import type { Graph } from './store.js';

/** Links at each node that pass the filter (a self-loop counts twice, once per end). */
export function degreeCentrality(g: Graph, filter?: LinkFilter): Uint32Array {
  const { offsets, adjLink } = g.c;
  const out = new Uint32Array(g.nodeCount);
  if (isOpen(filter)) {
    for (let u = 0; u < g.nodeCount; u++) out[u] = offsets[u + 1]! - offsets[u]!;
    return out;
  }
  const ok = follow(g, filter);
  for (let u = 0; u < g.nodeCount; u++) {
    let d = 0;
    for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) if (ok(adjLink[p]!, u)) d++;
    out[u] = d;
  }
  return out;
}

export interface BetweennessOptions {
  filter?: LinkFilter;
  /** Estimate from this many source nodes (scaled by n / samples); exact when absent or ≥ the node count. */
  samples?: number;
  seed?: number;
  /** Divide by the number of pairs not involving the node ((n-1)(n-2), halved when undirected). */
  normalized?: boolean;
}

export interface Betweenness {
  scores: Float64Array;
  exact: boolean;
  /** Sources the scores were computed from (all nodes when exact). */
  sources: number;
}

/**
 * Shortest-path betweenness over hop counts; parallel links count as distinct paths (they are distinct link entities).
 * Undirected unless the filter fixes a direction.
 */
export function betweenness(g: Graph, o: BetweennessOptions = {}): Betweenness {
  const n = g.nodeCount;
  const { offsets, adjNode, adjLink } = g.c;
  const ok = follow(g, o.filter);
  const undirected = (o.filter?.direction ?? 'both') === 'both';
  const open = isOpen(o.filter);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const exact = o.samples === undefined || o.samples >= n;
  const k = exact ? n : Math.max(1, o.samples!);
  if (!exact) shuffle(order, seeded(o.seed ?? 1));
  const scores = new Float64Array(n);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const stack = new Uint32Array(n);
  for (let i = 0; i < k; i++) {
    const s = order[i]!;
    let head = 0;
    let tail = 0;
    stack[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) {
      const v = stack[head++]!;
      for (let p = offsets[v]!, end = offsets[v + 1]!; p < end; p++) {
        const w = adjNode[p]!;
        if (w === v || (!open && !ok(adjLink[p]!, v))) continue;
        if (dist[w]! < 0) {
          dist[w] = dist[v]! + 1;
          stack[tail++] = w;
        }
        if (dist[w] === dist[v]! + 1) sigma[w]! += sigma[v]!;
      }
    }
    // The BFS queue is in order of distance: walk it backwards to accumulate dependencies.
    for (let j = tail - 1; j > 0; j--) {
      const w = stack[j]!;
      const coeff = (1 + delta[w]!) / sigma[w]!;
      for (let p = offsets[w]!, end = offsets[w + 1]!; p < end; p++) {
        const v = adjNode[p]!;
        if (dist[v] !== dist[w]! - 1 || (!open && !ok(adjLink[p]!, v))) continue;
        delta[v]! += sigma[v]! * coeff;
      }
      scores[w]! += delta[w]!;
    }
    for (let j = 0; j < tail; j++) {
      const v = stack[j]!;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
  }
  let scale = exact ? 1 : n / k;
  if (undirected) scale /= 2;
  if (o.normalized && n > 2) scale /= undirected ? ((n - 1) * (n - 2)) / 2 : (n - 1) * (n - 2);
  for (let v = 0; v < n; v++) scores[v]! *= scale;
  return { scores, exact, sources: k };
}
