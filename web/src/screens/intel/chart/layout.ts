// Force-directed layout (ForceAtlas2) of a chart's entities; pinned entities stay where they are. Bounded work so a large chart stays responsive.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { ChartDoc } from './doc';

/** Iterations for a chart of `n` entities: fewer as it grows (each costs O(n log n) with Barnes–Hut). */
export const iterationsFor = (n: number): number => (n > 5000 ? 15 : n > 1000 ? 30 : n > 200 ? 60 : 150);

/** New positions for every entity that is not pinned. */
export function layout(doc: ChartDoc, iterations = iterationsFor(doc.nodes.size)): Map<string, { x: number; y: number }> {
  const g = new Graph({ type: 'undirected', multi: false });
  for (const n of doc.nodes.values()) if (!n.hidden) g.addNode(n.id, { x: n.x, y: n.y, fixed: n.pinned, size: 1 });
  for (const l of doc.links.values()) if (g.hasNode(l.source) && g.hasNode(l.target) && l.source !== l.target) g.mergeEdge(l.source, l.target);
  if (g.order < 2) return new Map();
  const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 500 };
  const out = forceAtlas2(g, { iterations, settings });
  const moved = new Map<string, { x: number; y: number }>();
  for (const [id, p] of Object.entries(out)) if (!doc.nodes.get(id)?.pinned && Number.isFinite(p.x) && Number.isFinite(p.y)) moved.set(id, p);
  return moved;
}
