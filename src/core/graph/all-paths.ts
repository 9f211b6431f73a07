// Every simple path between two nodes up to a length limit, counted honestly when a limit stops the enumeration.
import { follow, type LinkFilter } from './filter.js';
import { reversed, type Path } from './paths.js';
import type { Graph } from './store.js';

export interface AllPathsOptions {
  filter?: LinkFilter;
  /** Longest path, in links (default 4). */
  maxLength?: number;
  /** Paths returned (default 100); counting goes on up to `maxCount`. */
  limit?: number;
  /** Stop counting after this many paths (default 100,000). */
  maxCount?: number;
  /** Stop after this many search steps (default 5,000,000). */
  maxSteps?: number;
}

export interface AllPathsResult {
  /** Up to `limit` paths, shortest first. */
  paths: Path[];
  /** Paths found; all there are when `exact`, a lower bound otherwise. */
  total: number;
  exact: boolean;
}

/** Distance (in links, up to `max`) from every node to `target` walking links backwards; 255 beyond `max`. */
function distancesTo(g: Graph, target: number, f: LinkFilter | undefined, max: number): Uint8Array {
  const { offsets, adjNode, adjLink } = g.c;
  const ok = follow(g, reversed(f));
  const dist = new Uint8Array(g.nodeCount).fill(255);
  dist[target] = 0;
  let frontier = [target];
  for (let d = 1; d <= max && frontier.length; d++) {
    const next: number[] = [];
    for (const u of frontier)
      for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
        const v = adjNode[p]!;
        if (dist[v] !== 255 || !ok(adjLink[p]!, u)) continue;
        dist[v] = d;
        next.push(v);
      }
    frontier = next;
  }
  return dist;
}

/** Simple paths (no node twice) from `from` to `to`; parallel links give distinct paths, as they are distinct link entities. */
export function allPaths(g: Graph, from: number, to: number, o: AllPathsOptions = {}): AllPathsResult {
  g.check(from, 'from');
  g.check(to, 'to');
  const maxLength = Math.min(o.maxLength ?? 4, 254);
  const limit = o.limit ?? 100;
  const maxCount = Math.max(o.maxCount ?? 100_000, limit);
  const maxSteps = o.maxSteps ?? 5_000_000;
  if (from === to) return { paths: [{ nodes: [from], links: [] }], total: 1, exact: true };
  const { offsets, adjNode, adjLink } = g.c;
  const ok = follow(g, o.filter);
  const toTarget = distancesTo(g, to, o.filter, maxLength);
  const onPath = new Uint8Array(g.nodeCount);
  const nodes: number[] = [from];
  const links: number[] = [];
  const found: Path[] = [];
  let total = 0;
  let steps = 0;
  let stopped = false;
  onPath[from] = 1;
  const walk = (u: number): void => {
    const left = maxLength - links.length;
    for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) {
      if (++steps > maxSteps || total >= maxCount) {
        stopped = true;
        return;
      }
      const v = adjNode[p]!;
      if (onPath[v] || toTarget[v]! >= left || !ok(adjLink[p]!, u)) continue; // cannot reach `to` in time
      links.push(adjLink[p]!);
      nodes.push(v);
      if (v === to) {
        total++;
        found.push({ nodes: [...nodes], links: [...links] });
        // Keep memory bounded: hold at most a few times `limit` before trimming to the shortest.
        if (found.length >= 4 * limit + 64) trim(found, limit);
      } else {
        onPath[v] = 1;
        walk(v);
        onPath[v] = 0;
      }
      nodes.pop();
      links.pop();
      if (stopped) return;
    }
  };
  if (toTarget[from]! <= maxLength) walk(from);
  trim(found, limit);
  return { paths: found, total, exact: !stopped };
}

function trim(found: Path[], limit: number): void {
  found.sort((a, b) => a.links.length - b.links.length);
  found.length = Math.min(found.length, limit);
}
