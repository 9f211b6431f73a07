// GraphML writer (yEd, Gephi, Cytoscape): nodes with FtM id, schema and label; links with type, link entity, share and dates.
import { isoDay } from './dates.js';
import { attrText, linkReading, selection, xmlText, type Attribute, type ExportOptions } from './export-common.js';
import type { Graph } from './store.js';

/** The document in chunks (join them, or stream them out). Node ids are FtM ids; edge ids are `e<link number>`. */
export function* graphml(g: Graph, o: ExportOptions = {}): Generator<string> {
  const { nodes, links } = selection(g, o);
  const nodeAttrs: Attribute[] = [
    { key: 'label', type: 'string', value: (n) => g.label(n) },
    { key: 'schema', type: 'string', value: (n) => g.schema(n) },
    ...(o.nodeAttributes ?? []),
  ];
  const linkAttrs: Attribute[] = [
    { key: 'type', type: 'string', value: (l) => g.linkType(l) },
    { key: 'ftmId', type: 'string', value: (l) => g.linkId(l) },
    { key: 'weight', type: 'double', value: (l) => g.weight(l) },
    { key: 'percentage', type: 'double', value: (l) => g.percentage(l) },
    { key: 'startDate', type: 'string', value: (l) => isoDay(g.start(l)) || undefined },
    { key: 'endDate', type: 'string', value: (l) => isoDay(g.end(l)) || undefined },
    ...(o.linkAttributes ?? []),
  ];
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ';
  yield 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const [prefix, kind, attrs] of [
    ['n', 'node', nodeAttrs],
    ['e', 'edge', linkAttrs],
  ] as const)
    for (let i = 0; i < attrs.length; i++)
      yield `  <key id="${prefix}${i}" for="${kind}" attr.name="${xmlText(attrs[i]!.key)}" attr.type="${attrs[i]!.type === 'int' ? 'long' : attrs[i]!.type}"/>\n`;
  yield '  <graph id="G" edgedefault="directed">\n';
  const data = (prefix: string, attrs: readonly Attribute[], item: number): string => {
    let s = '';
    for (let i = 0; i < attrs.length; i++) {
      const v = xmlText(attrText(attrs[i]!.value(item)));
      if (v !== '') s += `<data key="${prefix}${i}">${v}</data>`;
    }
    return s;
  };
  let chunk = '';
  for (const n of nodes) {
    chunk += `    <node id="${xmlText(g.id(n))}">${data('n', nodeAttrs, n)}</node>\n`;
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  for (const l of links) {
    const directed = linkReading(g.linkType(l)).directed ? '' : ' directed="false"';
    chunk += `    <edge id="e${l}"${directed} source="${xmlText(g.id(g.source(l)))}" target="${xmlText(g.id(g.target(l)))}">${data('e', linkAttrs, l)}</edge>\n`;
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + '  </graph>\n</graphml>\n';
}
