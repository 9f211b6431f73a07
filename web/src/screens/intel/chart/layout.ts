// Force-directed layout (ForceAtlas2) of a chart's entities; pinned entities stay where they are. Bounded work, and off
// the main thread in a web worker so that a large chart stays fluid while it is laid out.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import type { ChartDoc } from './doc';

/** Iterations for a chart of `n` entities: fewer as it grows (each costs O(n log n) with Barnes–Hut). */
export const iterationsFor = (n: number): number => (n > 5000 ? 15 : n > 1000 ? 30 : n > 200 ? 60 : 150);

type Positions = Map<string, { x: number; y: number }>;

/** The graph the layout moves: visible entities (pinned ones fixed) and one edge per linked pair. */
function layoutGraph(doc: ChartDoc): Graph | null {
  const g = new Graph({ type: 'undirected', multi: false });
  for (const n of doc.nodes.values()) if (!n.hidden) g.addNode(n.id, { x: n.x, y: n.y, fixed: n.pinned, size: 1 });
  for (const l of doc.links.values()) if (g.hasNode(l.source) && g.hasNode(l.target) && l.source !== l.target) g.mergeEdge(l.source, l.target);
  return g.order < 2 ? null : g;
}

const settingsFor = (g: Graph) => ({ ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 500 });

function positions(doc: ChartDoc, all: Iterable<[string, { x: number; y: number }]>): Positions {
  const moved: Positions = new Map();
  for (const [id, p] of all) if (!doc.nodes.get(id)?.pinned && Number.isFinite(p.x) && Number.isFinite(p.y)) moved.set(id, { x: p.x, y: p.y });
  return moved;
}

/** New positions for every entity that is not pinned, computed here (blocks the page while it runs). */
export function layout(doc: ChartDoc, iterations = iterationsFor(doc.nodes.size)): Positions {
  const g = layoutGraph(doc);
  if (!g) return new Map();
  return positions(doc, Object.entries(forceAtlas2(g, { iterations, settings: settingsFor(g) })));
}

/**
 * The same layout in a web worker (graphology's ForceAtlas2 supervisor, one iteration per message): the page keeps
 * drawing and answering while it runs. Resolves with the positions, or null when `signal` aborts first. Where there is
 * no Worker (tests, old browsers) or it fails to start, runs here.
 */
export function layoutInWorker(doc: ChartDoc, iterations = iterationsFor(doc.nodes.size), signal?: AbortSignal): Promise<Positions | null> {
  if (signal?.aborted) return Promise.resolve(null);
  const g = layoutGraph(doc);
  if (!g) return Promise.resolve(new Map());
  if (typeof Worker === 'undefined') return Promise.resolve(layout(doc, iterations));
  return new Promise((resolve) => {
    let supervisor: FA2Layout;
    try {
      supervisor = new FA2Layout(g, { settings: settingsFor(g) });
    } catch {
      resolve(layout(doc, iterations));
      return;
    }
    let done = 0;
    let settled = false;
    const finish = (result: Positions | null) => {
      if (settled) return;
      settled = true;
      g.removeListener('eachNodeAttributesUpdated', step);
      signal?.removeEventListener('abort', abort);
      supervisor.kill();
      resolve(result);
    };
    const read = () => {
      const out: Array<[string, { x: number; y: number }]> = [];
      g.forEachNode((id, a) => out.push([id, { x: a.x as number, y: a.y as number }]));
      return positions(doc, out);
    };
    // The supervisor writes the positions back into the graph after each iteration (and goes on using its state after
    // telling the graph, so it is stopped once that is done).
    const step = () => {
      if (++done === iterations) {
        const result = read();
        queueMicrotask(() => finish(result));
      }
    };
    const abort = () => finish(null);
    g.on('eachNodeAttributesUpdated', step);
    signal?.addEventListener('abort', abort);
    (supervisor as unknown as { worker?: Worker }).worker?.addEventListener('error', () => {
      if (done < iterations) finish(layout(doc, iterations));
    });
    supervisor.start();
  });
}
