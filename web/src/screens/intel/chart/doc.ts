// The link chart as data: nodes, links and groups with an undo/redo history; every operation returns a new document and leaves the old one intact.

export interface ChartNode {
  id: string;
  schema: string;
  caption: string;
  x: number;
  y: number;
  pinned: boolean;
  hidden: boolean;
  colour?: string | undefined;
}

export interface ChartLink {
  id: string;
  type: string;
  source: string;
  target: string;
}

export interface ChartGroup {
  id: string;
  label: string;
  members: string[];
  collapsed: boolean;
}

export interface ChartDoc {
  readonly nodes: ReadonlyMap<string, ChartNode>;
  readonly links: ReadonlyMap<string, ChartLink>;
  readonly groups: readonly ChartGroup[];
}

export const emptyDoc = (): ChartDoc => ({ nodes: new Map(), links: new Map(), groups: [] });

/** Entities and links as the graph API gives them. */
export interface Incoming {
  nodes: readonly { id: string; schema: string; caption: string }[];
  links: readonly ChartLink[];
}

/** A ring of `count` places around (cx, cy), far enough apart for their number. */
export function ring(cx: number, cy: number, count: number, start = 0): { x: number; y: number }[] {
  const r = 40 + 12 * Math.sqrt(count);
  return Array.from({ length: count }, (_, i) => {
    // A golden-angle spiral beyond the first ring keeps large expansions readable.
    const a = start + i * 2.39996;
    const rr = count <= 12 ? r : r * Math.sqrt((i + 1) / count) * 1.6;
    return { x: cx + rr * Math.cos(a), y: cy + rr * Math.sin(a) };
  });
}

/** Adds entities and links; new entities are placed around the entity they were reached from (or the chart's centre). */
export function addGraph(doc: ChartDoc, inc: Incoming, around?: readonly string[]): ChartDoc {
  const nodes = new Map(doc.nodes);
  const fresh = inc.nodes.filter((n) => !nodes.has(n.id));
  const anchors = (around ?? []).map((id) => nodes.get(id)).filter((n): n is ChartNode => !!n);
  const cx = anchors.length ? anchors.reduce((s, n) => s + n.x, 0) / anchors.length : centre(doc).x;
  const cy = anchors.length ? anchors.reduce((s, n) => s + n.y, 0) / anchors.length : centre(doc).y;
  const places = ring(cx, cy, fresh.length, nodes.size);
  fresh.forEach((n, i) => nodes.set(n.id, { id: n.id, schema: n.schema, caption: n.caption, x: places[i]!.x, y: places[i]!.y, pinned: false, hidden: false }));
  // An entity already on the chart but hidden comes back when it is reached again.
  for (const n of inc.nodes) {
    const old = nodes.get(n.id)!;
    if (old.hidden || old.caption !== n.caption || old.schema !== n.schema) nodes.set(n.id, { ...old, caption: n.caption, schema: n.schema, hidden: false });
  }
  const links = new Map(doc.links);
  for (const l of inc.links) if (nodes.has(l.source) && nodes.has(l.target)) links.set(l.id, l);
  return { nodes, links, groups: doc.groups };
}

function centre(doc: ChartDoc): { x: number; y: number } {
  if (!doc.nodes.size) return { x: 0, y: 0 };
  let x = 0;
  let y = 0;
  for (const n of doc.nodes.values()) {
    x += n.x;
    y += n.y;
  }
  return { x: x / doc.nodes.size, y: y / doc.nodes.size };
}

const withGroups = (doc: ChartDoc, nodes: Map<string, ChartNode>, links: Map<string, ChartLink>): ChartDoc => ({
  nodes,
  links,
  groups: doc.groups.map((g) => ({ ...g, members: g.members.filter((m) => nodes.has(m)) })).filter((g) => g.members.length > 0),
});

/** Takes entities off the chart, with their links. */
export function removeNodes(doc: ChartDoc, ids: Iterable<string>): ChartDoc {
  const gone = new Set(ids);
  const nodes = new Map([...doc.nodes].filter(([id]) => !gone.has(id)));
  const links = new Map([...doc.links].filter(([, l]) => !gone.has(l.source) && !gone.has(l.target)));
  return withGroups(doc, nodes, links);
}

/** Collapses entities: takes off the neighbours that hang only on them (the inverse of an expansion). */
export function collapse(doc: ChartDoc, ids: Iterable<string>): ChartDoc {
  const of = new Set(ids);
  const degree = new Map<string, Set<string>>();
  for (const l of doc.links.values()) {
    degree.set(l.source, (degree.get(l.source) ?? new Set()).add(l.target));
    degree.set(l.target, (degree.get(l.target) ?? new Set()).add(l.source));
  }
  const gone: string[] = [];
  for (const [id, nb] of degree) if (!of.has(id) && !doc.nodes.get(id)?.pinned && [...nb].every((o) => of.has(o))) gone.push(id);
  return removeNodes(doc, gone);
}

export function update(doc: ChartDoc, ids: Iterable<string>, change: Partial<Pick<ChartNode, 'pinned' | 'hidden' | 'colour'>>): ChartDoc {
  const nodes = new Map(doc.nodes);
  for (const id of ids) {
    const n = nodes.get(id);
    if (n) nodes.set(id, { ...n, ...change });
  }
  return { ...doc, nodes };
}

export function showAll(doc: ChartDoc): ChartDoc {
  return update(
    doc,
    [...doc.nodes.values()].filter((n) => n.hidden).map((n) => n.id),
    { hidden: false },
  );
}

/** New positions (a drag, a layout); a dragged entity is pinned where it was put. */
export function move(doc: ChartDoc, positions: ReadonlyMap<string, { x: number; y: number }>, pin = false): ChartDoc {
  const nodes = new Map(doc.nodes);
  for (const [id, p] of positions) {
    const n = nodes.get(id);
    if (n) nodes.set(id, { ...n, x: p.x, y: p.y, ...(pin ? { pinned: true } : {}) });
  }
  return { ...doc, nodes };
}

export const GROUP_PREFIX = 'group:';

/** Groups entities (taking them out of any other group); a new group starts collapsed. */
export function group(doc: ChartDoc, ids: readonly string[], label: string): ChartDoc {
  const members = ids.filter((id) => doc.nodes.has(id));
  if (members.length < 2) return doc;
  const set = new Set(members);
  let n = doc.groups.length + 1;
  while (doc.groups.some((g) => g.id === `g${n}`)) n++;
  const groups = doc.groups
    .map((g) => ({ ...g, members: g.members.filter((m) => !set.has(m)) }))
    .filter((g) => g.members.length > 0)
    .concat({ id: `g${n}`, label, members, collapsed: true });
  return { ...doc, groups };
}

export function ungroup(doc: ChartDoc, groupIds: Iterable<string>): ChartDoc {
  const gone = new Set(groupIds);
  return { ...doc, groups: doc.groups.filter((g) => !gone.has(g.id)) };
}

export function setCollapsed(doc: ChartDoc, groupIds: Iterable<string>, collapsed: boolean): ChartDoc {
  const ids = new Set(groupIds);
  return { ...doc, groups: doc.groups.map((g) => (ids.has(g.id) ? { ...g, collapsed } : g)) };
}

/** Undo and redo over whole documents (operations share unchanged nodes, so a step costs one map copy). */
export interface History {
  past: { doc: ChartDoc; label: string }[];
  doc: ChartDoc;
  label: string;
  future: { doc: ChartDoc; label: string }[];
}

const MAX_STEPS = 60;

export const startHistory = (doc: ChartDoc = emptyDoc()): History => ({ past: [], doc, label: '', future: [] });

export function apply(h: History, doc: ChartDoc, label: string): History {
  if (doc === h.doc) return h;
  return { past: [...h.past, { doc: h.doc, label: h.label }].slice(-MAX_STEPS), doc, label, future: [] };
}

export function undo(h: History): History {
  const prev = h.past[h.past.length - 1];
  if (!prev) return h;
  return { past: h.past.slice(0, -1), doc: prev.doc, label: prev.label, future: [{ doc: h.doc, label: h.label }, ...h.future] };
}

export function redo(h: History): History {
  const next = h.future[0];
  if (!next) return h;
  return { past: [...h.past, { doc: h.doc, label: h.label }], doc: next.doc, label: next.label, future: h.future.slice(1) };
}
