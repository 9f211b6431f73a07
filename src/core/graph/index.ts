// The graph analytics engine for intelligence analysis: a compact store of FtM entities and links, algorithms and exports.
/*
 * API (everything is pure and synchronous; numbers are dense node/link numbers, ids are FtM entity ids)
 *
 * Store
 *   const b = new GraphBuilder();
 *   b.addNode(id, schema, label)                  → node number (again for the same id: fills schema/label in)
 *   b.addLink({ source, target, type, id, weight, percentage, start, end })   → link number
 *       type: FtM link schema (Ownership, Directorship, Family, Associate, Payment, Call, UnknownLink …);
 *       source → target as FtM reads it (owner → asset, director → organization, payer → beneficiary, caller → receiver);
 *       id: the link's own FtM entity (the Ownership …), listed in paths; percentage: 0–100;
 *       start/end: FtM dates or epoch days (see epochDay), unknown = open.
 *   const g = b.build()                            → Graph (immutable; CSR over both directions, columnar link attributes)
 *   g.node(id) → number | -1; g.id(n), g.label(n), g.schema(n), g.degree(n);
 *   g.source(l), g.target(l), g.other(l, n), g.linkType(l), g.linkId(l), g.weight(l), g.percentage(l), g.start(l), g.end(l);
 *   g.bytes() → memory per part; g.check(n, what) throws a RangeError for a number outside the graph (every algorithm
 *   checks its node arguments, so map ids with g.node() and answer "not found" for -1 first).
 *   Adding later: GraphBuilder.from(g), add, build() again (O(n + m), about 1 s of CSR rebuild at 1M/5M: batch additions).
 *   Size: about 300 MB of typed arrays for 1,000,000 nodes / 5,000,000 links, off the JS heap: no Node heap flag needed.
 *   encodeGraph(g) → Uint8Array[] chunks; decodeGraph(bytes) → Graph (zero-copy views; throws GraphFormatError naming the byte).
 *
 * Filters (every algorithm takes one): LinkFilter { types, direction 'out'|'in'|'both', at, from, to, undated }
 *   time: a link is valid at day d when start ≤ d ≤ end (unknown ends open); a window keeps links overlapping it.
 *
 * Algorithms (each bounded; when a bound applies the answer says so, with counts, never silently)
 *   neighbourhood(g, seeds, { hops, filter, nodeTypes, limit, linkLimit, maxScan })
 *       → { nodes, hops, links, total, totalLinks, perHop, exact }: "nodes.length of total" (total a lower bound unless exact)
 *   commonNeighbours(g, [a, b, …], { filter, limit }) → { nodes, total }
 *   shortestPath(g, from, to, { filter, maxLength, cost 'hops'|'weight'|'inverseWeight', method, maxVisits })
 *       → { path: { nodes, links } | null, cost, visited, complete }  (bidirectional BFS by default; Dijkstra for weights)
 *   allPaths(g, from, to, { filter, maxLength, limit, maxCount, maxSteps }) → { paths, total, exact }
 *   pathIds(g, path) → FtM ids along the path, link entities (Ownership, Directorship …) between the entities they join
 *   degreeCentrality(g, filter) → Uint32Array
 *   betweenness(g, { filter, samples, seed, normalized }) → { scores, exact, sources }
 *   louvain(g, { filter, weighted, resolution, seed }) → { community, count, modularity, levels }; modularity(g, partition)
 *   ownershipChains(g, company, { threshold, maxDepth, at, walk 'owners'|'holdings', … })
 *       → { parties: [{ node, share, direct, depth, chains, ultimate, beneficial, evidence }], chains, cyclesCut, exact }
 *
 * Exports (generators of string chunks: join them or stream them)
 *   graphml(g, { nodes, links, nodeAttributes, linkAttributes }), gexf(g, …), anbCsv(g, { nodes, links })
 *   FtM JSON lines are the module's: it holds the entities.
 */
export { GraphBuilder, DEFAULT_SCHEMA, type LinkInput } from './builder.js';
export { Graph, type GraphColumns } from './store.js';
export { encodeGraph, decodeGraph, GraphFormatError } from './codec.js';
export { epochDay, isoDay } from './dates.js';
export { follow, type LinkFilter, type Follow } from './filter.js';
export { neighbourhood, commonNeighbours, type Neighbourhood, type NeighbourhoodOptions, type CommonNeighbours } from './neighbourhood.js';
export { shortestPath, pathIds, type Path, type ShortestPathOptions, type ShortestPathResult } from './paths.js';
export { allPaths, type AllPathsOptions, type AllPathsResult } from './all-paths.js';
export { degreeCentrality, betweenness, type Betweenness, type BetweennessOptions } from './centrality.js';
export { louvain, modularity, type Communities, type LouvainOptions } from './louvain.js';
export { ownershipChains, type Ownership, type OwnershipOptions, type Party } from './ownership.js';
export { graphml } from './graphml.js';
export { gexf } from './gexf.js';
export { anbCsv, ANB_COLUMNS, csvField } from './anb.js';
export { linkReading, xmlText, type Attribute, type ExportOptions } from './export-common.js';
