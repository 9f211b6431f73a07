// Binary form of a Graph (typed-array sections behind a JSON header) for caches and stores; decoding checks every index.
import { Graph, type GraphColumns } from './store.js';
import { StringTable } from './strings.js';

const MAGIC = 'VIGILGR1';
const SECTIONS = [
  ['nodeIds.bytes', 'u8'],
  ['nodeIds.offsets', 'u32'],
  ['nodeLabels.bytes', 'u8'],
  ['nodeLabels.offsets', 'u32'],
  ['nodeSchema', 'u8'],
  ['linkSource', 'u32'],
  ['linkTarget', 'u32'],
  ['linkType', 'u8'],
  ['weight', 'f32'],
  ['percentage', 'f32'],
  ['start', 'f32'],
  ['end', 'f32'],
  ['linkIds.bytes', 'u8'],
  ['linkIds.offsets', 'u32'],
  ['offsets', 'u32'],
  ['adjNode', 'u32'],
  ['adjLink', 'u32'],
] as const;
type Section = (typeof SECTIONS)[number][0];

/** A stored graph that cannot be read: what is wrong and at which byte. */
export class GraphFormatError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at byte ${offset})`);
  }
}

function arrays(c: GraphColumns): Record<Section, Uint8Array | Uint32Array | Float32Array> {
  return {
    'nodeIds.bytes': c.nodeIds.bytes,
    'nodeIds.offsets': c.nodeIds.offsets,
    'nodeLabels.bytes': c.nodeLabels.bytes,
    'nodeLabels.offsets': c.nodeLabels.offsets,
    nodeSchema: c.nodeSchema,
    linkSource: c.linkSource,
    linkTarget: c.linkTarget,
    linkType: c.linkType,
    weight: c.weight,
    percentage: c.percentage,
    start: c.start,
    end: c.end,
    'linkIds.bytes': c.linkIds.bytes,
    'linkIds.offsets': c.linkIds.offsets,
    offsets: c.offsets,
    adjNode: c.adjNode,
    adjLink: c.adjLink,
  };
}

const pad8 = (n: number) => (n + 7) & ~7;

/** The graph as byte chunks to write one after another (no copy of the columns). */
export function encodeGraph(g: Graph): Uint8Array[] {
  const a = arrays(g.c);
  const header = new TextEncoder().encode(
    JSON.stringify({
      version: 1,
      nodeCount: g.nodeCount,
      linkCount: g.linkCount,
      schemata: g.c.schemata,
      linkTypes: g.c.linkTypes,
      lengths: SECTIONS.map(([s]) => a[s].length),
    }),
  );
  const head = new Uint8Array(pad8(12 + header.length));
  head.set(new TextEncoder().encode(MAGIC));
  new DataView(head.buffer).setUint32(8, header.length, true);
  head.set(header, 12);
  const out: Uint8Array[] = [head];
  for (const [s] of SECTIONS) {
    const x = a[s];
    out.push(new Uint8Array(x.buffer, x.byteOffset, x.byteLength));
    if (x.byteLength % 8) out.push(new Uint8Array(8 - (x.byteLength % 8)));
  }
  return out;
}

const isNames = (x: unknown): x is string[] => Array.isArray(x) && x.length <= 255 && x.every((s) => typeof s === 'string');
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 2 ** 32;

/** Reads a graph back; the columns are views over `bytes` (copied once if it is not 8-byte aligned). */
export function decodeGraph(input: Uint8Array): Graph {
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) throw new GraphFormatError('not a Vigil graph (bad magic)', 0);
  const hlen = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
  if (12 + hlen > bytes.length) throw new GraphFormatError(`header of ${hlen} bytes runs past the end`, 8);
  let h: Record<string, unknown>;
  try {
    h = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + hlen))) as Record<string, unknown>;
  } catch {
    throw new GraphFormatError('header is not JSON', 12);
  }
  if (typeof h !== 'object' || h === null || h.version !== 1) throw new GraphFormatError('unsupported header version', 12);
  const { nodeCount: n, linkCount: m, schemata, linkTypes, lengths } = h;
  if (
    !isCount(n) ||
    !isCount(m) ||
    !isNames(schemata) ||
    !isNames(linkTypes) ||
    !Array.isArray(lengths) ||
    lengths.length !== SECTIONS.length ||
    !lengths.every(isCount)
  )
    throw new GraphFormatError('header lacks counts, names or section lengths', 12);
  const views = {} as Record<Section, Uint8Array | Uint32Array | Float32Array>;
  const starts = {} as Record<Section, number>;
  let at = pad8(12 + hlen);
  SECTIONS.forEach(([s, type], i) => {
    const len = lengths[i] as number;
    const size = type === 'u8' ? 1 : 4;
    if (at + len * size > bytes.length) throw new GraphFormatError(`section ${s} runs past the end`, at);
    const off = bytes.byteOffset + at;
    views[s] =
      type === 'u8' ? bytes.subarray(at, at + len) : type === 'u32' ? new Uint32Array(bytes.buffer, off, len) : new Float32Array(bytes.buffer, off, len);
    starts[s] = at;
    at = pad8(at + len * size);
  });
  const v = views as Record<Section, never>;
  const want = (s: Section, len: number) => {
    if (views[s].length !== len) throw new GraphFormatError(`section ${s} holds ${views[s].length} values, expected ${len}`, starts[s]);
  };
  const below = (s: Section, limit: number) => {
    const x = views[s];
    for (let i = 0; i < x.length; i++)
      if (!(x[i]! < limit)) throw new GraphFormatError(`${s}[${i}] = ${x[i]} is out of range (< ${limit})`, starts[s] + i * x.BYTES_PER_ELEMENT);
  };
  const table = (name: 'nodeIds' | 'nodeLabels' | 'linkIds', count: number, indexed: boolean): StringTable => {
    const b = `${name}.bytes` as Section;
    const o = `${name}.offsets` as Section;
    want(o, count + 1);
    const offs = views[o] as Uint32Array;
    if (offs[0] !== 0 || offs[count] !== views[b].length) throw new GraphFormatError(`${name} offsets do not span the strings`, starts[o]);
    for (let i = 0; i < count; i++) if (offs[i]! > offs[i + 1]!) throw new GraphFormatError(`${name} offsets go backwards at ${i}`, starts[o] + 4 * i);
    try {
      return new StringTable(v[b], offs, indexed ? undefined : null);
    } catch (e) {
      throw new GraphFormatError(`${name}: ${(e as Error).message}`, starts[b]);
    }
  };
  want('nodeSchema', n);
  below('nodeSchema', schemata.length);
  for (const s of ['linkSource', 'linkTarget', 'linkType', 'weight', 'percentage', 'start', 'end'] as const) want(s, m);
  below('linkSource', n);
  below('linkTarget', n);
  below('linkType', linkTypes.length);
  want('offsets', n + 1);
  want('adjNode', 2 * m);
  want('adjLink', 2 * m);
  below('adjLink', m);
  const offsets = v.offsets as Uint32Array;
  const adjNode = v.adjNode as Uint32Array;
  const adjLink = v.adjLink as Uint32Array;
  const src = v.linkSource as Uint32Array;
  const dst = v.linkTarget as Uint32Array;
  if (offsets[0] !== 0 || offsets[n] !== 2 * m) throw new GraphFormatError('adjacency offsets do not span the links', starts.offsets);
  for (let u = 0; u < n; u++) {
    if (offsets[u]! > offsets[u + 1]!) throw new GraphFormatError(`adjacency offsets go backwards at node ${u}`, starts.offsets + 4 * u);
    for (let p = offsets[u]!; p < offsets[u + 1]!; p++) {
      const l = adjLink[p]!;
      const other = src[l] === u ? dst[l] : dst[l] === u ? src[l] : -1;
      if (adjNode[p] !== other) throw new GraphFormatError(`adjacency entry ${p} of node ${u} does not match link ${l}`, starts.adjNode + 4 * p);
    }
  }
  return new Graph({
    nodeIds: table('nodeIds', n, true),
    nodeLabels: table('nodeLabels', n, false),
    nodeSchema: v.nodeSchema,
    schemata,
    linkSource: src,
    linkTarget: dst,
    linkType: v.linkType,
    linkTypes,
    weight: v.weight,
    percentage: v.percentage,
    start: v.start,
    end: v.end,
    linkIds: table('linkIds', m, false),
    offsets,
    adjNode,
    adjLink,
  });
}
