// Shared by the export writers: the selection to write, extra attributes, XML escaping, and link labels from the FtM model.
import { model } from '../model/index.js';
import type { Graph } from './store.js';

export interface Attribute {
  key: string;
  type: 'string' | 'double' | 'int' | 'boolean';
  value: (item: number) => string | number | boolean | undefined;
}

export interface ExportOptions {
  /** Nodes to write (default all). */
  nodes?: Iterable<number>;
  /** Links to write (default: every link with both ends among the nodes written); their ends are written too. */
  links?: Iterable<number>;
  nodeAttributes?: readonly Attribute[];
  linkAttributes?: readonly Attribute[];
}

/** The nodes and links an export writes, in ascending order. */
export function selection(g: Graph, o: ExportOptions): { nodes: Uint32Array; links: Uint32Array } {
  if (!o.nodes && !o.links) {
    const nodes = new Uint32Array(g.nodeCount).map((_, i) => i);
    return { nodes, links: new Uint32Array(g.linkCount).map((_, i) => i) };
  }
  const inNodes = new Uint8Array(g.nodeCount);
  if (o.nodes) for (const n of o.nodes) if (n >= 0 && n < g.nodeCount) inNodes[n] = 1;
  let links: number[];
  if (o.links) {
    links = [...new Set(o.links)].filter((l) => l >= 0 && l < g.linkCount).sort((a, b) => a - b);
    for (const l of links) inNodes[g.source(l)] = inNodes[g.target(l)] = 1;
  } else {
    links = [];
    for (let l = 0; l < g.linkCount; l++) if (inNodes[g.source(l)] && inNodes[g.target(l)]) links.push(l);
  }
  const nodes: number[] = [];
  for (let n = 0; n < g.nodeCount; n++) if (inNodes[n]) nodes.push(n);
  return { nodes: Uint32Array.from(nodes), links: Uint32Array.from(links) };
}

/** Characters XML 1.0 does not allow at all (control characters, lone surrogates, U+FFFE/FFFF): dropped. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe inside XML character data and double- or single-quoted attributes. */
export function xmlText(s: string): string {
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

const EXTRA_EDGES: Record<string, { label: string; directed: boolean }> = { Call: { label: 'called', directed: true } };

/** How the FtM model reads a link type: its verb ("owns") and whether it has a direction. */
export function linkReading(type: string): { label: string; directed: boolean } {
  const edge = model.getSchema(type)?.edge;
  if (edge) return { label: edge.label ?? type, directed: edge.directed };
  return EXTRA_EDGES[type] ?? { label: type, directed: true };
}

/** Attribute values as text, '' when absent or not a finite number. */
export function attrText(v: string | number | boolean | undefined): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return String(v);
}
