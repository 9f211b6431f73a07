// The compact graph store: dense node indices over FtM ids, columnar link attributes, and a CSR adjacency of both directions.
import type { StringTable } from './strings.js';

/** The columns a graph is made of (what `GraphBuilder` produces and `decodeGraph` reads back). */
export interface GraphColumns {
  nodeIds: StringTable;
  nodeLabels: StringTable;
  /** Node schema as an index into `schemata` (FtM schema names: Person, Company, …). */
  nodeSchema: Uint8Array;
  schemata: string[];
  linkSource: Uint32Array;
  linkTarget: Uint32Array;
  /** Link type as an index into `linkTypes` (FtM link schema names: Ownership, Directorship, Payment, …). */
  linkType: Uint8Array;
  linkTypes: string[];
  weight: Float32Array;
  /** Ownership share in percent (0–100), NaN when unknown. */
  percentage: Float32Array;
  /** Validity in days since 1970-01-01, NaN when unknown. */
  start: Float32Array;
  end: Float32Array;
  /** The FtM entity standing for the link (the Ownership, Directorship … entity); '' when there is none. */
  linkIds: StringTable;
  /** CSR over both directions: node u's entries are `offsets[u] .. offsets[u+1]-1`. */
  offsets: Uint32Array;
  adjNode: Uint32Array;
  adjLink: Uint32Array;
}

const f32 = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(7)) : v);

/** An immutable graph. Node and link numbers are dense (0..n-1); ids are the FtM ids they came from. */
export class Graph {
  readonly nodeCount: number;
  readonly linkCount: number;

  constructor(readonly c: GraphColumns) {
    this.nodeCount = c.nodeSchema.length;
    this.linkCount = c.linkSource.length;
  }

  /** Throws a RangeError naming `what` unless `node` is a node number of this graph (algorithms check their inputs). */
  check(node: number, what = 'node'): void {
    if (!(Number.isInteger(node) && node >= 0 && node < this.nodeCount))
      throw new RangeError(`${what} ${node} is not a node of this graph (0..${this.nodeCount - 1})`);
  }

  /** Node number of an FtM id, or -1 when the graph does not hold it. */
  node(id: string): number {
    return this.c.nodeIds.find(id);
  }
  id(node: number): string {
    return this.c.nodeIds.get(node);
  }
  label(node: number): string {
    return this.c.nodeLabels.get(node) || this.c.nodeIds.get(node);
  }
  schema(node: number): string {
    return this.c.schemata[this.c.nodeSchema[node]!]!;
  }
  degree(node: number): number {
    return this.c.offsets[node + 1]! - this.c.offsets[node]!;
  }

  source(link: number): number {
    return this.c.linkSource[link]!;
  }
  target(link: number): number {
    return this.c.linkTarget[link]!;
  }
  /** The end of `link` that is not `node`. */
  other(link: number, node: number): number {
    const s = this.c.linkSource[link]!;
    return s === node ? this.c.linkTarget[link]! : s;
  }
  linkType(link: number): string {
    return this.c.linkTypes[this.c.linkType[link]!]!;
  }
  /** The FtM id of the link's own entity (e.g. the Ownership), or undefined when it has none. */
  linkId(link: number): string | undefined {
    return this.c.linkIds.get(link) || undefined;
  }
  /** Weight as given (read back from 32-bit storage to 7 significant digits). */
  weight(link: number): number {
    return f32(this.c.weight[link]!);
  }
  /** Ownership share in percent, NaN when unknown. */
  percentage(link: number): number {
    return f32(this.c.percentage[link]!);
  }
  start(link: number): number {
    return this.c.start[link]!;
  }
  end(link: number): number {
    return this.c.end[link]!;
  }

  /** Bytes held by each column, and in total. */
  bytes(): { nodes: number; links: number; adjacency: number; total: number } {
    const c = this.c;
    const nodes = c.nodeIds.byteLength() + c.nodeLabels.byteLength() + c.nodeSchema.byteLength;
    const links =
      c.linkSource.byteLength +
      c.linkTarget.byteLength +
      c.linkType.byteLength +
      c.weight.byteLength +
      c.percentage.byteLength +
      c.start.byteLength +
      c.end.byteLength +
      c.linkIds.byteLength();
    const adjacency = c.offsets.byteLength + c.adjNode.byteLength + c.adjLink.byteLength;
    return { nodes, links, adjacency, total: nodes + links + adjacency };
  }
}

/** Builds the CSR of both directions by counting sort (O(n + m)); entries of a node are in link order. */
export function buildAdjacency(nodeCount: number, source: Uint32Array, target: Uint32Array): Pick<GraphColumns, 'offsets' | 'adjNode' | 'adjLink'> {
  const m = source.length;
  const offsets = new Uint32Array(nodeCount + 1);
  for (let e = 0; e < m; e++) {
    offsets[source[e]! + 1]!++;
    offsets[target[e]! + 1]!++;
  }
  for (let u = 0; u < nodeCount; u++) offsets[u + 1]! += offsets[u]!;
  const fill = offsets.slice(0, nodeCount);
  const adjNode = new Uint32Array(2 * m);
  const adjLink = new Uint32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const s = source[e]!;
    const t = target[e]!;
    let p = fill[s]!++;
    adjNode[p] = t;
    adjLink[p] = e;
    p = fill[t]!++;
    adjNode[p] = s;
    adjLink[p] = e;
  }
  return { offsets, adjNode, adjLink };
}
