// Builds a Graph from nodes and links (FtM ids and link schemata), and extends an existing one by rebuilding.
import { epochDay } from './dates.js';
import { buildAdjacency, Graph } from './store.js';
import { StringTableBuilder } from './strings.js';

export interface LinkInput {
  source: string;
  target: string;
  /** FtM link schema: Ownership, Directorship, Family, Associate, Payment, Call, UnknownLink, … */
  type: string;
  /** Id of the FtM entity standing for the link (the Ownership entity, the Payment …). */
  id?: string;
  weight?: number;
  /** Ownership share in percent, 0–100. */
  percentage?: number;
  /** Epoch days or FtM dates (`2019`, `2019-05-17`). */
  start?: number | string;
  end?: number | string;
}

type Typed = Uint8Array | Uint32Array | Float32Array;

class Column<T extends Typed> {
  data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data as never);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

const u8 = () => new Column((n) => new Uint8Array(n));
const u32 = () => new Column((n) => new Uint32Array(n));
const f32 = () => new Column((n) => new Float32Array(n));

export const DEFAULT_SCHEMA = 'Thing';

/** Collects nodes and links; `build()` returns an immutable Graph. Unknown link ends become `Thing` nodes until added. */
export class GraphBuilder {
  private readonly index = new Map<string, number>();
  private readonly ids = new StringTableBuilder();
  private labels: string[] = [];
  private readonly schema = u8();
  private readonly schemata: string[] = [];
  private readonly schemaIndex = new Map<string, number>();
  private readonly src = u32();
  private readonly dst = u32();
  private readonly type = u8();
  private readonly linkTypes: string[] = [];
  private readonly typeIndex = new Map<string, number>();
  private readonly weight = f32();
  private readonly pct = f32();
  private readonly start = f32();
  private readonly end = f32();
  private readonly linkIds = new StringTableBuilder();

  /** A builder holding everything in `graph`, to add to it (the rebuild is O(nodes + links)). */
  static from(graph: Graph): GraphBuilder {
    const b = new GraphBuilder();
    for (let u = 0; u < graph.nodeCount; u++) b.addNode(graph.id(u), graph.schema(u), graph.c.nodeLabels.get(u));
    for (let e = 0; e < graph.linkCount; e++)
      b.addLinkAt(
        graph.source(e),
        graph.target(e),
        graph.linkType(e),
        graph.c.linkIds.get(e),
        graph.weight(e),
        graph.percentage(e),
        graph.start(e),
        graph.end(e),
      );
    return b;
  }

  get nodeCount(): number {
    return this.labels.length;
  }
  get linkCount(): number {
    return this.src.length;
  }

  /** Adds a node (or fills in the schema and label of one seen before) and returns its number. */
  addNode(id: string, schema: string = DEFAULT_SCHEMA, label = ''): number {
    const known = this.index.get(id);
    if (known !== undefined) {
      if (schema !== DEFAULT_SCHEMA && this.schemata[this.schema.data[known]!] === DEFAULT_SCHEMA)
        this.schema.data[known] = this.code(schema, this.schemata, this.schemaIndex);
      if (label && !this.labels[known]) this.labels[known] = label;
      return known;
    }
    const n = this.labels.length;
    this.index.set(id, n);
    this.ids.add(id);
    this.labels.push(label);
    this.schema.push(this.code(schema, this.schemata, this.schemaIndex));
    return n;
  }

  addLink(link: LinkInput): number {
    return this.addLinkAt(
      this.addNode(link.source),
      this.addNode(link.target),
      link.type,
      link.id ?? '',
      link.weight ?? 1,
      link.percentage ?? NaN,
      epochDay(link.start, 'start'),
      epochDay(link.end, 'end'),
    );
  }

  /** Adds a link between node numbers already returned by `addNode` (the fast path for bulk loads). */
  addLinkAt(source: number, target: number, type: string, id: string, weight: number, percentage: number, start: number, end: number): number {
    if (!(source < this.labels.length && target < this.labels.length)) throw new RangeError(`link end ${source} or ${target} is not a node`);
    this.src.push(source);
    this.dst.push(target);
    this.type.push(this.code(type, this.linkTypes, this.typeIndex));
    this.weight.push(Number.isFinite(weight) ? weight : 1);
    this.pct.push(percentage);
    this.start.push(start);
    this.end.push(end);
    this.linkIds.add(id);
    return this.src.length - 1;
  }

  build(): Graph {
    const labels = new StringTableBuilder();
    for (const l of this.labels) labels.add(l);
    const linkSource = this.src.done();
    const linkTarget = this.dst.done();
    return new Graph({
      nodeIds: this.ids.build(true),
      nodeLabels: labels.build(false),
      nodeSchema: this.schema.done(),
      schemata: [...this.schemata],
      linkSource,
      linkTarget,
      linkType: this.type.done(),
      linkTypes: [...this.linkTypes],
      weight: this.weight.done(),
      percentage: this.pct.done(),
      start: this.start.done(),
      end: this.end.done(),
      linkIds: this.linkIds.build(false),
      ...buildAdjacency(this.labels.length, linkSource, linkTarget),
    });
  }

  private code(name: string, names: string[], index: Map<string, number>): number {
    let c = index.get(name);
    if (c === undefined) {
      if (names.length === 255) throw new RangeError(`more than 255 distinct schemata or link types (at "${name}")`);
      c = names.length;
      names.push(name);
      index.set(name, c);
    }
    return c;
  }
}
