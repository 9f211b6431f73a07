// Link chart bench (issue 8): the chart's own renderer (sigma.js on graphology) in headless Chromium with software WebGL, frame times while panning.
/*
 * The page is the chart's code (web/src/screens/intel/chart: document → view → ChartRenderer), bundled here with
 * esbuild, on a generated case graph. Each run drags the chart with the mouse a little on every animation frame and records
 * (a) the interval between frames as the browser paints them and (b) the time sigma spends rendering each frame.
 * Baselines in the same run: each chart drawn in full on every frame (before) against the chart's default, lighter while
 * the view moves (after); idle frames (no panning) at full size; a drag while the layout runs in a web worker.
 * Needs Debian's chromium (/usr/bin/chromium or VIGIL_CHROMIUM); run on request only (`npm run bench -- intel-chart`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { scaled } from './harness.js';

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = process.env.VIGIL_CHROMIUM ?? '/usr/bin/chromium';
/** Frames per measurement (BENCH_CHART_FRAMES); fewer make a quicker, noisier run. */
const FRAMES = Number(process.env.BENCH_CHART_FRAMES ?? '120') || 120;

/** The page's script: builds a chart of n entities and measures frames. Runs in the browser. */
const ENTRY = `
import { addGraph, move } from './web/src/screens/intel/chart/doc';
import { project } from './web/src/screens/intel/chart/view';
import { ChartRenderer } from './web/src/screens/intel/chart/render';
import { layout, layoutInWorker } from './web/src/screens/intel/chart/layout';

const TYPES = ['Person', 'Company', 'Person', 'Phone', 'BankAccount', 'Address', 'Person', 'Organization'];
const LINKS = ['Ownership', 'Directorship', 'Call', 'Payment', 'Associate', 'Family'];

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

let renderer = null;
let chartDoc = null;

window.setupChart = (n, withLayout, lightOnMove) => {
  const r = rng(42);
  const nodes = [];
  for (let i = 0; i < n; i++) nodes.push({ id: 'e' + i, schema: TYPES[i % TYPES.length], caption: 'Invented entity ' + i });
  const links = [];
  // Clusters of about 50 with a few bridges, 1.5 links per entity: a case graph rather than a random one.
  for (let i = 1; i < n; i++) {
    const cluster = Math.floor(i / 50) * 50;
    const other = r() < 0.9 ? cluster + Math.floor(r() * Math.min(50, i - cluster || 1)) : Math.floor(r() * i);
    links.push({ id: 'l' + links.length, type: LINKS[i % LINKS.length], source: 'e' + i, target: 'e' + Math.min(other, i - 1) });
    if (r() < 0.5) links.push({ id: 'l' + links.length, type: 'Call', source: 'e' + i, target: 'e' + Math.floor(r() * i) });
  }
  const t0 = performance.now();
  let doc = addGraph({ nodes: new Map(), links: new Map(), groups: [] }, { nodes, links });
  // Spread the clusters on a grid so the picture is the size of a real chart.
  const side = Math.ceil(Math.sqrt(n / 50));
  doc = move(doc, new Map([...doc.nodes.values()].map((e, i) => {
    const c = Math.floor(i / 50);
    return [e.id, { x: (c % side) * 300 + e.x, y: Math.floor(c / side) * 300 + e.y }];
  })));
  const tDoc = performance.now();
  let tLayout = tDoc;
  if (withLayout) {
    doc = move(doc, layout(doc));
    tLayout = performance.now();
  }
  chartDoc = doc;
  const view = project(doc, { colourBy: 'type', sizeBy: 'none', undated: true }, new Map(), new Map());
  const box = document.getElementById('chart');
  if (renderer) renderer.kill();
  renderer = new ChartRenderer(box, { onClickNode() {}, onClickStage() {}, onDoubleClickNode() {}, onDragEnd() {} }, { lightOnMove });
  const t1 = performance.now();
  renderer.sync(view, new Set(['e0', 'e1']));
  renderer.sigma.refresh();
  const t2 = performance.now();
  return { nodes: view.nodes.length, links: view.links.length, docMs: tDoc - t0, layoutMs: tLayout - tDoc, firstRenderMs: t2 - t1 };
};

// The chart's layout in a web worker, as the chart runs it: resolves with its duration once the positions are back.
window.layoutWorker = async () => {
  const t0 = performance.now();
  const placed = await layoutInWorker(chartDoc);
  return { ms: performance.now() - t0, moved: placed ? placed.size : 0 };
};

// Frames while the user drags the chart (mode 'drag': mouse events on sigma's mouse layer, as a hand would send them,
// so sigma knows the view is moving), while a layout runs in a worker ('layout': the same drag meanwhile), or idle.
window.measure = (frames, mode) =>
  new Promise((resolve) => {
    const cam = renderer.sigma.getCamera();
    cam.setState({ x: 0.5, y: 0.5, ratio: 0.6, angle: 0 });
    const renders = [];
    const finished = [];
    let start = 0;
    const onBefore = () => (start = performance.now());
    // gl.finish() waits for the rasterisation (SwiftShader, on the CPU here), so the time includes what the GPU would do.
    const contexts = Object.values(renderer.sigma.getCanvases())
      .map((c) => c.getContext('webgl2') || c.getContext('webgl'))
      .filter(Boolean);
    const onAfter = () => {
      renders.push(performance.now() - start);
      for (const gl of contexts) gl.finish();
      finished.push(performance.now() - start);
    };
    renderer.sigma.on('beforeRender', onBefore);
    renderer.sigma.on('afterRender', onAfter);
    const layer = renderer.sigma.getMouseCaptor().container;
    const box = layer.getBoundingClientRect();
    let x = box.left + box.width / 2;
    let y = box.top + box.height / 2;
    const from = cam.getState();
    const mouse = (type) => layer.dispatchEvent(new MouseEvent(type, { clientX: x, clientY: y, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true, cancelable: true }));
    const drag = mode !== 'idle';
    let layoutDone = null;
    if (mode === 'layout') layoutDone = window.layoutWorker();
    if (drag) {
      // A pan presses on empty stage: at 10,000 entities there is hardly any, and pressing on an entity would drag the
      // entity instead, so for the press only sigma sees no entity under the mouse (hover checks while moving stay).
      const pick = renderer.sigma.getNodeAtPosition;
      renderer.sigma.getNodeAtPosition = () => null;
      mouse('mousedown');
      renderer.sigma.getNodeAtPosition = pick;
    }
    const intervals = [];
    let last = 0;
    let i = 0;
    const step = (now) => {
      if (last) intervals.push(now - last);
      last = now;
      if (drag) {
        // A slow drag across the chart and back.
        x += i % 120 < 60 ? 6 : -6;
        y += 2 * Math.sin(i / 10);
        mouse('mousemove');
      }
      if (++i <= frames) requestAnimationFrame(step);
      else {
        if (drag) mouse('mouseup');
        renderer.sigma.off('beforeRender', onBefore);
        renderer.sigma.off('afterRender', onAfter);
        const to = cam.getState();
        const panned = to.x !== from.x || to.y !== from.y;
        Promise.resolve(layoutDone).then((layout) => resolve({ intervals, renders, finished, layout, panned }));
      }
    };
    requestAnimationFrame(step);
  });
`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const f = (v: number) => v.toFixed(1);

export async function intelChartBench(): Promise<void> {
  console.log('\n## intel link chart (sigma.js / WebGL in headless Chromium, software rendering)');
  if (!existsSync(CHROMIUM)) {
    console.log(`skipped: no Chromium at ${CHROMIUM} (set VIGIL_CHROMIUM)`);
    return;
  }
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'intel-chart-bench-entry.ts' },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0]!.text;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-background-timer-throttling',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent('<!doctype html><html><body style="margin:0"><div id="chart" style="width:1280px;height:800px"></div></body></html>');
    await page.addScriptTag({ content: script });
    // A string, as it runs in the page (this file is type-checked without the DOM library).
    const renderer = await page.evaluate(`(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
      return gl ? String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) : 'no WebGL';
    })()`);
    console.log(`renderer: ${renderer}`);
    const big = scaled(10000, 200);
    const small = Math.max(100, Math.round(big / 10));
    type Run = { intervals: number[]; renders: number[]; finished: number[]; layout: { ms: number; moved: number } | null; panned: boolean };
    const rows: { name: string; run: Run }[] = [];
    console.log(
      [
        'benchmark',
        'frames',
        'frame p50 ms',
        'p95 ms',
        'p99 ms',
        'fps (p50)',
        'sigma render p50 ms',
        'p95 ms',
        'p99 ms',
        'render + GPU finish p50 ms',
        'p95 ms',
        'vs baseline',
      ].join(' | '),
    );
    /** Records a run and prints it at once (a browser that dies later leaves the rows measured so far). */
    const record = (name: string, run: Run, base?: { name: string; run: Run }) => {
      rows.push({ name, run });
      if (name.startsWith('drag') && !run.panned) console.log(`warning: ${name}: the view did not move, so these frames are not a pan`);
      const p50 = pct(run.intervals, 50);
      const rp = run.renders;
      const ratio = base
        ? `${(p50 / pct(base.run.intervals, 50)).toFixed(2)}x frame of ${base.name}, p95 ${(pct(run.intervals, 95) / pct(base.run.intervals, 95)).toFixed(2)}x; render ${(pct(rp, 50) / pct(base.run.renders, 50)).toFixed(2)}x`
        : '(baseline)';
      console.log(
        [
          name,
          run.intervals.length,
          f(p50),
          f(pct(run.intervals, 95)),
          f(pct(run.intervals, 99)),
          (1000 / p50).toFixed(0),
          rp.length ? f(pct(rp, 50)) : '-',
          rp.length ? f(pct(rp, 95)) : '-',
          rp.length ? f(pct(rp, 99)) : '-',
          run.finished.length ? f(pct(run.finished, 50)) : '-',
          run.finished.length ? f(pct(run.finished, 95)) : '-',
          ratio,
        ].join(' | '),
      );
    };
    // Before: every frame draws everything (links, labels) while the view moves; after: the chart's default, lighter
    // while moving. Same charts, same drags, one after the other in the same browser.
    for (const n of [small, big]) {
      let before: { name: string; run: Run } | undefined;
      for (const light of [false, true]) {
        const s = await page.evaluate(([n, l, light]) => (globalThis as any).setupChart(n, l, light), [n, true, light] as const);
        if (!light)
          console.log(
            `setup: ${s.nodes} entities / ${s.links} links: document ${f(s.docMs)} ms, layout on the main thread (ForceAtlas2, bounded iterations) ${f(s.layoutMs)} ms, first render ${f(s.firstRenderMs)} ms`,
          );
        await page.evaluate((fr) => (globalThis as any).measure(fr, 'drag'), 10); // warm-up
        const pan: Run = await page.evaluate((fr) => (globalThis as any).measure(fr, 'drag'), FRAMES);
        const name = `drag ${s.nodes} entities, ${light ? 'after (light while moving)' : 'before (full frames)'}`;
        record(name, pan, before);
        if (!light) before = rows.at(-1);
        if (n === big && light) {
          const idle: Run = await page.evaluate((fr) => (globalThis as any).measure(fr, 'idle'), FRAMES);
          record(`idle ${s.nodes} entities (browser frame)`, idle);
          try {
            const during: Run = await page.evaluate((fr) => (globalThis as any).measure(fr, 'layout'), FRAMES);
            record(
              `drag ${s.nodes} entities while the layout runs in a worker`,
              during,
              rows.find((r) => r.name === name),
            );
            if (during.layout)
              console.log(
                `setup: ${s.nodes} entities: layout in a web worker ${f(during.layout.ms)} ms (${during.layout.moved} moved), the page drawing meanwhile`,
              );
          } catch (err) {
            console.log(`drag while the layout runs in a worker: failed (${String(err).split('\n')[0]})`);
          }
        }
      }
    }
    if (errors.length) throw new Error(`the chart page failed: ${errors.join('; ')}`);
  } finally {
    await browser.close();
  }
}
