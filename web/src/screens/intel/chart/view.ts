// What the chart draws from its document: filters by date and grade, hidden entities, collapsed groups, colour and size.
import { GROUP_PREFIX, type ChartDoc } from './doc';

export interface Fact {
  start?: string | undefined;
  end?: string | undefined;
  grades: readonly string[];
}

export interface Metrics {
  degree: number;
  betweenness: number;
  community: number;
}

export interface ViewOptions {
  colourBy: 'type' | 'community';
  sizeBy: 'none' | 'degree' | 'betweenness';
  since?: string | undefined;
  until?: string | undefined;
  /** Keep entities and links without a date when a date filter applies. */
  undated: boolean;
  /** Report grades to keep; `NO_GRADE` keeps what no report supports. Undefined: no grade filter. */
  grades?: ReadonlySet<string> | undefined;
}

export const NO_GRADE = '-';

export interface ViewNode {
  key: string;
  label: string;
  schema: string;
  x: number;
  y: number;
  size: number;
  color: string;
  pinned: boolean;
  /** For a collapsed group: how many entities it stands for. */
  members?: number;
}

export interface ViewLink {
  key: string;
  source: string;
  target: string;
  type: string;
  color: string;
  size: number;
}

export interface View {
  nodes: ViewNode[];
  links: ViewLink[];
  /** Entities the user hid, and entities and links left out by the date and grade filters. */
  hidden: number;
  filteredNodes: number;
  filteredLinks: number;
}

const TYPE_COLOURS: Record<string, string> = {
  Person: '#2b6cb0',
  Company: '#c05621',
  Organization: '#b7791f',
  LegalEntity: '#975a16',
  PublicBody: '#6b46c1',
  Phone: '#2f855a',
  Email: '#319795',
  Address: '#718096',
  BankAccount: '#9b2c2c',
  Vehicle: '#4a5568',
  Vessel: '#2c5282',
  Airplane: '#553c9a',
  Event: '#d53f8c',
  RealEstate: '#805ad5',
};
const PALETTE = ['#2b6cb0', '#c05621', '#2f855a', '#9b2c2c', '#6b46c1', '#b7791f', '#319795', '#d53f8c', '#4a5568', '#38a169', '#dd6b20', '#3182ce'];

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return Math.abs(h);
}

export const typeColour = (schema: string): string => TYPE_COLOURS[schema] ?? PALETTE[hash(schema) % PALETTE.length]!;
export const communityColour = (c: number | undefined): string => (c === undefined ? '#a0aec0' : PALETTE[c % PALETTE.length]!);
export const GROUP_COLOUR = '#1a202c';
const LINK_COLOUR = '#a0aec0';

/** A partial FtM date as the first or last day it covers, for comparing as text. */
export function dayKey(d: string, edge: 'start' | 'end'): string {
  const [y, m, day] = d.slice(0, 10).split('-');
  if (edge === 'start') return `${y}-${m ?? '01'}-${day ?? '01'}`;
  return `${y}-${m ?? '12'}-${day ?? '31'}`;
}

/** Whether a fact passes the date and grade filters. */
export function passes(f: Fact | undefined, o: ViewOptions): boolean {
  if (o.since || o.until) {
    const s = f?.start ?? f?.end;
    const e = f?.end ?? f?.start;
    if (!s || !e) {
      if (!o.undated) return false;
    } else {
      if (o.since && dayKey(e, 'end') < dayKey(o.since, 'start')) return false;
      if (o.until && dayKey(s, 'start') > dayKey(o.until, 'end')) return false;
    }
  }
  if (o.grades) {
    const gs = f?.grades ?? [];
    if (gs.length === 0) return o.grades.has(NO_GRADE);
    return gs.some((g) => o.grades!.has(g));
  }
  return true;
}

/** Projects the document into what is drawn. `selected` ids are drawn highlighted by the renderer, not here. */
export function project(doc: ChartDoc, o: ViewOptions, facts: ReadonlyMap<string, Fact>, metrics: ReadonlyMap<string, Metrics>): View {
  let max = 0;
  if (o.sizeBy !== 'none') for (const n of doc.nodes.keys()) max = Math.max(max, metrics.get(n)?.[o.sizeBy] ?? 0);
  const sizeOf = (id: string) => {
    if (o.sizeBy === 'none' || max <= 0) return 5;
    return 3 + 14 * Math.sqrt((metrics.get(id)?.[o.sizeBy] ?? 0) / max);
  };
  const colourOf = (id: string, schema: string, own?: string) =>
    own ?? (o.colourBy === 'community' ? communityColour(metrics.get(id)?.community) : typeColour(schema));

  // Where each entity is drawn: itself, or the collapsed group it is in.
  const at = new Map<string, string>();
  let hidden = 0;
  let filteredNodes = 0;
  for (const n of doc.nodes.values()) {
    if (n.hidden) hidden++;
    else if (!passes(facts.get(n.id), o)) filteredNodes++;
    else at.set(n.id, n.id);
  }
  const nodes: ViewNode[] = [];
  for (const g of doc.groups) {
    const inside = g.members.filter((m) => at.has(m));
    if (!g.collapsed || inside.length === 0) continue;
    const key = `${GROUP_PREFIX}${g.id}`;
    let x = 0;
    let y = 0;
    for (const m of inside) {
      at.set(m, key);
      x += doc.nodes.get(m)!.x;
      y += doc.nodes.get(m)!.y;
    }
    nodes.push({
      key,
      label: `${g.label} (${inside.length})`,
      schema: 'Group',
      x: x / inside.length,
      y: y / inside.length,
      size: 8 + 3 * Math.log2(inside.length + 1),
      color: GROUP_COLOUR,
      pinned: false,
      members: inside.length,
    });
  }
  for (const n of doc.nodes.values()) {
    if (at.get(n.id) !== n.id) continue;
    nodes.push({
      key: n.id,
      label: n.pinned ? `◆ ${n.caption || n.id}` : n.caption || n.id,
      schema: n.schema,
      x: n.x,
      y: n.y,
      size: sizeOf(n.id),
      color: colourOf(n.id, n.schema, n.colour),
      pinned: n.pinned,
    });
  }
  const links: ViewLink[] = [];
  const merged = new Map<string, ViewLink>();
  let filteredLinks = 0;
  for (const l of doc.links.values()) {
    const s = at.get(l.source);
    const t = at.get(l.target);
    if (!s || !t) continue;
    if (!passes(facts.get(l.id), o)) {
      filteredLinks++;
      continue;
    }
    if (s === l.source && t === l.target) {
      links.push({ key: l.id, source: s, target: t, type: l.type, color: LINK_COLOUR, size: 1 });
      continue;
    }
    if (s === t) continue; // inside one collapsed group
    const key = `${s}\u0000${t}`;
    const m = merged.get(key);
    if (m) m.size = Math.min(6, m.size + 0.5);
    else merged.set(key, { key: `${GROUP_PREFIX}${key}`, source: s, target: t, type: l.type, color: LINK_COLOUR, size: 1.5 });
  }
  links.push(...merged.values());
  return { nodes, links, hidden, filteredNodes, filteredLinks };
}

/** Number of distinct entities each drawn entity is linked to on the chart (for "select by degree"). */
export function viewDegrees(v: View): Map<string, number> {
  const nb = new Map<string, Set<string>>();
  for (const l of v.links) {
    nb.set(l.source, (nb.get(l.source) ?? new Set()).add(l.target));
    nb.set(l.target, (nb.get(l.target) ?? new Set()).add(l.source));
  }
  return new Map([...nb].map(([k, s]) => [k, s.size]));
}
