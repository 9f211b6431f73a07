// Ownership chains on hand-built company structures: multiplied shares, summed paths, cycles, thresholds, dates, limits.
import { describe, expect, it } from 'vitest';
import { GraphBuilder, type LinkInput } from './builder.js';
import { ownershipChains } from './ownership.js';
import { pathIds } from './paths.js';
import type { Graph } from './store.js';

const own = (source: string, target: string, percentage?: number, more: Partial<LinkInput> = {}): LinkInput => ({
  source,
  target,
  type: 'Ownership',
  id: `own-${source}-${target}`,
  ...(percentage === undefined ? {} : { percentage }),
  ...more,
});

function graph(links: LinkInput[], people: string[] = []): Graph {
  const b = new GraphBuilder();
  for (const p of people) b.addNode(p, 'Person', p.toUpperCase());
  for (const l of links) b.addLink(l);
  for (let n = 0, count = b.nodeCount; n < count; n++) b.addNode(`x${n}`, 'Company'); // unrelated companies do not disturb
  return b.build();
}

const party = (g: Graph, res: ReturnType<typeof ownershipChains>, id: string) => res.parties.find((p) => p.node === g.node(id));

describe('ownership chains', () => {
  it('multiplies shares along a chain and sums them over chains', () => {
    // erika owns 50% of hold-a (60% of target) and 100% of hold-b (20% of target): 0.5·0.6 + 1·0.2 = 50%.
    const g = graph(
      [own('hold-a', 'target', 60), own('hold-b', 'target', 20), own('erika', 'hold-a', 50), own('erika', 'hold-b', 100), own('john', 'hold-a', 50)],
      ['erika', 'john'],
    );
    const res = ownershipChains(g, g.node('target'));
    const erika = party(g, res, 'erika')!;
    expect(erika.share).toBeCloseTo(50, 9);
    expect([erika.chains, erika.depth, erika.ultimate, erika.beneficial]).toEqual([2, 2, true, true]);
    expect(erika.evidence.map((e) => e.share)).toEqual([expect.closeTo(30, 9), expect.closeTo(20, 9)]);
    expect(pathIds(g, erika.evidence[0]!.path)).toEqual(['target', 'own-hold-a-target', 'hold-a', 'own-erika-hold-a', 'erika']);
    const john = party(g, res, 'john')!;
    expect(john.share).toBeCloseTo(30, 9);
    expect(john.beneficial).toBe(true);
    expect(party(g, res, 'hold-a')!.ultimate).toBe(false);
    expect(party(g, res, 'hold-a')!.direct).toBeCloseTo(60, 9);
    expect(
      ownershipChains(g, g.node('target'), { threshold: 40 })
        .parties.filter((p) => p.beneficial)
        .map((p) => g.id(p.node)),
    ).toEqual(['erika']);
  });

  it('cuts cycles instead of walking them again', () => {
    // a and b own each other 50/50 and each holds 50% of target; erika owns 40% of a.
    const g = graph([own('a', 'target', 50), own('b', 'target', 50), own('a', 'b', 50), own('b', 'a', 50), own('erika', 'a', 40)], ['erika']);
    const res = ownershipChains(g, g.node('target'));
    expect(res.exact).toBe(true);
    expect(res.cyclesCut).toBeGreaterThan(0);
    // Chains to a: direct 50%, via b 50%·50% = 25% → 75%; erika: 40% of that = 30%.
    expect(party(g, res, 'a')!.share).toBeCloseTo(75, 9);
    expect(party(g, res, 'b')!.share).toBeCloseTo(75, 9);
    expect(party(g, res, 'erika')!.share).toBeCloseTo(30, 9);
    expect([party(g, res, 'a')!.ultimate, party(g, res, 'erika')!.beneficial]).toEqual([false, true]);
  });

  it('keeps chains with unknown shares apart unless a share is assumed', () => {
    const g = graph([own('hold', 'target'), own('john', 'hold', 100)], ['john']);
    const john = party(g, ownershipChains(g, g.node('target')), 'john')!;
    expect([john.share, john.unknownChains, john.beneficial]).toEqual([0, 1, false]);
    expect(party(g, ownershipChains(g, g.node('target'), { assumeUnknown: 30 }), 'john')!.share).toBeCloseTo(30, 9);
  });

  it('follows only ownership valid at a date, walks down to holdings, and says when a limit stopped it', () => {
    const g = graph(
      [
        own('erika', 'old', 100, { end: '2010-12-31' }),
        own('erika', 'new', 100, { start: '2015-01-01' }),
        own('new', 'sub', 50),
        { source: 'erika', target: 'sub', type: 'Directorship' },
      ],
      ['erika'],
    );
    const at2005 = ownershipChains(g, g.node('erika'), { walk: 'holdings', at: Date.UTC(2005, 0, 1) / 864e5 });
    expect(at2005.parties.map((p) => g.id(p.node))).toEqual(['old']);
    const now = ownershipChains(g, g.node('erika'), { walk: 'holdings', at: Date.UTC(2020, 0, 1) / 864e5 });
    expect(now.parties.map((p) => [g.id(p.node), p.share])).toEqual([
      ['new', 100],
      ['sub', 50],
    ]);
    expect(now.parties.find((p) => g.id(p.node) === 'sub')!.ultimate).toBe(true);
    const capped = ownershipChains(g, g.node('erika'), { walk: 'holdings', maxChains: 1 });
    expect([capped.chains, capped.exact]).toEqual([1, false]);
    expect(
      ownershipChains(g, g.node('erika'), { walk: 'holdings', maxDepth: 1 })
        .parties.map((p) => g.id(p.node))
        .sort(),
    ).toEqual(['new', 'old']);
  });
});
