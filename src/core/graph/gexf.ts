// GEXF 1.3 writer (Gephi): node and link attributes, link direction from the FtM model, link dates as dynamic intervals.
import { isoDay } from './dates.js';
import { attrText, linkReading, selection, xmlText, type Attribute, type ExportOptions } from './export-common.js';
import type { Graph } from './store.js';

const gexfType = (t: Attribute['type']) => (t === 'int' ? 'long' : t);

/** The document in chunks. Node ids are FtM ids; edge ids are link numbers; links with dates become time intervals. */
export function* gexf(g: Graph, o: ExportOptions = {}): Generator<string> {
  const { nodes, links } = selection(g, o);
  const nodeAttrs: Attribute[] = [{ key: 'schema', type: 'string', value: (n) => g.schema(n) }, ...(o.nodeAttributes ?? [])];
  const linkAttrs: Attribute[] = [
    { key: 'type', type: 'string', value: (l) => g.linkType(l) },
    { key: 'ftmId', type: 'string', value: (l) => g.linkId(l) },
    { key: 'percentage', type: 'double', value: (l) => g.percentage(l) },
    ...(o.linkAttributes ?? []),
  ];
  let dynamic = false;
  for (const l of links) if (Number.isFinite(g.start(l)) || Number.isFinite(g.end(l))) dynamic = true;
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ';
  yield 'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n';
  yield '  <meta><creator>Vigil</creator></meta>\n';
  yield `  <graph defaultedgetype="directed"${dynamic ? ' mode="dynamic" timeformat="date"' : ' mode="static"'}>\n`;
  for (const [kind, attrs] of [
    ['node', nodeAttrs],
    ['edge', linkAttrs],
  ] as const) {
    yield `    <attributes class="${kind}">\n`;
    for (let i = 0; i < attrs.length; i++) yield `      <attribute id="${i}" title="${xmlText(attrs[i]!.key)}" type="${gexfType(attrs[i]!.type)}"/>\n`;
    yield '    </attributes>\n';
  }
  const values = (attrs: readonly Attribute[], item: number): string => {
    let s = '';
    for (let i = 0; i < attrs.length; i++) {
      const v = xmlText(attrText(attrs[i]!.value(item)));
      if (v !== '') s += `<attvalue for="${i}" value="${v}"/>`;
    }
    return s ? `<attvalues>${s}</attvalues>` : '';
  };
  let chunk = '    <nodes>\n';
  for (const n of nodes) {
    chunk += `      <node id="${xmlText(g.id(n))}" label="${xmlText(g.label(n))}">${values(nodeAttrs, n)}</node>\n`;
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  chunk += '    </nodes>\n    <edges>\n';
  for (const l of links) {
    const reading = linkReading(g.linkType(l));
    const start = isoDay(g.start(l));
    const end = isoDay(g.end(l));
    const w = g.weight(l);
    chunk +=
      `      <edge id="${l}" source="${xmlText(g.id(g.source(l)))}" target="${xmlText(g.id(g.target(l)))}" type="${reading.directed ? 'directed' : 'undirected'}"` +
      ` label="${xmlText(reading.label)}"${w > 0 && Number.isFinite(w) ? ` weight="${w}"` : ''}${start ? ` start="${start}"` : ''}${end ? ` end="${end}"` : ''}>` +
      `${values(linkAttrs, l)}</edge>\n`;
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk + '    </edges>\n  </graph>\n</gexf>\n';
}
