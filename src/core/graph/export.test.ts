// Exports: GraphML and GEXF are well-formed XML that reads back to the same graph; the ANB CSV reads back row by row.
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { anbCsv, ANB_COLUMNS } from './anb.js';
import { GraphBuilder } from './builder.js';
import { gexf } from './gexf.js';
import { graphml } from './graphml.js';
import type { Graph } from './store.js';

interface Element {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: Element[];
}

/** Parses XML into elements, throwing on anything not well-formed (saxes checks the XML 1.0 grammar). */
function parseXml(xml: string): Element {
  const parser = new SaxesParser({ xmlns: true });
  const root: Element = { name: '#root', attrs: {}, text: '', children: [] };
  const stack = [root];
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t) => {
    const el: Element = { name: t.local, attrs: Object.fromEntries(Object.values(t.attributes).map((a) => [a.local, a.value])), text: '', children: [] };
    stack.at(-1)!.children.push(el);
    stack.push(el);
  });
  parser.on('text', (t) => (stack.at(-1)!.text += t));
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

const all = (el: Element, name: string): Element[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];

/** What survives XML: characters XML 1.0 cannot carry are dropped; CR LF stays as written (escaped). */
const clean = (s: string) =>
  // eslint-disable-next-line no-control-regex
  s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');

const nasty = fc.string({
  unit: fc.constantFrom('a', 'é', '<', '>', '&', '"', "'", '\n', '\r', '\t', '\u0001', '\ud800', '😀', ']]>', '=', '-', ',', ' '),
  minLength: 1,
  maxLength: 12,
});

const graphOf = fc.uniqueArray(nasty, { minLength: 1, maxLength: 6, selector: clean }).chain((ids) =>
  fc.record({
    ids: fc.constant(ids.filter((id) => clean(id) !== '')),
    labels: fc.array(nasty, { minLength: ids.length, maxLength: ids.length }),
    links: fc.array(
      fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('Ownership', 'Family', 'Call'), nasty, fc.option(fc.integer({ min: 0, max: 20000 }), { nil: undefined })),
      { maxLength: 8 },
    ),
  }),
);

function make({ ids, labels, links }: { ids: string[]; labels: string[]; links: [number, number, string, string, number | undefined][] }): Graph {
  const b = new GraphBuilder();
  ids.forEach((id, i) => b.addNode(id, 'Person', labels[i]));
  if (ids.length)
    for (const [s, t, type, id, start] of links) b.addLink({ source: ids[s % ids.length]!, target: ids[t % ids.length]!, type, id, percentage: 33.3, start });
  return b.build();
}

describe('GraphML', () => {
  it('is well-formed and reads back ids, labels, link types and link entities', () => {
    fc.assert(
      fc.property(graphOf, (input) => {
        const g = make(input);
        const doc = parseXml([...graphml(g)].join(''));
        expect(doc.name).toBe('graphml');
        const keys = Object.fromEntries(all(doc, 'key').map((k) => [k.attrs.id, k.attrs['attr.name']]));
        const data = (el: Element) => Object.fromEntries(el.children.map((d) => [keys[d.attrs.key!], d.text]));
        const nodes = all(doc, 'node');
        expect(nodes.map((n) => n.attrs.id)).toEqual(Array.from({ length: g.nodeCount }, (_, i) => clean(g.id(i))));
        expect(nodes.map((n) => data(n).label ?? '')).toEqual(Array.from({ length: g.nodeCount }, (_, i) => clean(g.label(i))));
        const edges = all(doc, 'edge');
        expect(edges).toHaveLength(g.linkCount);
        edges.forEach((e, l) => {
          expect([e.attrs.source, e.attrs.target, data(e).type, data(e).ftmId, data(e).percentage]).toEqual([
            clean(g.id(g.source(l))),
            clean(g.id(g.target(l))),
            g.linkType(l),
            clean(g.linkId(l)!) || undefined,
            '33.3',
          ]);
          expect(e.attrs.directed).toBe(g.linkType(l) === 'Family' ? 'false' : undefined);
        });
      }),
    );
  });

  it('writes only the selection asked for, with the ends of selected links', () => {
    const g = make({
      ids: ['a', 'b', 'c', 'd'],
      labels: ['A', 'B', 'C', 'D'],
      links: [
        [0, 1, 'Call', 'c1', undefined],
        [2, 3, 'Call', 'c2', undefined],
      ],
    });
    const doc = parseXml([...graphml(g, { links: [1] })].join(''));
    expect(all(doc, 'node').map((n) => n.attrs.id)).toEqual(['c', 'd']);
    expect(all(parseXml([...graphml(g, { nodes: [0, 1, 2] })].join('')), 'edge')).toHaveLength(1);
  });
});

describe('GEXF', () => {
  it('is well-formed and reads back nodes, labels, link direction and dates', () => {
    fc.assert(
      fc.property(graphOf, (input) => {
        const g = make(input);
        const doc = parseXml([...gexf(g)].join(''));
        expect([doc.name, doc.attrs.version]).toEqual(['gexf', '1.3']);
        const nodes = all(doc, 'node');
        expect(nodes.map((n) => [n.attrs.id, n.attrs.label])).toEqual(Array.from({ length: g.nodeCount }, (_, i) => [clean(g.id(i)), clean(g.label(i))]));
        const edges = all(doc, 'edge');
        expect(edges).toHaveLength(g.linkCount);
        edges.forEach((e, l) => {
          expect(e.attrs.type).toBe(g.linkType(l) === 'Family' ? 'undirected' : 'directed');
          expect(e.attrs.start).toBe(Number.isFinite(g.start(l)) ? new Date(g.start(l) * 864e5).toISOString().slice(0, 10) : undefined);
        });
        expect(all(doc, 'graph')[0]!.attrs.mode).toBe(input.links.some((x) => x[4] !== undefined) && g.linkCount ? 'dynamic' : 'static');
      }),
    );
  });
});

/** RFC 4180 reader for the test: quoted fields, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    expect(text[i]).toBe('"'); // the writer quotes every field
    let field = '';
    i++;
    for (;;) {
      const q = text.indexOf('"', i);
      field += text.slice(i, q);
      if (text[q + 1] === '"') {
        field += '"';
        i = q + 2;
      } else {
        i = q + 1;
        break;
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else {
      expect(text.slice(i, i + 2)).toBe('\r\n');
      rows.push(row);
      row = [];
      i += 2;
    }
  }
  return rows;
}

describe("Analyst's Notebook CSV", () => {
  it('writes one line per link, entity 1 → link → entity 2, with no line break inside a field', () => {
    fc.assert(
      fc.property(graphOf, (input) => {
        const g = make(input);
        const text = [...anbCsv(g)].join('');
        expect(text.startsWith('\ufeff')).toBe(true);
        const rows = parseCsv(text.slice(1));
        expect(rows[0]).toEqual([...ANB_COLUMNS]);
        expect(rows).toHaveLength(g.linkCount + 1);
        expect(text.split('\r\n')).toHaveLength(g.linkCount + 2);
        rows.slice(1).forEach((r, l) => {
          const flat = (s: string) => (/^[=+\-@\t]/.test(s.replace(/\r\n|[\r\n]/g, ' ')) ? "'" : '') + s.replace(/\r\n|[\r\n]/g, ' ');
          expect(r[0]).toBe(flat(g.id(g.source(l))));
          expect(r[2]).toBe(flat(g.label(g.source(l))));
          expect(r[3]).toBe(flat(g.linkId(l)!));
          expect(r[4]).toBe(g.linkType(l));
          expect(r[9]).toBe('33.3');
          expect(r[11]).toBe(flat(g.id(g.target(l))));
        });
      }),
    );
  });

  it('reads the FtM link as a verb and neutralises spreadsheet formulas', () => {
    const g = make({ ids: ['=HYPERLINK("x")', 'co'], labels: ['ERIKA MUSTERFRAU', 'SPECIMEN LTD'], links: [[0, 1, 'Ownership', 'own-1', 18000]] });
    const [, row] = parseCsv([...anbCsv(g)].join('').slice(1));
    expect(row).toEqual([
      '\'=HYPERLINK("x")',
      'Person',
      'ERIKA MUSTERFRAU',
      'own-1',
      'Ownership',
      'owns',
      '2019-04-14',
      '',
      'Directed',
      '33.3',
      '1',
      'co',
      'Person',
      'SPECIMEN LTD',
    ]);
  });
});
