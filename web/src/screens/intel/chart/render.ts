// Draws a chart view with sigma.js (WebGL) on a graphology graph, updating only what changed; clicks, drags and the camera.
import Graph from 'graphology';
import Sigma from 'sigma';
import type { View } from './view';

export interface RendererEvents {
  onClickNode(key: string, additive: boolean): void;
  onClickStage(): void;
  onDoubleClickNode(key: string): void;
  /** A node was dragged to a new place (graph coordinates). */
  onDragEnd(key: string, x: number, y: number): void;
}

type NodeAttrs = { x: number; y: number; size: number; color: string; label: string; highlighted?: boolean; zIndex?: number };
type EdgeAttrs = { size: number; color: string; type?: string };

export class ChartRenderer {
  readonly graph = new Graph<NodeAttrs, EdgeAttrs>({ multi: true, type: 'directed', allowSelfLoops: true });
  readonly sigma: Sigma<NodeAttrs, EdgeAttrs>;
  private selected = new Set<string>();
  private dragged: string | null = null;
  private moved = false;

  constructor(container: HTMLElement, events: RendererEvents) {
    this.sigma = new Sigma(this.graph, container, {
      allowInvalidContainer: true,
      defaultEdgeType: 'arrow',
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 4,
      labelDensity: 0.5,
      zIndex: true,
      hideEdgesOnMove: false,
    });
    this.sigma.on('clickNode', ({ node, event }) => {
      if (this.moved) return;
      events.onClickNode(node, event.original.shiftKey || event.original.ctrlKey || event.original.metaKey);
    });
    this.sigma.on('doubleClickNode', ({ node, preventSigmaDefault }) => {
      preventSigmaDefault();
      events.onDoubleClickNode(node);
    });
    this.sigma.on('clickStage', () => events.onClickStage());
    this.sigma.on('downNode', ({ node }) => {
      this.dragged = node;
      this.moved = false;
      if (!this.sigma.getCustomBBox()) this.sigma.setCustomBBox(this.sigma.getBBox());
    });
    const captor = this.sigma.getMouseCaptor();
    captor.on('mousemovebody', (e) => {
      if (!this.dragged) return;
      this.moved = true;
      const p = this.sigma.viewportToGraph(e);
      this.graph.mergeNodeAttributes(this.dragged, { x: p.x, y: p.y });
      e.preventSigmaDefault();
      e.original.preventDefault();
      e.original.stopPropagation();
    });
    captor.on('mouseup', () => {
      const key = this.dragged;
      this.dragged = null;
      if (key && this.moved && this.graph.hasNode(key)) {
        const a = this.graph.getNodeAttributes(key);
        events.onDragEnd(key, a.x, a.y);
      }
      // A click after a drag is not a selection.
      setTimeout(() => (this.moved = false), 0);
    });
  }

  /** Brings the graph to the view: drops what is gone, adds what is new, updates the rest in place. */
  sync(view: View, selected: ReadonlySet<string>): void {
    const g = this.graph;
    const keep = new Set(view.nodes.map((n) => n.key));
    const drop: string[] = [];
    g.forEachNode((k) => {
      if (!keep.has(k)) drop.push(k);
    });
    for (const k of drop) g.dropNode(k);
    for (const n of view.nodes) {
      const attrs: NodeAttrs = {
        x: n.x,
        y: n.y,
        size: n.size,
        color: n.color,
        label: n.label,
        highlighted: selected.has(n.key),
        zIndex: selected.has(n.key) ? 1 : 0,
      };
      if (g.hasNode(n.key)) g.replaceNodeAttributes(n.key, attrs);
      else g.addNode(n.key, attrs);
    }
    const keepLinks = new Set(view.links.map((l) => l.key));
    const dropLinks: string[] = [];
    g.forEachEdge((k) => {
      if (!keepLinks.has(k)) dropLinks.push(k);
    });
    for (const k of dropLinks) g.dropEdge(k);
    for (const l of view.links) {
      const attrs: EdgeAttrs = { size: l.size, color: l.color };
      if (g.hasEdge(l.key)) g.replaceEdgeAttributes(l.key, attrs);
      else g.addDirectedEdgeWithKey(l.key, l.source, l.target, attrs);
    }
    this.selected = new Set(selected);
    // The frame follows the chart's extent unless the user dragged something (then it stays put while they work).
    this.sigma.setCustomBBox(null);
  }

  /** Changes only the highlight of entities whose selection changed. */
  select(selected: ReadonlySet<string>): void {
    const g = this.graph;
    for (const k of this.selected) if (!selected.has(k) && g.hasNode(k)) g.mergeNodeAttributes(k, { highlighted: false, zIndex: 0 });
    for (const k of selected) if (!this.selected.has(k) && g.hasNode(k)) g.mergeNodeAttributes(k, { highlighted: true, zIndex: 1 });
    this.selected = new Set(selected);
  }

  fit(): void {
    void this.sigma.getCamera().animatedReset({ duration: 300 });
  }

  zoom(by: number): void {
    const cam = this.sigma.getCamera();
    void (by > 1 ? cam.animatedUnzoom({ duration: 200, factor: by }) : cam.animatedZoom({ duration: 200, factor: 1 / by }));
  }

  kill(): void {
    this.sigma.kill();
  }
}
