// Ownership and control chains: who ultimately owns an entity (shares multiplied along chains, summed over chains).
import { follow } from './filter.js';
import type { Path } from './paths.js';
import type { Graph } from './store.js';

export interface OwnershipOptions {
  /** Link schemata read as "source owns target" (default ['Ownership']). */
  types?: readonly string[];
  /** 'owners' walks up from an asset (default); 'holdings' walks down from an owner to what it holds. */
  walk?: 'owners' | 'holdings';
  /** Only links valid on this epoch day. */
  at?: number;
  /** Beneficial ownership threshold in percent (default 25). */
  threshold?: number;
  /** Longest chain in links (default 10). */
  maxDepth?: number;
  /** Chains followed at most (default 100,000); beyond that the answer says `exact: false`. */
  maxChains?: number;
  /** Chains kept per party as evidence, largest share first (default 3). */
  chainsPerParty?: number;
  /** Share in percent assumed for links without a usable one; by default such chains count as unknown. */
  assumeUnknown?: number;
}

export interface Party {
  node: number;
  /** Effective share in percent: over every chain with known shares, the product of its shares, summed. */
  share: number;
  /** Share held directly, in percent (summed over parallel links); NaN when there is no direct link or it is unknown. */
  direct: number;
  /** Links in the shortest chain. */
  depth: number;
  chains: number;
  /** Chains through a link whose share is unknown (not in `share`). */
  unknownChains: number;
  /** Nothing owns this party in turn (or it is a Person); for 'holdings', it holds nothing further. */
  ultimate: boolean;
  /** Ultimate, and share ≥ threshold. */
  beneficial: boolean;
  /** The largest chains, each from the starting entity to this party. */
  evidence: { path: Path; share: number }[];
}

export interface Ownership {
  parties: Party[];
  chains: number;
  /** Times a chain met an entity already on it (cycles are cut, never walked twice). */
  cyclesCut: number;
  exact: boolean;
}

const shareOf = (p: number, assume: number | undefined): number => (p >= 0 && p <= 100 ? p / 100 : assume !== undefined ? assume / 100 : NaN);

export function ownershipChains(g: Graph, start: number, o: OwnershipOptions = {}): Ownership {
  const { offsets, adjNode, adjLink, percentage, linkSource, linkTarget } = g.c;
  g.check(start, 'start');
  const up = (o.walk ?? 'owners') === 'owners';
  // Walking up from an asset follows links against their direction (asset is the target).
  const ok = follow(g, { types: o.types ?? ['Ownership'], direction: up ? 'in' : 'out', ...(o.at !== undefined ? { at: o.at } : {}) });
  const threshold = o.threshold ?? 25;
  const maxDepth = o.maxDepth ?? 10;
  const maxChains = o.maxChains ?? 100_000;
  const keep = o.chainsPerParty ?? 3;
  const parties = new Map<number, Party>();
  const onPath = new Uint8Array(g.nodeCount);
  const nodes = [start];
  const links: number[] = [];
  let chains = 0;
  let cyclesCut = 0;
  let stopped = false;
  const hasNext = (u: number): boolean => {
    for (let p = offsets[u]!, end = offsets[u + 1]!; p < end; p++) if (adjNode[p] !== u && ok(adjLink[p]!, u)) return true;
    return false;
  };
  const walk = (u: number, share: number): void => {
    for (let p = offsets[u]!, end = offsets[u + 1]!; p < end && !stopped; p++) {
      const l = adjLink[p]!;
      if (!ok(l, u)) continue;
      const v = up ? linkSource[l]! : linkTarget[l]!;
      if (v === u) continue;
      if (onPath[v]) {
        cyclesCut++;
        continue;
      }
      if (chains >= maxChains) {
        stopped = true;
        return;
      }
      chains++;
      const s = share * shareOf(percentage[l]!, o.assumeUnknown);
      links.push(l);
      nodes.push(v);
      let party = parties.get(v);
      if (!party) {
        party = { node: v, share: 0, direct: NaN, depth: links.length, chains: 0, unknownChains: 0, ultimate: false, beneficial: false, evidence: [] };
        parties.set(v, party);
      }
      party.chains++;
      party.depth = Math.min(party.depth, links.length);
      if (s === s) party.share += s * 100;
      else party.unknownChains++;
      if (links.length === 1 && s === s) party.direct = (party.direct === party.direct ? party.direct : 0) + s * 100;
      const ev = party.evidence;
      if (s === s && (ev.length < keep || s * 100 > ev[ev.length - 1]!.share)) {
        ev.push({ path: { nodes: [...nodes], links: [...links] }, share: s * 100 });
        ev.sort((a, b) => b.share - a.share || a.path.links.length - b.path.links.length);
        if (ev.length > keep) ev.length = keep;
      }
      if (links.length < maxDepth) {
        onPath[v] = 1;
        walk(v, s);
        onPath[v] = 0;
      }
      nodes.pop();
      links.pop();
    }
  };
  onPath[start] = 1;
  walk(start, 1);
  for (const p of parties.values()) {
    p.ultimate = (up && g.schema(p.node) === 'Person') || !hasNext(p.node);
    p.beneficial = p.ultimate && p.share >= threshold - 1e-9;
  }
  const list = [...parties.values()].sort((a, b) => b.share - a.share || a.depth - b.depth || a.node - b.node);
  return { parties: list, chains, cyclesCut, exact: !stopped };
}
