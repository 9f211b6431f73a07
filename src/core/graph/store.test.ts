// The graph store: ids to numbers, columns, adjacency, date filters, and the binary form (round trip and corrupt input).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphBuilder } from './builder.js';
import { decodeGraph, encodeGraph, GraphFormatError } from './codec.js';
import { epochDay, isoDay } from './dates.js';
import { follow } from './filter.js';
import type { Graph } from './store.js';
import { build, rawGraph, steps, walkable } from './test-support/graphs.js';

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

function sameGraph(a: Graph, b: Graph): void {
  expect(b.nodeCount).toBe(a.nodeCount);
  expect(b.linkCount).toBe(a.linkCount);
  for (let u = 0; u < a.nodeCount; u++) {
    expect([b.id(u), b.schema(u), b.label(u), b.node(a.id(u))]).toEqual([a.id(u), a.schema(u), a.label(u), u]);
  }
  for (let l = 0; l < a.linkCount; l++) {
    const row = (g: Graph) => [g.source(l), g.target(l), g.linkType(l), g.linkId(l), g.weight(l), g.percentage(l), g.start(l), g.end(l)];
    expect(row(b)).toEqual(row(a));
  }
  expect(Array.from(b.c.adjNode)).toEqual(Array.from(a.c.adjNode));
}

describe('graph store', () => {
  it('maps FtM ids to dense numbers and keeps link attributes', () => {
    const b = new GraphBuilder();
    const co = b.addNode('co-1', 'Company', 'SPECIMEN HOLDINGS LTD');
    b.addLink({ source: 'p-1', target: 'co-1', type: 'Ownership', id: 'own-1', percentage: 40, start: '2019', end: '2021-06' });
    expect(b.addNode('p-1', 'Person', 'JOHN SPECIMEN')).toBe(1); // fills in the Thing created by the link
    const g = b.build();
    expect(g.node('co-1')).toBe(co);
    expect(g.node('nobody')).toBe(-1);
    expect(g.schema(1)).toBe('Person');
    expect(g.label(1)).toBe('JOHN SPECIMEN');
    expect([g.linkType(0), g.linkId(0), g.percentage(0), isoDay(g.start(0)), isoDay(g.end(0))]).toEqual(['Ownership', 'own-1', 40, '2019-01-01', '2021-06-30']);
    expect(g.bytes().total).toBeGreaterThan(0);
  });

  it('finds non-ASCII ids and labels', () => {
    const b = new GraphBuilder();
    b.addNode('ид-1', 'Person', 'ЭРИКА МУСТЕРФРАУ');
    b.addNode('x'.repeat(100), 'Person', 'é'.repeat(80));
    const g = b.build();
    expect(g.node('ид-1')).toBe(0);
    expect(g.label(0)).toBe('ЭРИКА МУСТЕРФРАУ');
    expect(g.node('x'.repeat(100))).toBe(1);
    expect(g.label(1)).toBe('é'.repeat(80));
  });

  it('lists each link at both ends, and filters follow the definition of direction, type and dates', () => {
    fc.assert(
      fc.property(rawGraph(), fc.record({ at: fc.option(fc.integer({ min: -5, max: 35 }), { nil: undefined }) }), (r, { at }) => {
        const g = build(r);
        for (const f of [
          {},
          { direction: 'out' as const, types: ['Ownership', 'Call'] },
          ...(at === undefined ? [] : [{ at }, { at, undated: 'exclude' as const }]),
        ]) {
          const ok = follow(g, f);
          const want = steps(r, f).map((s) => s.map(([v, l]) => `${v}/${l}`).sort());
          const got = Array.from({ length: g.nodeCount }, (_, u) => {
            const out: string[] = [];
            for (let p = g.c.offsets[u]!; p < g.c.offsets[u + 1]!; p++) {
              const l = g.c.adjLink[p]!;
              if (g.c.adjNode[p] === u && p > g.c.offsets[u]! && g.c.adjLink[p - 1] === l) continue; // self-loop's second entry
              if (ok(l, u)) out.push(`${g.c.adjNode[p]}/${l}`);
            }
            return out.sort();
          });
          expect(got).toEqual(want);
        }
        r.links.forEach((_, i) => expect(follow(g, { from: 12, to: 15 })(i, r.links[i]!.s)).toBe(walkable(r, i, r.links[i]!.s, { from: 12, to: 15 })));
      }),
    );
  });

  it('extends a graph by rebuilding it with more links', () => {
    const g = build({ n: 2, schema: [0, 1], links: [{ s: 0, t: 1, type: 0, weight: 1, pct: 50 }] });
    const b = GraphBuilder.from(g);
    b.addLink({ source: 'n1', target: 'n9', type: 'Payment' });
    const h = b.build();
    expect([h.nodeCount, h.linkCount, h.degree(h.node('n1')), h.percentage(0), h.linkId(0)]).toEqual([3, 2, 2, 50, 'link-0']);
  });

  it('reads FtM dates as epoch days, widening partial dates', () => {
    expect(epochDay('1970-01-02')).toBe(1);
    expect(isoDay(epochDay('2020-02', 'end'))).toBe('2020-02-29');
    expect(isoDay(epochDay('2019', 'end'))).toBe('2019-12-31');
    expect(isoDay(epochDay('2019-05-17T10:00:00Z'))).toBe('2019-05-17');
    for (const bad of ['', 'soon', '2019-13', '2019-02-31', undefined]) expect(epochDay(bad)).toBeNaN();
  });
});

describe('binary form', () => {
  it('round-trips every column', () => {
    fc.assert(fc.property(rawGraph(), (r) => sameGraph(build(r), decodeGraph(concat(encodeGraph(build(r)))))));
  });

  it('reads from an unaligned buffer', () => {
    const bytes = concat(encodeGraph(build({ n: 3, schema: [0, 1, 2], links: [{ s: 0, t: 2, type: 1, weight: 2, pct: 5 }] })));
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    expect(decodeGraph(shifted).id(2)).toBe('n2');
  });

  it('rejects damaged bytes with a GraphFormatError naming the byte, never anything else', () => {
    fc.assert(
      fc.property(rawGraph(6, 8), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }), fc.nat(), (r, flips, cut) => {
        const bytes = concat(encodeGraph(build(r)));
        for (const damaged of [bytes.slice(0, cut % bytes.length), bytes.slice()]) {
          if (damaged.length === bytes.length) for (const [at, v] of flips) damaged[at % damaged.length] = v;
          try {
            const g = decodeGraph(damaged);
            // Whatever was accepted is consistent: every adjacency entry names a real link end.
            for (let u = 0; u < g.nodeCount; u++)
              for (let p = g.c.offsets[u]!; p < g.c.offsets[u + 1]!; p++) expect(g.other(g.c.adjLink[p]!, u)).toBe(g.c.adjNode[p]);
          } catch (e) {
            expect(e).toBeInstanceOf(GraphFormatError);
            expect((e as Error).message).toMatch(/at byte \d+/);
          }
        }
      }),
    );
  });

  it('rejects repeated node ids', () => {
    const g = build({ n: 2, schema: [0, 0], links: [] });
    const bytes = concat(encodeGraph(g));
    const i = new TextDecoder('latin1').decode(bytes).indexOf('n0n1');
    bytes[i + 3] = '0'.charCodeAt(0); // n0 n1 → n0 n0
    expect(() => decodeGraph(bytes)).toThrow(/repeats/);
  });
});
