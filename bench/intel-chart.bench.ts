// Link chart bench (issue 8): the chart's own renderer (sigma.js on graphology) in headless Chromium with software WebGL, frame times while panning.
/*
 * The page is the chart's code (web/src/screens/intel/chart: document → view → ChartRenderer), bundled here with
 * esbuild, on a generated case graph. Each run drags the chart with the mouse a little on every animation frame and records
 * (a) the interval between animation frames, (b) the interval between the frames the browser's display compositor really
 * presented (its swaps, from a Chromium trace), (c) how far the picture on screen is from where the pointer holds it (a
 * pan that does not follow the pointer is no pan), (d) the CPU time of all the browser's processes, and (e) the time sigma
 * spends rendering. Baselines in the same run: each chart drawn in full on every frame (before), drawn lighter on every
 * frame (previous default: no labels, no links on a large chart), against the chart's default (after: the picture drawn
 * is moved while the stage is dragged, and drawn when the drag ends); idle frames (no panning) at full size; a drag while
 * the layout runs in a web worker.
 * Needs Debian's chromium (/usr/bin/chromium or VIGIL_CHROMIUM); run on request only (`npm run bench -- intel-chart`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

window.setupChart = (n, withLayout, lightOnMove, redrawWhilePanning) => {
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
  renderer = new ChartRenderer(box, { onClickNode() {}, onClickStage() {}, onDoubleClickNode() {}, onDragEnd() {} }, { lightOnMove, redrawWhilePanning });
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

const nextFrame = () => new Promise((r) => requestAnimationFrame(r));

// Frames while the user drags the chart (mode 'drag': mouse events on sigma's mouse layer, as a hand would send them,
// so sigma knows the view is moving), while a layout runs in a worker ('layout': the same drag meanwhile), or idle.
// Each measurement starts from the same view, drawn and still (settle, first): any glide of the camera after the
// previous drag ended, and the drawing of the view, happen before it.
window.settle = async () => {
  const cam = renderer.sigma.getCamera();
  while (cam.isAnimated()) await nextFrame();
  cam.setState({ x: 0.5, y: 0.5, ratio: 0.6, angle: 0 });
  renderer.sigma.render();
  // Reading a pixel back waits until the GPU process has drawn it all (else the first frames measured would wait for it).
  for (const c of Object.values(renderer.sigma.getCanvases())) {
    const gl = c.getContext('webgl2') || c.getContext('webgl');
    if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  }
  for (let i = 0; i < 5; i++) await nextFrame();
};
window.measure = (frames, mode) =>
  new Promise((resolve) => {
    const cam = renderer.sigma.getCamera();
    const renders = [];
    const finished = [];
    let start = 0;
    const onBefore = () => (start = performance.now());
    // gl.finish() after the render: in Chromium it does not wait for the GPU process (a trace shows the rasterisation
    // there, later), so this is sigma's work plus handing over its commands; the painted intervals show the rest.
    const contexts = Object.values(renderer.sigma.getCanvases())
      .map((c) => c.getContext('webgl2') || c.getContext('webgl'))
      .filter(Boolean);
    // The camera of the picture last drawn: with the CSS transform of the layers, where the chart is on screen.
    let drawn = cam.getState();
    const onAfter = () => {
      drawn = cam.getState();
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
    // The graph point under the pointer when the drag starts must stay under it: on every frame, where the painted
    // picture shows that point (the camera of the last drawing, plus any shift of the layers) against the pointer.
    const grip = renderer.sigma.viewportToGraph({ x: x - box.left, y: y - box.top });
    const nodesLayer = renderer.sigma.getCanvases().nodes;
    const misses = [];
    const intervals = [];
    let last = 0;
    let i = 0;
    const step = (now) => {
      if (last) intervals.push(now - last);
      else performance.mark('vigil-chart-drag-start');
      last = now;
      if (drag && i > 0) {
        const at = renderer.sigma.graphToViewport(grip, { cameraState: drawn });
        const shift = new DOMMatrixReadOnly(getComputedStyle(nodesLayer).transform);
        misses.push(Math.hypot(at.x + shift.m41 - (x - box.left), at.y + shift.m42 - (y - box.top)));
      }
      if (drag) {
        // A slow drag across the chart and back.
        x += i % 120 < 60 ? 6 : -6;
        y += 2 * Math.sin(i / 10);
        mouse('mousemove');
      }
      if (++i <= frames) requestAnimationFrame(step);
      else {
        performance.mark('vigil-chart-drag-end');
        if (drag) mouse('mouseup');
        renderer.sigma.off('beforeRender', onBefore);
        renderer.sigma.off('afterRender', onAfter);
        const to = cam.getState();
        const panned = to.x !== from.x || to.y !== from.y;
        Promise.resolve(layoutDone).then((layout) => resolve({ intervals, renders, finished, layout, panned, misses }));
      }
    };
    requestAnimationFrame(step);
  });
`;

/** CPU time (ms) of the processes under this one (the browser's: renderer, GPU process…), from /proc; null where there is none. */
function browserCpuMs(): number | null {
  try {
    const tick = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim() || '100');
    const parent = new Map<number, number>();
    const cpu = new Map<number, number>();
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parent.set(Number(d), Number(fields[1]));
        cpu.set(Number(d), (Number(fields[11]) + Number(fields[12])) * tick);
      } catch {
        // gone meanwhile
      }
    }
    const under = (pid: number): boolean => {
      for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
      return false;
    };
    let total = 0;
    for (const [pid, ms] of cpu) if (under(pid)) total += ms;
    return total;
  } catch {
    return null;
  }
}

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
    type Run = {
      intervals: number[];
      renders: number[];
      finished: number[];
      layout: { ms: number; moved: number } | null;
      panned: boolean;
      misses: number[];
      /** Intervals between the frames the browser's display compositor presented (its swaps), from a Chromium trace. */
      painted?: number[];
      /** CPU time of all the browser's processes during the measurement, per frame (ms). */
      cpu?: number;
    };
    const rows: { name: string; run: Run }[] = [];
    console.log(
      [
        'benchmark',
        'frames',
        'frame p50 ms',
        'p95 ms',
        'p99 ms',
        'fps (p50)',
        'painted frames',
        'painted p50 ms',
        'p95 ms',
        'p99 ms',
        'picture off the pointer max px',
        'browser CPU ms/frame',
        'sigma render p50 ms',
        'p95 ms',
        'p99 ms',
        'render + GPU finish p50 ms',
        'p95 ms',
        'vs baselines',
      ].join(' | '),
    );
    const opt = (xs: number[] | undefined, p: number) => (xs?.length ? f(pct(xs, p)) : '-');
    /** Records a run and prints it at once (a browser that dies later leaves the rows measured so far). */
    const record = (name: string, run: Run, bases: { name: string; run: Run }[] = []) => {
      rows.push({ name, run });
      if (name.startsWith('drag') && !run.panned) console.log(`warning: ${name}: the view did not move, so these frames are not a pan`);
      const missed = run.misses.length ? Math.max(...run.misses) : 0;
      if (missed > 2) console.log(`warning: ${name}: the picture on screen was up to ${f(missed)} px off the pointer (it lags or did not move)`);
      const p50 = pct(run.intervals, 50);
      const rp = run.renders;
      const ratio = bases.length
        ? bases
            .map(
              (base) =>
                `${(p50 / pct(base.run.intervals, 50)).toFixed(2)}x frame of ${base.name}, p95 ${(pct(run.intervals, 95) / pct(base.run.intervals, 95)).toFixed(2)}x` +
                (run.painted?.length && base.run.painted?.length ? `, painted p50 ${(pct(run.painted, 50) / pct(base.run.painted, 50)).toFixed(2)}x` : '') +
                (run.cpu && base.run.cpu ? `, CPU ${(run.cpu / base.run.cpu).toFixed(2)}x` : ''),
            )
            .join('; ')
        : '(baseline)';
      console.log(
        [
          name,
          run.intervals.length,
          f(p50),
          f(pct(run.intervals, 95)),
          f(pct(run.intervals, 99)),
          (1000 / p50).toFixed(0),
          run.painted ? run.painted.length + 1 : '-',
          opt(run.painted, 50),
          opt(run.painted, 95),
          opt(run.painted, 99),
          run.misses.length ? f(missed) : '-',
          run.cpu !== undefined ? f(run.cpu) : '-',
          opt(rp, 50),
          opt(rp, 95),
          opt(rp, 99),
          opt(run.finished, 50),
          opt(run.finished, 95),
          ratio,
        ].join(' | '),
      );
    };
    /** A measurement under a Chromium trace of the display compositor: when the frames were really presented. */
    const traced = async (frames: number, mode: string): Promise<Run> => {
      await browser.startTracing(page, { categories: ['viz', 'blink.user_timing'] });
      let run: Run;
      try {
        await page.evaluate(() => (globalThis as any).settle());
        const cpu0 = browserCpuMs();
        run = await page.evaluate(([fr, m]) => (globalThis as any).measure(fr, m), [frames, mode] as const);
        const cpu1 = browserCpuMs();
        if (cpu0 !== null && cpu1 !== null) run.cpu = (cpu1 - cpu0) / frames;
      } finally {
        const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: { name: string; ph: string; ts: number; dur?: number }[] };
        const at = (mark: string) => trace.traceEvents.find((e) => e.name === mark)?.ts;
        const from = at('vigil-chart-drag-start');
        const to = at('vigil-chart-drag-end');
        const swaps = trace.traceEvents
          .filter((e) => e.name === 'SkiaOutputSurfaceImplOnGpu::SwapBuffers' && e.ph === 'X')
          .map((e) => e.ts + (e.dur ?? 0))
          .filter((t) => from !== undefined && to !== undefined && t >= from && t <= to)
          .sort((a, b) => a - b);
        run!.painted = swaps.slice(1).map((t, i) => (t - swaps[i]!) / 1000);
      }
      return run;
    };
    // Before: every frame draws everything (links, labels) while the view moves; previous: lighter while moving (no
    // labels, no links on a large chart), still drawn on every frame; after: the chart's default, the picture moved
    // while the stage is dragged and drawn when the drag ends. Same charts, same drags, one after the other in the same browser.
    const variants = [
      { label: 'before (full frames)', light: false, redraw: true },
      { label: 'previous (light while moving)', light: true, redraw: true },
      { label: 'after (picture moved while panning)', light: true, redraw: false },
    ];
    for (const n of [small, big]) {
      const bases: { name: string; run: Run }[] = [];
      for (const v of variants) {
        const s = await page.evaluate(([n, l, light, redraw]) => (globalThis as any).setupChart(n, l, light, redraw), [n, true, v.light, v.redraw] as const);
        if (!bases.length)
          console.log(
            `setup: ${s.nodes} entities / ${s.links} links: document ${f(s.docMs)} ms, layout on the main thread (ForceAtlas2, bounded iterations) ${f(s.layoutMs)} ms, first render ${f(s.firstRenderMs)} ms`,
          );
        await page.evaluate(() => (globalThis as any).settle());
        await page.evaluate((fr) => (globalThis as any).measure(fr, 'drag'), 10); // warm-up
        const pan = await traced(FRAMES, 'drag');
        const name = `drag ${s.nodes} entities, ${v.label}`;
        record(name, pan, bases);
        bases.push(rows.at(-1)!);
        if (n === big && !v.redraw) {
          await page.evaluate(() => (globalThis as any).settle());
          const cpu0 = browserCpuMs();
          const idle: Run = await page.evaluate((fr) => (globalThis as any).measure(fr, 'idle'), FRAMES);
          const cpu1 = browserCpuMs();
          if (cpu0 !== null && cpu1 !== null) idle.cpu = (cpu1 - cpu0) / FRAMES;
          record(`idle ${s.nodes} entities (browser frame)`, idle);
          try {
            const during = await traced(FRAMES, 'layout');
            record(`drag ${s.nodes} entities while the layout runs in a worker`, during, [rows.find((r) => r.name === name)!]);
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
