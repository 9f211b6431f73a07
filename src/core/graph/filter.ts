// Which links an algorithm may follow: link types, direction, and validity at a date or within a window.
import type { Graph } from './store.js';

export interface LinkFilter {
  /** Only links of these FtM link schemata (all when absent). */
  types?: readonly string[];
  /** Follow links from source to target ('out'), against it ('in'), or both ways (default). */
  direction?: 'out' | 'in' | 'both';
  /** Only links valid on this epoch day (start ≤ at ≤ end). */
  at?: number;
  /** Only links overlapping the window [from, to] (epoch days; either end may be left open). */
  from?: number;
  to?: number;
  /** Links with an unknown start or end count as open on that side ('include', default) or are left out ('exclude') when a date filter applies. */
  undated?: 'include' | 'exclude';
}

/** Decides whether a link may be followed from `node` (one of its ends). */
export type Follow = (link: number, node: number) => boolean;

/** Compiles a filter into a predicate; unknown type names simply match nothing. */
export function follow(g: Graph, f: LinkFilter = {}): Follow {
  const c = g.c;
  let allowed: Uint8Array | undefined;
  if (f.types) {
    allowed = new Uint8Array(256);
    for (const t of f.types) {
      const i = c.linkTypes.indexOf(t);
      if (i >= 0) allowed[i] = 1;
    }
  }
  const dir = f.direction ?? 'both';
  let lo = f.at ?? f.from ?? -Infinity;
  let hi = f.at ?? f.to ?? Infinity;
  if (lo > hi) [lo, hi] = [hi, lo];
  const dated = lo !== -Infinity || hi !== Infinity;
  const keepUndated = (f.undated ?? 'include') === 'include';
  const { start, end, linkType, linkSource, linkTarget } = c;
  return (link, node) => {
    if (allowed && allowed[linkType[link]!] === 0) return false;
    if (dir === 'out' ? linkSource[link] !== node : dir === 'in' ? linkTarget[link] !== node : false) return false;
    if (dated) {
      const s = start[link]!;
      const e = end[link]!;
      if (s !== s || e !== e) {
        if (!keepUndated) return false;
      }
      if (s > hi || e < lo) return false; // NaN compares false: open ends pass
    }
    return true;
  };
}

/** Whether the filter lets everything through (algorithms skip calling it then). */
export function isOpen(f: LinkFilter | undefined): boolean {
  return !f || (!f.types && (f.direction ?? 'both') === 'both' && f.at === undefined && f.from === undefined && f.to === undefined);
}
