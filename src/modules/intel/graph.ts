// Graph analysis of a case's resolved entities over the core graph engine: paths, neighbourhood, centrality, communities, ownership.
import {
  allPaths,
  betweenness,
  commonNeighbours,
  degreeCentrality,
  epochDay,
  Graph,
  GraphBuilder,
  louvain,
  neighbourhood,
  ownershipChains,
  pathIds,
  shortestPath,
  type LinkFilter,
  type Path,
} from '../../core/graph/index.js';
import type { AppContext } from '../../platform/context.js';
import { invalid, notFound } from '../../platform/errors.js';
import { auditView, openCase, type Caller } from './access.js';
import { resolvedEntities, type Resolved } from './entities.js';

export interface CaseGraph {
  caseId: string;
  g: Graph;
  entities: Map<string, Resolved>;
  /** Record id (as imported) → canonical id. */
  canon: Map<string, string>;
}

const num = (v: string | undefined) => {
  const n = v === undefined ? NaN : Number.parseFloat(v.replace('%', ''));
  return Number.isFinite(n) ? n : undefined;
};

/** Builds the graph of resolved entities: things are nodes, FtM link entities (Ownership, Call …) are links between them. */
export function buildCaseGraph(caseId: string, entities: Map<string, Resolved>): CaseGraph {
  const b = new GraphBuilder();
  const canon = new Map<string, string>();
  for (const e of entities.values()) {
    for (const r of e.records) canon.set(r, e.id);
    if (!e.edge) b.addNode(e.id, e.schema, e.caption);
  }
  for (const e of entities.values()) {
    if (!e.edge || !entities.has(e.edge.source) || !entities.has(e.edge.target)) continue;
    if (entities.get(e.edge.source)!.edge || entities.get(e.edge.target)!.edge) continue;
    const p = e.properties;
    const start = p.startDate?.[0] ?? p.date?.[0];
    const end = p.endDate?.[0] ?? p.date?.[0];
    const percentage = num(p.percentage?.[0]);
    b.addLink({
      source: e.edge.source,
      target: e.edge.target,
      type: e.edge.type,
      id: e.id,
      ...(percentage !== undefined && percentage >= 0 && percentage <= 100 ? { percentage } : {}),
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
    });
  }
  return { caseId, g: b.build(), entities, canon };
}

/** Opens a case for a viewer and builds its graph. */
export async function caseGraph(ctx: AppContext, caseRef: string, caller: Caller): Promise<CaseGraph> {
  const { row } = await openCase(ctx, ctx.db.kysely, caseRef, caller, 'viewer');
  return buildCaseGraph(row.id, await resolvedEntities(ctx.db.kysely, row.id));
}

/** The node of an id as imported (any record of a merged entity); throws not-found naming the field. */
export function nodeOf(cg: CaseGraph, id: string, field: string): number {
  const c = cg.canon.get(id);
  const n = c === undefined ? -1 : cg.g.node(c);
  if (n < 0) {
    if (c !== undefined) throw invalid(field, `${id.slice(0, 100)} is a link, not an entity`);
    throw notFound('entity', id.slice(0, 100));
  }
  return n;
}

export interface TimeQuery {
  /** Only links valid on this date. */
  at?: string | undefined;
  /** Only links overlapping [since, until]. */
  since?: string | undefined;
  until?: string | undefined;
  types?: readonly string[] | undefined;
}

/** A link filter from dates (FtM dates) and link types; a date that cannot be read is an error naming it. */
export function filterOf(q: TimeQuery): LinkFilter {
  const f: LinkFilter = {};
  const day = (v: string, field: string, edge: 'start' | 'end') => {
    const d = epochDay(v, edge);
    if (!Number.isFinite(d)) throw invalid(field, 'a date such as 2024, 2024-05 or 2024-05-17');
    return d;
  };
  if (q.at) f.at = day(q.at, 'at', 'start');
  if (q.since) f.from = day(q.since, 'since', 'start');
  if (q.until) f.to = day(q.until, 'until', 'end');
  if (q.types?.length) f.types = q.types;
  return f;
}

export interface GraphNode {
  id: string;
  schema: string;
  caption: string;
}
export interface GraphLink {
  id: string;
  type: string;
  source: string;
  target: string;
}

export const nodeView = (cg: CaseGraph, n: number): GraphNode => ({ id: cg.g.id(n), schema: cg.g.schema(n), caption: cg.g.label(n) ?? '' });
export const linkView = (cg: CaseGraph, l: number): GraphLink => ({
  id: cg.g.linkId(l) ?? '',
  type: cg.g.linkType(l),
  source: cg.g.id(cg.g.source(l)),
  target: cg.g.id(cg.g.target(l)),
});

export interface PathsResult {
  /** Each path as the ids it passes: entities, and between them the link entities (Ownership, Call …) that join them. */
  paths: string[][];
  total: number;
  exact: boolean;
}

/** Shortest path (`all: false`) or all paths up to `maxLength` links between two entities. */
export async function findPaths(
  ctx: AppContext,
  caseRef: string,
  q: { from: string; to: string; maxLength?: number | undefined; all?: boolean | undefined; limit?: number | undefined } & TimeQuery,
  caller: Caller,
): Promise<PathsResult> {
  const cg = await caseGraph(ctx, caseRef, caller);
  const from = nodeOf(cg, q.from, 'from');
  const to = nodeOf(cg, q.to, 'to');
  const filter = filterOf(q);
  let paths: Path[];
  let total: number;
  let exact = true;
  if (q.all) {
    const r = allPaths(cg.g, from, to, { filter, maxLength: q.maxLength ?? 4, limit: q.limit ?? 100 });
    paths = r.paths;
    total = r.total;
    exact = r.exact;
  } else {
    const r = shortestPath(cg.g, from, to, { filter, ...(q.maxLength !== undefined ? { maxLength: q.maxLength } : {}) });
    paths = r.path ? [r.path] : [];
    total = paths.length;
    exact = r.complete;
  }
  await auditView(ctx, ctx.db.kysely, caller, cg.caseId, 'path', { from: q.from, to: q.to, paths: paths.length });
  return { paths: paths.map((p) => pathIds(cg.g, p)), total, exact };
}

export async function expand(
  ctx: AppContext,
  caseRef: string,
  q: { ids: string[]; hops?: number | undefined; limit?: number | undefined; nodeTypes?: string[] | undefined } & TimeQuery,
  caller: Caller,
) {
  const cg = await caseGraph(ctx, caseRef, caller);
  const seeds = q.ids.map((id, i) => nodeOf(cg, id, `ids[${i}]`));
  const r = neighbourhood(cg.g, seeds, {
    hops: q.hops ?? 1,
    filter: filterOf(q),
    limit: q.limit ?? 500,
    ...(q.nodeTypes?.length ? { nodeTypes: q.nodeTypes } : {}),
  });
  await auditView(ctx, ctx.db.kysely, caller, cg.caseId, 'neighbourhood', { seeds: q.ids, shown: r.nodes.length });
  return {
    seeds: seeds.map((n) => nodeView(cg, n)),
    nodes: r.nodes.map((n, i) => ({ ...nodeView(cg, n), hop: r.hops[i]! })),
    links: r.links.map((l) => linkView(cg, l)),
    shown: r.nodes.length,
    total: r.total,
    totalLinks: r.totalLinks,
    exact: r.exact,
  };
}

export async function common(ctx: AppContext, caseRef: string, q: { ids: string[]; limit?: number | undefined } & TimeQuery, caller: Caller) {
  const cg = await caseGraph(ctx, caseRef, caller);
  const of = q.ids.map((id, i) => nodeOf(cg, id, `ids[${i}]`));
  const r = commonNeighbours(cg.g, of, { filter: filterOf(q), limit: q.limit ?? 500 });
  await auditView(ctx, ctx.db.kysely, caller, cg.caseId, 'common-neighbours', { of: q.ids, shown: r.nodes.length });
  return { nodes: r.nodes.map((n) => nodeView(cg, n)), shown: r.nodes.length, total: r.total };
}

/** Degree and betweenness of every entity, communities (Louvain), the `limit` most central first. */
export async function analyse(ctx: AppContext, caseRef: string, q: { limit?: number | undefined } & TimeQuery, caller: Caller) {
  const cg = await caseGraph(ctx, caseRef, caller);
  const filter = filterOf(q);
  const degree = degreeCentrality(cg.g, filter);
  const bw = betweenness(cg.g, { filter, normalized: true, ...(cg.g.nodeCount > 2000 ? { samples: 500, seed: 1 } : {}) });
  const comm = louvain(cg.g, { filter, seed: 1 });
  const order = Array.from({ length: cg.g.nodeCount }, (_, i) => i).sort((a, b) => bw.scores[b]! - bw.scores[a]! || degree[b]! - degree[a]!);
  const limit = q.limit ?? 100;
  await auditView(ctx, ctx.db.kysely, caller, cg.caseId, 'analysis', { nodes: cg.g.nodeCount });
  return {
    nodes: order.slice(0, limit).map((n) => ({ ...nodeView(cg, n), degree: degree[n]!, betweenness: bw.scores[n]!, community: comm.community[n]! })),
    shown: Math.min(limit, cg.g.nodeCount),
    total: cg.g.nodeCount,
    betweennessExact: bw.exact,
    communities: comm.count,
    modularity: comm.modularity,
  };
}

/** Who ultimately owns a company (or, walking down, what an owner holds), with effective shares and chains as ids. */
export async function owners(
  ctx: AppContext,
  caseRef: string,
  q: { id: string; walk?: 'owners' | 'holdings' | undefined; threshold?: number | undefined; at?: string | undefined },
  caller: Caller,
) {
  const cg = await caseGraph(ctx, caseRef, caller);
  const start = nodeOf(cg, q.id, 'id');
  const at = q.at ? filterOf({ at: q.at }).at : undefined;
  const r = ownershipChains(cg.g, start, { walk: q.walk ?? 'owners', threshold: q.threshold ?? 25, ...(at !== undefined ? { at } : {}) });
  await auditView(ctx, ctx.db.kysely, caller, cg.caseId, 'ownership', { id: q.id, parties: r.parties.length });
  return {
    parties: r.parties.map((p) => ({
      ...nodeView(cg, p.node),
      share: Number.isFinite(p.share) ? Math.round(p.share * 1000) / 1000 : null,
      direct: Number.isFinite(p.direct) ? p.direct : null,
      depth: p.depth,
      ultimate: p.ultimate,
      beneficial: p.beneficial,
      chains: p.evidence.map((e) => ({ path: pathIds(cg.g, e.path), share: Number.isFinite(e.share) ? e.share : null })),
    })),
    chains: r.chains,
    cyclesCut: r.cyclesCut,
    exact: r.exact,
  };
}
