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

export interface RendererOptions {
  /**
   * Draws less while the view moves (default true): no labels, and no links on a large chart, until it stops; on a large
   * chart, labels only once zoomed in enough for them to be read. Off, every frame draws everything (the chart bench's
   * baseline).
   */
  lightOnMove?: boolean;
}

/** Links drawn while the view moves up to this many; beyond, they reappear when it stops. */
export const LINKS_WHILE_MOVING = 2000;
/** Entities from which labels need a larger rendered node (that is, zooming in) to be drawn. */
export const MANY_NODES = 2000;
/** Rendered node size (px) from which labels are drawn: any on a small chart, zoomed in on a large one. */
const LABEL_SIZE = { small: 4, large: 8 };
/** Room (px) kept around the chart when it is fitted to the view, so the nodes at its edge are drawn whole. */
export const FIT_PADDING = 40;

type NodeAttrs = { x: number; y: number; size: number; color: string; label: string; highlighted?: boolean; zIndex?: number };
type EdgeAttrs = { size: number; color: string; type?: string };

export class ChartRenderer {
  readonly graph = new Graph<NodeAttrs, EdgeAttrs>({ multi: true, type: 'directed', allowSelfLoops: true });
  readonly sigma: Sigma<NodeAttrs, EdgeAttrs>;
  private selected = new Set<string>();
  private dragged: string | null = null;
  private moved = false;
  private readonly light: boolean;

  constructor(container: HTMLElement, events: RendererEvents, options: RendererOptions = {}) {
    this.light = options.lightOnMove ?? true;
    this.sigma = new Sigma(this.graph, container, {
      allowInvalidContainer: true,
      defaultEdgeType: 'arrow',
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: LABEL_SIZE.small,
      labelDensity: 0.5,
      zIndex: true,
      hideEdgesOnMove: false,
      hideLabelsOnMove: this.light,
      stagePadding: FIT_PADDING,
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
    if (this.light) {
      const edges = g.size > LINKS_WHILE_MOVING;
      if (this.sigma.getSetting('hideEdgesOnMove') !== edges) this.sigma.setSetting('hideEdgesOnMove', edges);
      const labels = g.order > MANY_NODES ? LABEL_SIZE.large : LABEL_SIZE.small;
      if (this.sigma.getSetting('labelRenderedSizeThreshold') !== labels) this.sigma.setSetting('labelRenderedSizeThreshold', labels);
    }
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

  /** The camera that shows the whole chart: every node drawn whole, FIT_PADDING from the edge (large nodes need more room than the stage padding). */
  fitState(): { x: number; y: number; ratio: number; angle: number } {
    const reset = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    const { width, height } = this.sigma.getDimensions();
    let ratio = 1;
    this.graph.forEachNode((key) => {
      const d = this.sigma.getNodeDisplayData(key);
      if (!d) return;
      const p = this.sigma.framedGraphToViewport(d, { cameraState: reset });
      // At a ratio ≥ 1 a node is drawn no larger than at 1, and its distance from the centre shrinks by the ratio.
      const r = this.sigma.scaleSize(d.size, 1);
      ratio = Math.max(ratio, Math.abs(p.x - width / 2) / Math.max(1, width / 2 - FIT_PADDING - r));
      ratio = Math.max(ratio, Math.abs(p.y - height / 2) / Math.max(1, height / 2 - FIT_PADDING - r));
    });
    return { ...reset, ratio };
  }

  fit(): void {
    void this.sigma.getCamera().animate(this.fitState(), { duration: 300 });
  }

  zoom(by: number): void {
    const cam = this.sigma.getCamera();
    void (by > 1 ? cam.animatedUnzoom({ duration: 200, factor: by }) : cam.animatedZoom({ duration: 200, factor: 1 / by }));
  }

  kill(): void {
    this.sigma.kill();
  }
}
