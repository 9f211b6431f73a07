// Shortest paths (BFS, bidirectional BFS, Dijkstra) between two nodes, and the path as FtM ids with link entities.
import { follow, isOpen, type Follow, type LinkFilter } from './filter.js';
import { MinHeap } from './heap.js';
import type { Graph } from './store.js';

/** A walk through the graph: `links[i]` joins `nodes[i]` and `nodes[i+1]`. */
export interface Path {
  nodes: number[];
  links: number[];
}

export interface ShortestPathOptions {
  filter?: LinkFilter;
  /** Longest path looked for, in links (default unlimited). */
  maxLength?: number;
  /** 'hops' counts links; 'weight' adds link weights; 'inverseWeight' adds 1/weight (strong ties are short). */
  cost?: 'hops' | 'weight' | 'inverseWeight';
  /** Default: 'bidirectional' for hops, 'dijkstra' otherwise. */
  method?: 'bfs' | 'bidirectional' | 'dijkstra';
  /** Stop after settling this many nodes; the answer then says `complete: false`. */
  maxVisits?: number;
}

export interface ShortestPathResult {
  path: Path | null;
  /** Total cost of `path` (its length in links for 'hops'); Infinity when there is none. */
  cost: number;
  visited: number;
  /** False when `maxVisits` stopped the search before it knew the answer. */
  complete: boolean;
}

/** The same filter seen from the other end of the links (for searches that walk backwards from the target). */
export function reversed(f: LinkFilter = {}): LinkFilter {
  const d = f.direction ?? 'both';
  return { ...f, direction: d === 'out' ? 'in' : d === 'in' ? 'out' : 'both' };
}

/** Path from `from` to `v` by following `via` (link + 1 per node, 0 at the root). */
function unwind(g: Graph, via: Int32Array, from: number, v: number): Path {
  const nodes = [v];
  const links: number[] = [];
  while (v !== from) {
    const l = via[v]! - 1;
    links.push(l);
    v = g.other(l, v);
    nodes.push(v);
  }
  return { nodes: nodes.reverse(), links: links.reverse() };
}

export function shortestPath(g: Graph, from: number, to: number, o: ShortestPathOptions = {}): ShortestPathResult {
  g.check(from, 'from');
  g.check(to, 'to');
  const cost = o.cost ?? 'hops';
  const method = o.method ?? (cost === 'hops' ? 'bidirectional' : 'dijkstra');
  if (from === to) return { path: { nodes: [from], links: [] }, cost: 0, visited: 1, complete: true };
  if (method === 'dijkstra') {
    if (cost !== 'hops' && o.maxLength !== undefined) throw new RangeError('maxLength applies to hop counts; it cannot bound a weighted search exactly');
    return dijkstra(g, from, to, o, cost);
  }
  if (cost !== 'hops') throw new RangeError(`method ${method} counts hops; use method 'dijkstra' for cost '${cost}'`);
  return method === 'bfs' ? bfs(g, from, to, o) : bidirectional(g, from, to, o);
}

function bfs(g: Graph, from: number, to: number, o: ShortestPathOptions): ShortestPathResult {
  const { offsets, adjNode, adjLink } = g.c;
  const ok = follow(g, o.filter);
  const open = isOpen(o.filter);
  const maxLength = o.maxLength ?? Infinity;
  const maxVisits = o.maxVisits ?? Infinity;
  const via = new Int32Array(g.nodeCount);
  const seen = new Uint8Array(g.nodeCount);
  const queue = new Uint32Array(g.nodeCount);
  let head = 0;
  let tail = 0;
  queue[tail++] = from;
  seen[from] = 1;
  for (let depth = 0; head < tail && depth < maxLength; depth++) {
    const levelEnd = tail;
    while (head < levelEnd) {
      if (head >= maxVisits) return { path: null, cost: Infinity, visited: head, complete: false };
      const u = queue[head++]!;
      for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
        const v = adjNode[p]!;
        if (seen[v] || (!open && !ok(adjLink[p]!, u))) continue;
        seen[v] = 1;
        via[v] = adjLink[p]! + 1;
        if (v === to) return { path: unwind(g, via, from, to), cost: depth + 1, visited: head, complete: true };
        queue[tail++] = v;
      }
    }
  }
  return { path: null, cost: Infinity, visited: head, complete: true };
}

function bidirectional(g: Graph, from: number, to: number, o: ShortestPathOptions): ShortestPathResult {
  const { offsets, adjNode, adjLink } = g.c;
  const n = g.nodeCount;
  const oks: [Follow, Follow] = [follow(g, o.filter), follow(g, reversed(o.filter))];
  const open = isOpen(o.filter);
  const maxLength = o.maxLength ?? Infinity;
  const maxVisits = o.maxVisits ?? Infinity;
  const side = new Uint8Array(n); // 1 forward, 2 backward
  const dist = new Int32Array(n);
  const via: [Int32Array, Int32Array] = [new Int32Array(n), new Int32Array(n)];
  const queues: [Uint32Array, Uint32Array] = [new Uint32Array(n), new Uint32Array(n)];
  const heads = [0, 0];
  const tails = [1, 1];
  const depths = [0, 0];
  // Links to scan to expand each side's next level: the cheaper side goes first (a hub makes a frontier expensive).
  const work = [offsets[from + 1]! - offsets[from]!, offsets[to + 1]! - offsets[to]!];
  queues[0][0] = from;
  queues[1][0] = to;
  side[from] = 1;
  side[to] = 2;
  let visited = 0;
  while (heads[0]! < tails[0]! && heads[1]! < tails[1]! && depths[0]! + depths[1]! < maxLength) {
    // Expand the cheaper side by one whole level; the best meeting in that level is a shortest path.
    const s = work[0]! <= work[1]! ? 0 : 1;
    let nextWork = 0;
    const q = queues[s];
    const mine = s + 1;
    const ok = oks[s];
    let best = Infinity;
    let meetU = -1;
    let meetV = -1;
    let meetLink = -1;
    const levelEnd = tails[s]!;
    while (heads[s]! < levelEnd) {
      if (visited >= maxVisits) return { path: null, cost: Infinity, visited, complete: false };
      const u = q[heads[s]!++]!;
      visited++;
      for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
        const v = adjNode[p]!;
        const sv = side[v]!;
        if (sv === mine) continue;
        const l = adjLink[p]!;
        if (!open && !ok(l, u)) continue;
        if (sv !== 0) {
          const total = dist[u]! + 1 + dist[v]!;
          if (total < best) [best, meetU, meetV, meetLink] = [total, u, v, l];
          continue;
        }
        side[v] = mine;
        dist[v] = dist[u]! + 1;
        via[s][v] = l + 1;
        q[tails[s]!++] = v;
        nextWork += offsets[v + 1]! - offsets[v]!;
      }
    }
    depths[s]!++;
    work[s] = nextWork;
    if (meetLink >= 0 && best <= maxLength) {
      const [f, b] = s === 0 ? [meetU, meetV] : [meetV, meetU];
      const head = unwind(g, via[0], from, f);
      const tail = unwind(g, via[1], to, b);
      const nodes = [...head.nodes, ...tail.nodes.reverse()];
      const links = [...head.links, meetLink, ...tail.links.reverse()];
      return { path: { nodes, links }, cost: links.length, visited, complete: true };
    }
  }
  return { path: null, cost: Infinity, visited, complete: true };
}

function dijkstra(g: Graph, from: number, to: number, o: ShortestPathOptions, cost: 'hops' | 'weight' | 'inverseWeight'): ShortestPathResult {
  const { offsets, adjNode, adjLink, weight } = g.c;
  const ok = follow(g, o.filter);
  const maxLength = o.maxLength ?? Infinity;
  const maxVisits = o.maxVisits ?? Infinity;
  const dist = new Float64Array(g.nodeCount).fill(Infinity);
  const hops = new Int32Array(g.nodeCount);
  const via = new Int32Array(g.nodeCount);
  const done = new Uint8Array(g.nodeCount);
  const heap = new MinHeap();
  dist[from] = 0;
  heap.push(0, from);
  let visited = 0;
  while (heap.size > 0) {
    const d = heap.peekKey();
    const u = heap.pop();
    if (done[u] || d > dist[u]!) continue;
    done[u] = 1;
    if (u === to) return { path: unwind(g, via, from, to), cost: d, visited, complete: true };
    if (visited++ >= maxVisits) return { path: null, cost: Infinity, visited, complete: false };
    if (hops[u]! >= maxLength) continue;
    for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
      const v = adjNode[p]!;
      const l = adjLink[p]!;
      if (done[v] || !ok(l, u)) continue;
      const w = weight[l]!;
      const step = cost === 'hops' ? 1 : cost === 'weight' ? w : 1 / w;
      if (!(step >= 0) || step === Infinity) continue; // negative, NaN or zero-weight inverse: not walkable
      const nd = d + step;
      if (nd < dist[v]!) {
        dist[v] = nd;
        hops[v] = hops[u]! + 1;
        via[v] = l + 1;
        heap.push(nd, v);
      }
    }
  }
  return { path: null, cost: Infinity, visited, complete: true };
}

/** The FtM ids a path passes: each entity, with the link's own entity (Ownership, Directorship …) between them when it has one. */
export function pathIds(g: Graph, path: Path): string[] {
  const out = [g.id(path.nodes[0]!)];
  for (let i = 0; i < path.links.length; i++) {
    const lid = g.linkId(path.links[i]!);
    if (lid) out.push(lid);
    out.push(g.id(path.nodes[i + 1]!));
  }
  return out;
}
