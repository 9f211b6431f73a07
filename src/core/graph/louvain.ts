// Louvain community detection (local moving + aggregation), deterministic for a seed, with the partition's modularity.
import { follow, type LinkFilter } from './filter.js';
import { seeded, shuffle } from './rng.js';
import type { Graph } from './store.js';

export interface LouvainOptions {
  filter?: LinkFilter;
  /** Use link weights (default: every link weighs 1). */
  weighted?: boolean;
  /** Above 1 favours smaller communities (default 1). */
  resolution?: number;
  seed?: number;
  /** Aggregation levels at most (default 20); node evaluations per level at most maxPasses × nodes (default 50). */
  maxLevels?: number;
  maxPasses?: number;
}

export interface Communities {
  /** Community of each node, numbered by size (0 = largest). */
  community: Uint32Array;
  count: number;
  modularity: number;
  levels: number;
}

/** An undirected weighted graph in CSR form, self-loops held apart (`loop[i]` = A_ii). */
interface Level {
  n: number;
  offs: Uint32Array;
  nbr: Uint32Array;
  w: Float64Array;
  loop: Float64Array;
}

function firstLevel(g: Graph, o: LouvainOptions): Level {
  const { offsets, adjNode, adjLink, weight } = g.c;
  const ok = follow(g, { ...o.filter, direction: 'both' });
  const n = g.nodeCount;
  const offs = new Uint32Array(n + 1);
  const nbr = new Uint32Array(adjNode.length);
  const w = new Float64Array(adjNode.length);
  const loop = new Float64Array(n);
  let q = 0;
  for (let u = 0; u < n; u++) {
    for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
      const l = adjLink[p]!;
      if (!ok(l, u)) continue;
      const lw = o.weighted ? weight[l]! : 1;
      if (!(lw > 0)) continue;
      const v = adjNode[p]!;
      if (v === u)
        loop[u]! += lw / 2; // a self-loop has two entries at its node
      else {
        nbr[q] = v;
        w[q++] = lw;
      }
    }
    offs[u + 1] = q;
  }
  return { n, offs, nbr: nbr.subarray(0, q), w: w.subarray(0, q), loop };
}

/**
 * Moves nodes between communities while modularity rises, "fast local moving" style: every node once in a seeded random
 * order, then only nodes whose neighbourhood changed (a queue), until none can gain or `maxVisits` evaluations are spent.
 * Returns whether anything moved.
 */
function localMoving(L: Level, comm: Uint32Array, gamma: number, random: () => number, maxVisits: number): boolean {
  const { n, offs, nbr, w, loop } = L;
  const k = new Float64Array(n);
  const tot = new Float64Array(n);
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    let s = 2 * loop[i]!;
    for (let p = offs[i]!; p < offs[i + 1]!; p++) s += w[p]!;
    k[i] = s;
    tot[comm[i]!]! += s;
    m2 += s;
  }
  if (m2 === 0) return false;
  // A ring buffer of n slots holds each queued node once (`queued` marks them).
  const queue = new Uint32Array(n);
  for (let i = 0; i < n; i++) queue[i] = i;
  shuffle(queue, random);
  const queued = new Uint8Array(n).fill(1);
  let head = 0;
  let size = n;
  const toComm = new Float64Array(n).fill(-1);
  const touched = new Uint32Array(n);
  let moved = false;
  for (let visits = 0; size > 0 && visits < maxVisits; visits++) {
    const i = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    queued[i] = 0;
    const ci = comm[i]!;
    let nt = 0;
    toComm[ci] = 0;
    touched[nt++] = ci;
    for (let p = offs[i]!; p < offs[i + 1]!; p++) {
      const c = comm[nbr[p]!]!;
      if (toComm[c]! < 0) {
        toComm[c] = 0;
        touched[nt++] = c;
      }
      toComm[c]! += w[p]!;
    }
    const ki = k[i]!;
    tot[ci]! -= ki;
    let best = ci;
    let bestGain = toComm[ci]! - (gamma * tot[ci]! * ki) / m2;
    for (let t = 1; t < nt; t++) {
      const c = touched[t]!;
      const gain = toComm[c]! - (gamma * tot[c]! * ki) / m2;
      if (gain > bestGain + 1e-12) {
        bestGain = gain;
        best = c;
      }
    }
    tot[best]! += ki;
    for (let t = 0; t < nt; t++) toComm[touched[t]!] = -1;
    if (best === ci) continue;
    comm[i] = best;
    moved = true;
    // Neighbours outside the new community may now prefer to follow.
    for (let p = offs[i]!; p < offs[i + 1]!; p++) {
      const j = nbr[p]!;
      if (queued[j] || comm[j] === best) continue;
      queued[j] = 1;
      let tail = head + size;
      if (tail >= n) tail -= n;
      queue[tail] = j;
      size++;
    }
  }
  return moved;
}

/** Renumbers communities 0..c-1 (in order of first member) and returns c. */
function renumber(comm: Uint32Array): number {
  const map = new Int32Array(comm.length).fill(-1);
  let c = 0;
  for (let i = 0; i < comm.length; i++) {
    const x = comm[i]!;
    if (map[x]! < 0) map[x] = c++;
    comm[i] = map[x]!;
  }
  return c;
}

function aggregate(L: Level, comm: Uint32Array, c: number): Level {
  const members = new Uint32Array(L.n);
  const start = new Uint32Array(c + 1);
  for (let i = 0; i < L.n; i++) start[comm[i]! + 1]!++;
  for (let x = 0; x < c; x++) start[x + 1]! += start[x]!;
  const fill = start.slice(0, c);
  for (let i = 0; i < L.n; i++) members[fill[comm[i]!]!++] = i;
  const offs = new Uint32Array(c + 1);
  const nbr: number[] = [];
  const w: number[] = [];
  const loop = new Float64Array(c);
  const acc = new Float64Array(c).fill(-1);
  const touched: number[] = [];
  for (let x = 0; x < c; x++) {
    for (let mi = start[x]!; mi < start[x + 1]!; mi++) {
      const i = members[mi]!;
      loop[x]! += L.loop[i]!;
      for (let p = L.offs[i]!; p < L.offs[i + 1]!; p++) {
        const y = comm[L.nbr[p]!]!;
        if (y === x)
          loop[x]! += L.w[p]! / 2; // each internal link is seen from both ends
        else {
          if (acc[y]! < 0) {
            acc[y] = 0;
            touched.push(y);
          }
          acc[y]! += L.w[p]!;
        }
      }
    }
    for (const y of touched) {
      nbr.push(y);
      w.push(acc[y]!);
      acc[y] = -1;
    }
    touched.length = 0;
    offs[x + 1] = nbr.length;
  }
  return { n: c, offs, nbr: Uint32Array.from(nbr), w: Float64Array.from(w), loop };
}

function levelModularity(L: Level, comm: Uint32Array, gamma: number): number {
  const inside = new Float64Array(L.n);
  const tot = new Float64Array(L.n);
  let m2 = 0;
  for (let i = 0; i < L.n; i++) {
    const ci = comm[i]!;
    inside[ci]! += 2 * L.loop[i]!;
    tot[ci]! += 2 * L.loop[i]!;
    for (let p = L.offs[i]!; p < L.offs[i + 1]!; p++) {
      tot[ci]! += L.w[p]!;
      if (comm[L.nbr[p]!] === ci) inside[ci]! += L.w[p]!;
    }
  }
  for (let i = 0; i < L.n; i++) m2 += tot[i]!;
  if (m2 === 0) return 0;
  let q = 0;
  for (let c = 0; c < L.n; c++) q += inside[c]! / m2 - gamma * (tot[c]! / m2) ** 2;
  return q;
}

/** Modularity of any partition of the graph (the measure Louvain maximises). */
export function modularity(g: Graph, community: ArrayLike<number>, o: Pick<LouvainOptions, 'filter' | 'weighted' | 'resolution'> = {}): number {
  const comm = Uint32Array.from(community as ArrayLike<number>);
  renumber(comm);
  return levelModularity(firstLevel(g, o), comm, o.resolution ?? 1);
}

export function louvain(g: Graph, o: LouvainOptions = {}): Communities {
  const gamma = o.resolution ?? 1;
  const random = seeded(o.seed ?? 1);
  let L = firstLevel(g, o);
  const community = new Uint32Array(g.nodeCount);
  for (let i = 0; i < g.nodeCount; i++) community[i] = i;
  let levels = 0;
  for (; levels < (o.maxLevels ?? 20); levels++) {
    const comm = new Uint32Array(L.n);
    for (let i = 0; i < L.n; i++) comm[i] = i;
    if (!localMoving(L, comm, gamma, random, (o.maxPasses ?? 50) * L.n)) break;
    const c = renumber(comm);
    for (let v = 0; v < community.length; v++) community[v] = comm[community[v]!]!;
    if (c === L.n) break;
    L = aggregate(L, comm, c);
  }
  // Number communities by size, largest first (ties: the one holding the lower node first).
  const count = renumber(community);
  const size = new Uint32Array(count);
  for (const c of community) size[c]!++;
  const rank = Array.from({ length: count }, (_, c) => c).sort((a, b) => size[b]! - size[a]! || a - b);
  const to = new Uint32Array(count);
  rank.forEach((c, r) => (to[c] = r));
  for (let v = 0; v < community.length; v++) community[v] = to[community[v]!]!;
  return { community, count, modularity: modularity(g, community, o), levels };
}
