// Small random graphs for property tests, and naive reference algorithms to check the engine against.
import fc from 'fast-check';
import { GraphBuilder } from '../builder.js';
import type { LinkFilter } from '../filter.js';
import type { Graph } from '../store.js';

export const TYPES = ['Ownership', 'Directorship', 'Family', 'Payment', 'Call'] as const;
export const SCHEMATA = ['Person', 'Company', 'Organization'] as const;

export interface RawLink {
  s: number;
  t: number;
  type: number;
  weight: number;
  pct: number;
  start?: number;
  end?: number;
}

export interface RawGraph {
  n: number;
  schema: number[];
  links: RawLink[];
}

/** Graphs of 1–`maxNodes` nodes and up to `maxLinks` links (parallel links and self-loops included); `size` 'max' fills up to `maxLinks`. */
export const rawGraph = (maxNodes = 9, maxLinks = 18, size: fc.SizeForArbitrary = 'small'): fc.Arbitrary<RawGraph> =>
  fc.integer({ min: 1, max: maxNodes }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      schema: fc.array(fc.integer({ min: 0, max: SCHEMATA.length - 1 }), { minLength: n, maxLength: n }),
      links: fc.array(
        fc.record({
          s: fc.integer({ min: 0, max: n - 1 }),
          t: fc.integer({ min: 0, max: n - 1 }),
          type: fc.integer({ min: 0, max: TYPES.length - 1 }),
          weight: fc.integer({ min: 1, max: 9 }),
          pct: fc.integer({ min: 0, max: 100 }),
          start: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
          end: fc.option(fc.integer({ min: 10, max: 30 }), { nil: undefined }),
        }),
        { maxLength: maxLinks, size },
      ),
    }),
  );

export function build(r: RawGraph): Graph {
  const b = new GraphBuilder();
  for (let i = 0; i < r.n; i++) b.addNode(`n${i}`, SCHEMATA[r.schema[i]!]!, `TESTPERSON ${i}`);
  r.links.forEach((l, i) =>
    b.addLink({ source: `n${l.s}`, target: `n${l.t}`, type: TYPES[l.type]!, id: `link-${i}`, weight: l.weight, percentage: l.pct, start: l.start, end: l.end }),
  );
  return b.build();
}

/** Whether a link may be walked from `from`, read straight from the filter's definition. */
export function walkable(r: RawGraph, i: number, from: number, f: LinkFilter = {}): boolean {
  const l = r.links[i]!;
  if (f.types && !f.types.includes(TYPES[l.type]!)) return false;
  const d = f.direction ?? 'both';
  if (d === 'out' && l.s !== from) return false;
  if (d === 'in' && l.t !== from) return false;
  if (f.at !== undefined || f.from !== undefined || f.to !== undefined) {
    const lo = f.at ?? f.from ?? -Infinity;
    const hi = f.at ?? f.to ?? Infinity;
    if ((l.start === undefined || l.end === undefined) && f.undated === 'exclude') return false;
    if (l.start !== undefined && l.start > hi) return false;
    if (l.end !== undefined && l.end < lo) return false;
  }
  return true;
}

/** Steps out of each node: [neighbour, link] pairs (a self-loop is a step to itself). */
export function steps(r: RawGraph, f: LinkFilter = {}): [number, number][][] {
  const out: [number, number][][] = Array.from({ length: r.n }, () => []);
  r.links.forEach((l, i) => {
    if (walkable(r, i, l.s, f)) out[l.s]!.push([l.t, i]);
    if (l.s !== l.t && walkable(r, i, l.t, f)) out[l.t]!.push([l.s, i]);
  });
  return out;
}

/** All simple paths from a to b of at most `max` links, as link lists (by exhaustive search). */
export function naivePaths(r: RawGraph, a: number, b: number, max: number, f: LinkFilter = {}): number[][] {
  const st = steps(r, f);
  const out: number[][] = [];
  const go = (u: number, seen: Set<number>, links: number[]) => {
    if (u === b) {
      out.push([...links]);
      return;
    }
    if (links.length === max) return;
    for (const [v, l] of st[u]!) if (!seen.has(v)) go(v, new Set([...seen, v]), [...links, l]);
  };
  go(a, new Set([a]), []);
  return out;
}

/** Floyd–Warshall distances (hops, or summed weights). */
export function naiveDistances(r: RawGraph, f: LinkFilter = {}, weighted = false): number[][] {
  const d = Array.from({ length: r.n }, (_, i) => Array.from({ length: r.n }, (_, j) => (i === j ? 0 : Infinity)));
  steps(r, f).forEach((out, u) => {
    for (const [v, l] of out) if (v !== u) d[u]![v] = Math.min(d[u]![v]!, weighted ? r.links[l]!.weight : 1);
  });
  for (let k = 0; k < r.n; k++) for (let i = 0; i < r.n; i++) for (let j = 0; j < r.n; j++) d[i]![j] = Math.min(d[i]![j]!, d[i]![k]! + d[k]![j]!);
  return d;
}
