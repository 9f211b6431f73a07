// Neighbourhood expansion (k hops, type and time filters, "N of M" when capped) and common neighbours.
import { follow, isOpen, type LinkFilter } from './filter.js';
import type { Graph } from './store.js';

export interface NeighbourhoodOptions {
  /** Hops from the seeds (default 1). */
  hops?: number;
  filter?: LinkFilter;
  /** Only neighbours of these schemata are counted, shown and expanded further. */
  nodeTypes?: readonly string[];
  /** Neighbours returned (default 500), nearest hop first, then in link order. */
  limit?: number;
  /** Links returned among the returned nodes and seeds (default 5 × limit). */
  linkLimit?: number;
  /** Adjacency entries scanned while counting before giving up on an exact total (default 20,000,000). */
  maxScan?: number;
}

export interface Neighbourhood {
  /** Neighbours shown (seeds excluded) and the hop each was reached at. */
  nodes: number[];
  hops: number[];
  /** Links that pass the filter and join two of seeds ∪ nodes. */
  links: number[];
  /** Neighbours within reach (seeds excluded): exactly when `exact`, a lower bound otherwise. */
  total: number;
  totalLinks: number;
  /** Neighbours per hop (index 0 = hop 1), as counted. */
  perHop: number[];
  exact: boolean;
}

/** Per-graph scratch (a visited bitset, the BFS queue, a bitset of shown nodes), reused across calls: no 4 MB allocation per call. */
const scratch = new WeakMap<Graph, { seen: Uint32Array; shown: Uint32Array; queue: Uint32Array }>();

function scratchOf(g: Graph): { seen: Uint32Array; shown: Uint32Array; queue: Uint32Array } {
  let s = scratch.get(g);
  if (!s) {
    const words = (g.nodeCount + 31) >>> 5;
    s = { seen: new Uint32Array(words), shown: new Uint32Array(words), queue: new Uint32Array(g.nodeCount) };
    scratch.set(g, s);
  } else {
    s.seen.fill(0);
    s.shown.fill(0);
  }
  return s;
}

/** Set bits in `words` (each newly reached node sets exactly one, so a level's count is a difference of two of these). */
function popcount(words: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < words.length; i++) {
    let x = words[i]!;
    if (x === 0) continue;
    x -= (x >>> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
  }
  return n;
}

export function neighbourhood(g: Graph, seeds: readonly number[], o: NeighbourhoodOptions = {}): Neighbourhood {
  const { offsets, adjNode, adjLink, nodeSchema, schemata, linkSource } = g.c;
  for (const s of seeds) g.check(s, 'seed');
  const hops = Math.min(o.hops ?? 1, 254);
  const limit = o.limit ?? 500;
  const linkLimit = o.linkLimit ?? 5 * limit;
  const maxScan = o.maxScan ?? 20_000_000;
  const ok = follow(g, o.filter);
  const open = isOpen(o.filter);
  let typeOk: Uint8Array | undefined;
  if (o.nodeTypes) {
    typeOk = new Uint8Array(256);
    for (const t of o.nodeTypes) if (schemata.indexOf(t) >= 0) typeOk[schemata.indexOf(t)] = 1;
  }
  // Seen nodes as a bitset (n/8 bytes stay in cache); the queue is in hop order, so levelStart gives each node's hop.
  const { seen, shown, queue } = scratchOf(g);
  let tail = 0;
  for (const s of seeds)
    if (!(seen[s >>> 5]! & (1 << (s & 31)))) {
      seen[s >>> 5]! |= 1 << (s & 31);
      queue[tail++] = s;
    }
  const seedCount = tail;
  const shownEnd = seedCount + limit;
  const levelStart: number[] = [];
  const perHop: number[] = [];
  let head = 0;
  let scanned = 0;
  let unqueued = 0; // reached at the last hop beyond what is shown: counted, never expanded, so not queued
  let exact = true;
  for (let h = 1; h <= hops && head < tail; h++) {
    const levelEnd = tail;
    const last = h === hops;
    levelStart.push(tail);
    // The last hop is counted from the bitset (set bits before and after): once the shown nodes are queued, its scan
    // only marks what it reaches, with no branch on whether a node is new.
    const before = last ? popcount(seen) : 0;
    let found = 0;
    while (head < levelEnd) {
      const u = queue[head++]!;
      const a = offsets[u]!;
      const b = offsets[u + 1]!;
      if (scanned + (b - a) > maxScan) {
        exact = false;
        break;
      }
      scanned += b - a;
      if (last && tail >= shownEnd && open && !typeOk && head < levelEnd) {
        // The rest of the level in node order (the adjacency is laid out by node): one forward sweep through memory.
        let need = b - a;
        for (let i = head; i < levelEnd; i++) need += offsets[queue[i]! + 1]! - offsets[queue[i]!]!;
        if (scanned - (b - a) + need <= maxScan) {
          for (let p = a; p < b; p++) seen[adjNode[p]! >>> 5]! |= 1 << (adjNode[p]! & 31);
          for (let i = head; i < levelEnd; i++) shown[queue[i]! >>> 5]! |= 1 << (queue[i]! & 31);
          for (let w = 0; w < shown.length; w++) {
            let bits = shown[w]!;
            if (bits === 0) continue;
            shown[w] = 0;
            while (bits !== 0) {
              const x = (w << 5) | (31 - Math.clz32(bits & -bits));
              bits &= bits - 1;
              for (let p = offsets[x]!, e = offsets[x + 1]!; p < e; p++) seen[adjNode[p]! >>> 5]! |= 1 << (adjNode[p]! & 31);
            }
          }
          scanned += need - (b - a);
          head = levelEnd;
          continue;
        }
      }
      if (last && tail >= shownEnd) {
        if (open && !typeOk) for (let p = a; p < b; p++) seen[adjNode[p]! >>> 5]! |= 1 << (adjNode[p]! & 31);
        else
          for (let p = a; p < b; p++) {
            const v = adjNode[p]!;
            if ((typeOk && !typeOk[nodeSchema[v]!]) || (!open && !ok(adjLink[p]!, u))) continue;
            seen[v >>> 5]! |= 1 << (v & 31);
          }
        continue;
      }
      for (let p = a; p < b; p++) {
        const v = adjNode[p]!;
        const bit = 1 << (v & 31);
        if (seen[v >>> 5]! & bit || (typeOk && !typeOk[nodeSchema[v]!]) || (!open && !ok(adjLink[p]!, u))) continue;
        seen[v >>> 5]! |= bit;
        found++;
        if (!last || tail < shownEnd) queue[tail++] = v;
      }
    }
    if (last) {
      found = popcount(seen) - before;
      unqueued = found - (tail - levelEnd);
    }
    perHop.push(found);
    if (!exact) break;
  }
  const end = Math.min(tail, shownEnd);
  const nodes = Array.from(queue.subarray(seedCount, end));
  const hopsOf = nodes.map((_, i) => {
    let h = 0;
    while (h + 1 < levelStart.length && levelStart[h + 1]! <= seedCount + i) h++;
    return h + 1;
  });
  for (let i = 0; i < end; i++) shown[queue[i]! >>> 5]! |= 1 << (queue[i]! & 31);
  const links: number[] = [];
  let totalLinks = 0;
  for (let i = 0; i < end; i++) {
    const u = queue[i]!;
    for (let p = offsets[u]!, stop = offsets[u + 1]!; p < stop; p++) {
      const v = adjNode[p]!;
      const l = adjLink[p]!;
      // Each link once: from its source end (a self-loop appears twice at its node; keep the first entry).
      if (!(shown[v >>> 5]! & (1 << (v & 31))) || linkSource[l] !== u || (v === u && p > offsets[u]! && adjLink[p - 1] === l) || !(ok(l, u) || ok(l, v)))
        continue;
      totalLinks++;
      if (links.length < linkLimit) links.push(l);
    }
  }
  return { nodes, hops: hopsOf, links, total: tail - seedCount + unqueued, totalLinks, perHop, exact };
}

export interface CommonNeighbours {
  nodes: number[];
  total: number;
}

/** Nodes adjacent (through links passing the filter) to every one of `of`, in node order. */
export function commonNeighbours(g: Graph, of: readonly number[], o: { filter?: LinkFilter; limit?: number } = {}): CommonNeighbours {
  const { offsets, adjNode, adjLink } = g.c;
  const ok = follow(g, o.filter);
  const limit = o.limit ?? 500;
  for (const u of of) g.check(u);
  const distinct = [...new Set(of)];
  const count = new Map<number, number>();
  for (const u of distinct) {
    const mine = new Set<number>();
    for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) if (ok(adjLink[p]!, u)) mine.add(adjNode[p]!);
    for (const v of mine) count.set(v, (count.get(v) ?? 0) + 1);
  }
  const all = [...count].filter(([v, c]) => c === distinct.length && !distinct.includes(v)).map(([v]) => v);
  all.sort((a, b) => a - b);
  return { nodes: all.slice(0, limit), total: all.length };
}
