// i2 Analyst's Notebook import CSV: one row per link, entity 1 → link → entity 2, for an import specification to map.
import { isoDay } from './dates.js';
import { linkReading, selection, type ExportOptions } from './export-common.js';
import type { Graph } from './store.js';

/**
 * Columns, in order. ANB reads one item per line with a header row its import specification matches by name;
 * dates are ISO `yyyy-MM-dd` (pick that predefined format in the wizard); Entity 1 is the link's FtM source.
 */
export const ANB_COLUMNS = [
  'Entity 1 Identity',
  'Entity 1 Type',
  'Entity 1 Label',
  'Link Identity',
  'Link Type',
  'Link Label',
  'Link Date',
  'Link End Date',
  'Link Direction',
  'Link Percentage',
  'Link Weight',
  'Entity 2 Identity',
  'Entity 2 Type',
  'Entity 2 Label',
] as const;

/**
 * One CSV field: always quoted, quotes doubled, line breaks flattened to spaces (ANB never reads an item across lines),
 * and a leading = + - @ neutralised with an apostrophe so spreadsheets do not run it as a formula.
 */
export function csvField(v: string): string {
  let s = v.replace(/\r\n|[\r\n]/g, ' ');
  if (/^[=+\-@\t]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** The CSV in chunks, UTF-8 byte order mark first (Windows tools take the file for UTF-8 then), CRLF line ends. */
export function* anbCsv(g: Graph, o: Omit<ExportOptions, 'nodeAttributes' | 'linkAttributes'> = {}): Generator<string> {
  const { links } = selection(g, o);
  let chunk = '\ufeff' + ANB_COLUMNS.map(csvField).join(',') + '\r\n';
  for (const l of links) {
    const s = g.source(l);
    const t = g.target(l);
    const reading = linkReading(g.linkType(l));
    const pct = g.percentage(l);
    const row = [
      g.id(s),
      g.schema(s),
      g.label(s),
      g.linkId(l) ?? `link-${l}`,
      g.linkType(l),
      reading.label,
      isoDay(g.start(l)),
      isoDay(g.end(l)),
      reading.directed ? 'Directed' : 'Undirected',
      Number.isFinite(pct) ? String(pct) : '',
      String(g.weight(l)),
      g.id(t),
      g.schema(t),
      g.label(t),
    ];
    chunk += row.map(csvField).join(',') + '\r\n';
    if (chunk.length > 65536) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}
