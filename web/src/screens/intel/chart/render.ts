// Draws a chart view with sigma.js (WebGL) on a graphology graph, updating only what changed; clicks, drags and the camera.
import Graph from 'graphology';
import Sigma from 'sigma';
import type { Coordinates } from 'sigma/types';
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
  /**
   * Redraws the chart on every step of a drag of the stage (default false). Off, a drag moves the picture already drawn
   * (a CSS transform of sigma's layers, which the browser's compositor moves without drawing anything) and the chart is
   * drawn once the drag ends or when it must be drawn anyway: as a map moves its tiles. Drawing a large chart takes longer
   * than a frame (all of it in software rendering), moving a picture does not. Parts of the chart that come into view
   * during the drag appear when it ends. On, sigma moves its camera and redraws (the chart bench's baselines).
   */
  redrawWhilePanning?: boolean;
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

/** A drag of the stage under way, in viewport pixels. */
interface Pan {
  /** Where the pointer was when the chart was last drawn (the picture is drawn for this position). */
  from: Coordinates;
  /** Where the pointer is: the picture is shifted by to − from. */
  to: Coordinates;
  /** The last move (for the inertia on release) and when it happened. */
  step: Coordinates;
  at: number;
  moves: number;
  /** Layers hidden during the drag (those sigma leaves empty while the view moves). */
  hidden: HTMLElement[];
}

export class ChartRenderer {
  readonly graph = new Graph<NodeAttrs, EdgeAttrs>({ multi: true, type: 'directed', allowSelfLoops: true });
  readonly sigma: Sigma<NodeAttrs, EdgeAttrs>;
  private selected = new Set<string>();
  private dragged: string | null = null;
  private moved = false;
  private readonly light: boolean;
  private pan: Pan | null = null;
  /** Sigma's drawn layers (all but the mouse layer, which takes the events and stays put). */
  private layers: HTMLElement[] = [];

  constructor(container: HTMLElement, events: RendererEvents, options: RendererOptions = {}) {
    this.light = options.lightOnMove ?? true;
    const redrawWhilePanning = options.redrawWhilePanning ?? false;
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
    this.sigma.on('clickStage', () => {
      if (!this.moved) events.onClickStage();
    });
    this.sigma.on('downNode', ({ node }) => {
      this.dragged = node;
      this.moved = false;
      if (!this.sigma.getCustomBBox()) this.sigma.setCustomBBox(this.sigma.getBBox());
    });
    if (!redrawWhilePanning) {
      // The picture moved by a drag stays within the chart's box.
      container.style.overflow = 'hidden';
      this.layers = Object.entries(this.sigma.getCanvases())
        .filter(([id]) => id !== 'mouse')
        .map(([, c]) => c);
      this.sigma.on('downStage', ({ event }) => {
        const e = event.original;
        if (e instanceof MouseEvent && e.button === 0) {
          const at = { x: event.x, y: event.y };
          this.pan = { from: at, to: at, step: { x: 0, y: 0 }, at: 0, moves: 0, hidden: [] };
        }
      });
      // Whatever draws the chart during a drag (a hover, a change of the chart) draws it where the drag has taken it.
      this.sigma.on('beforeRender', () => this.settlePan());
      // Moves on the chart during a drag of the stage stop here, before sigma's handler: besides the camera, it would look
      // for the entity under the pointer, reading back the picking picture from the GPU, a wait for all drawing queued
      // there (in software rendering, for the compositor's frame). The pointer stays on the same point of the picture
      // all through the drag, so what it hovers does not change.
      const layer = this.sigma.getMouseCaptor().container;
      layer.addEventListener('mousemove', (e) => {
        if (!this.pan) return;
        e.stopPropagation();
        e.preventDefault();
        const box = layer.getBoundingClientRect();
        this.movePan({ x: e.clientX - box.left, y: e.clientY - box.top }, e);
      });
    }
    const captor = this.sigma.getMouseCaptor();
    captor.on('mousemovebody', (e) => {
      if (this.pan) {
        // Moves off the chart (moves on it do not reach sigma, below): sigma neither moves its camera nor draws.
        e.preventSigmaDefault();
        e.original.preventDefault();
        if (e.original instanceof MouseEvent) this.movePan(e, e.original);
        return;
      }
      if (!this.dragged) return;
      this.moved = true;
      const p = this.sigma.viewportToGraph(e);
      this.graph.mergeNodeAttributes(this.dragged, { x: p.x, y: p.y });
      e.preventSigmaDefault();
      e.original.preventDefault();
      e.original.stopPropagation();
    });
    captor.on('mouseup', () => {
      // A click after a drag of the stage is no click (as sigma has it: from a few moves on).
      if (this.pan) this.moved = this.endPan(true) >= this.sigma.getSetting('draggedEventsTolerance');
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

  /** A move during a drag of the stage (pointer at `to`, viewport pixels): the picture drawn moves along. */
  private movePan(to: Coordinates, e: MouseEvent): void {
    const pan = this.pan;
    if (!pan) return;
    if (e.buttons === 0) {
      // The button was released where no mouseup reached the page.
      this.endPan(false);
      return;
    }
    pan.step = { x: to.x - pan.to.x, y: to.y - pan.to.y };
    pan.to = { x: to.x, y: to.y };
    pan.at = performance.now();
    if (!pan.moves++) {
      // What sigma would not draw while the view moves is not shown: as before, and fewer layers for the browser to move.
      pan.hidden = this.emptyWhileMoving();
      for (const layer of pan.hidden) layer.style.visibility = 'hidden';
    }
    const dx = pan.to.x - pan.from.x;
    const dy = pan.to.y - pan.from.y;
    for (const layer of this.layers) layer.style.transform = `translate(${dx}px, ${dy}px)`;
  }

  /** Sigma's layers that its settings leave empty while the view moves (labels, highlights; links on a large chart). */
  private emptyWhileMoving(): HTMLElement[] {
    const ids: string[] = [];
    if (this.sigma.getSetting('hideLabelsOnMove')) ids.push('labels', 'hovers', 'hoverNodes', 'edgeLabels');
    else if (!this.sigma.getSetting('renderEdgeLabels')) ids.push('edgeLabels');
    if (this.sigma.getSetting('hideEdgesOnMove')) ids.push('edges');
    const canvases = this.sigma.getCanvases();
    return ids.flatMap((id) => (canvases[id] ? [canvases[id]] : []));
  }

  /** Moves the camera to where the drag of the stage has taken the picture, and puts the layers back in place. */
  private settlePan(): void {
    const pan = this.pan;
    if (!pan || (pan.to.x === pan.from.x && pan.to.y === pan.from.y)) return;
    // Inside a render (beforeRender), the render this schedules is the one under way.
    this.sigma.getCamera().setState(this.cameraShifted(pan.from, pan.to));
    for (const layer of this.layers) layer.style.transform = '';
    pan.from = pan.to;
  }

  /** Where the camera goes for the picture to move `k` times the viewport vector from `from` to `to`. */
  private cameraShifted(from: Coordinates, to: Coordinates, k = 1): { x: number; y: number } {
    const state = this.sigma.getCamera().getState();
    const a = this.sigma.viewportToFramedGraph(from);
    const b = this.sigma.viewportToFramedGraph(to);
    return { x: state.x + k * (a.x - b.x), y: state.y + k * (a.y - b.y) };
  }

  /** Ends a drag of the stage (the chart is drawn where it went, gliding on if it was still moving); returns its moves. */
  private endPan(glide: boolean): number {
    const pan = this.pan;
    if (!pan) return 0;
    this.settlePan();
    this.pan = null;
    if (pan.hidden.length) {
      for (const layer of pan.hidden) layer.style.visibility = '';
      // Drawn again with the rest (even where the drag came back to where it started).
      this.sigma.scheduleRender();
    }
    if (glide && (pan.step.x || pan.step.y) && performance.now() - pan.at < this.sigma.getSetting('dragTimeout')) {
      void this.sigma.getCamera().animate(this.cameraShifted({ x: 0, y: 0 }, pan.step, this.sigma.getSetting('inertiaRatio')), {
        duration: this.sigma.getSetting('inertiaDuration'),
        easing: 'quadraticOut',
      });
    }
    return pan.moves;
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
    this.pan = null;
    this.sigma.kill();
  }
}
