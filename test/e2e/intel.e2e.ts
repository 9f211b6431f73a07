// Intelligence analysis end to end: a case opened, call records and a registry extract imported, a proposed merge accepted, the path found.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshots, type Browser, recordFailures, signIn as signInAs } from './support/browser.js';
import { ROOT } from './support/env.js';

const DEMO = join(ROOT, 'src/modules/intel/demo');
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
/** The chart's code (WebGL) loads when its tab first opens: allow it time on a busy machine. */
const SLOW = { timeout: 15_000 };

const signIn = (username: string) => signInAs(page, username);

async function importWith(file: string, mapping: string): Promise<void> {
  await page.getByLabel('File').setInputFiles(join(DEMO, file));
  await page.getByRole('button', { name: 'Show columns' }).click();
  await page.getByLabel('Mapping', { exact: true }).selectOption({ label: mapping });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: file }).textContent()).toMatch(new RegExp(`${file}: \\d+ rows read`));
}

describe('intelligence analysis', () => {
  beforeAll(async () => {
    browser = await openBrowser(inject('baseUrl'));
    page = browser.page;
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  recordFailures('intel', () => page);
  afterAll(async () => {
    await browser?.close();
    expect(pageErrors).toEqual([]);
  });

  it('imports call records and a registry extract, merges the proposed pair and finds the path between two people through a company', async () => {
    await signIn('analyst.demo');
    await page
      .getByRole('link', { name: /Intelligence analysis/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: 'Intelligence analysis' }).waitFor();
    await expect.poll(() => page.getByRole('link', { name: 'Operation Testfall' }).count()).toBe(1);
    await page.getByLabel('Name').fill('Browser case');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.getByRole('heading', { level: 1, name: 'Browser case' }).waitFor();

    await page.getByRole('link', { name: 'Import' }).click();
    await importWith('calls.csv', 'demo-calls');
    await importWith('registry.csv', 'demo-registry');
    await screenshots(page, '80-intel-import');

    await page.getByRole('link', { name: 'Cross-reference' }).click();
    await page.getByLabel('Also against the watchlists').uncheck();
    await page.getByRole('button', { name: 'Cross-reference', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/pairs proposed/);
    const row = page.getByRole('row').filter({ hasText: 'John Specimen' }).filter({ hasText: 'JOHN SPECIMEN' });
    await row.getByRole('link').click();
    await page.getByRole('heading', { name: /The same\?/ }).waitFor();
    await screenshots(page, '81-intel-pair');
    await page.getByRole('button', { name: /Same \(merge\)/ }).click();
    await page.waitForURL(/\/xref(\/|$)/);

    const caseId = decodeURIComponent(/\/intel\/cases\/([^/]+)/.exec(page.url())![1]!);
    const idOf = (name: string) =>
      page.evaluate(
        async ([c, n]) => {
          const r = await fetch(`/api/intel/cases/${c}/entities?q=${encodeURIComponent(n!)}&links=false`);
          return ((await r.json()) as { items: { id: string }[] }).items[0]!.id;
        },
        [caseId, name],
      );
    const max = await idOf('MAX MUSTERMANN');
    const erika = await idOf('Erika Musterfrau');
    await page.getByRole('link', { name: 'Paths and export' }).click();
    await page.getByLabel('From', { exact: true }).fill(max);
    await page.getByLabel('To', { exact: true }).fill(erika);
    await page.getByRole('button', { name: 'Find path' }).click();
    const path = page.locator('.intel-path');
    await expect.poll(() => path.textContent()).toContain('TESTFIRMA ALPHA HOLDING GMBH');
    expect(await path.textContent()).toContain('Erika Musterfrau');
    await screenshots(page, '82-intel-path');

    // The path on the link chart: four entities (two people, the merged director, the company) and the links between them.
    await page.getByRole('button', { name: 'Show on the chart' }).first().click();
    await page.waitForURL(/\/chart(\?|$)/);
    const status = page.locator('.intel-chart__status');
    await expect.poll(() => status.textContent(), SLOW).toMatch(/^4 entities and \d+ links shown/);
    await page.locator('.intel-chart__canvas canvas').first().waitFor();
    // Sigma (WebGL) holds the four entities, the path selected.
    expect(await page.evaluate('window.__vigilChart.graph.order')).toBe(4);
    // Expanding the selected path adds neighbours; undo takes them off again, redo brings them back.
    await page.getByRole('button', { name: 'Expand', exact: true }).click();
    await expect.poll(async () => Number(/^(\d+) entities/.exec((await status.textContent()) ?? '')?.[1]), SLOW).toBeGreaterThan(4);
    const expanded = (await status.textContent())!;
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => status.textContent(), SLOW).toMatch(/^4 entities/);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => status.textContent(), SLOW).toBe(expanded);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => status.textContent(), SLOW).toMatch(/^4 entities/);
    await page.getByLabel('Chart name').fill('Path through the holding');
    await page.getByRole('button', { name: 'Save as new chart' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Chart Path through the holding saved.' }).count(), SLOW).toBe(1);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.waitForTimeout(500);
    await screenshots(page, '83-intel-chart');

    // Exports: an SVG naming the people on the path, and a PNG.
    const svgDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'SVG', exact: true }).click();
    const svg = readFileSync((await (await svgDownload).path())!, 'utf8');
    expect(svg).toMatch(/^<svg /);
    expect(svg).toContain('Erika Musterfrau');
    expect(svg.match(/<circle /g)).toHaveLength(4);
    const pngDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PNG', exact: true }).click();
    const png = readFileSync((await (await pngDownload).path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');

    // The saved chart reopens after the chart was cleared and the page reloaded.
    await page.getByRole('button', { name: 'Clear chart' }).click();
    await expect.poll(() => status.textContent(), SLOW).toMatch(/^0 entities/);
    await page.goto(page.url().replace(/\?.*$/, ''));
    await page.getByRole('button', { name: 'Path through the holding', exact: true }).click();
    await expect.poll(() => status.textContent(), SLOW).toMatch(/^4 entities and \d+ links shown · Path through the holding/);
    await page.waitForTimeout(500);
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshots(page, '84-intel-chart-reopened');

    // Panning: a drag on empty stage carries the chart with the pointer (during the drag too, where the picture is shown),
    // the click that ends it selects nothing and clears nothing, and a click on an entity afterwards still finds it.
    await page.locator('.intel-chart__canvas canvas').first().scrollIntoViewIfNeeded();
    const selectedText = page.locator('.intel-chart p.small').filter({ hasText: / selected$/ });
    /** Where entity `key` is on screen: where the camera puts it, shifted as sigma's layers are shifted. */
    const onScreen = (key: string): Promise<{ x: number; y: number }> =>
      page.evaluate(`(() => {
        const r = window.__vigilChart;
        const p = r.sigma.graphToViewport(r.graph.getNodeAttributes(${JSON.stringify(key)}));
        const box = r.sigma.getCanvases().mouse.getBoundingClientRect();
        const shift = new DOMMatrixReadOnly(getComputedStyle(r.sigma.getCanvases().nodes).transform);
        return { x: box.left + p.x + shift.m41, y: box.top + p.y + shift.m42 };
      })()`);
    const keys: string[] = await page.evaluate('window.__vigilChart.graph.nodes()');
    const before = await Promise.all(keys.map(onScreen));
    await page.mouse.click(before[0]!.x, before[0]!.y);
    await expect.poll(() => selectedText.textContent()).toBe('1 selected');
    const stage = (await page.locator('.intel-chart__canvas').boundingBox())!;
    // A point of empty stage: the one farthest from every entity on a grid over the chart.
    let grip = { x: 0, y: 0, d: -1 };
    for (let gx = stage.x + 20; gx < stage.x + stage.width - 150; gx += 20)
      for (let gy = stage.y + 20; gy < stage.y + stage.height - 80; gy += 20) {
        const d = Math.min(...before.map((p) => Math.hypot(p.x - gx, p.y - gy)));
        if (d > grip.d) grip = { x: gx, y: gy, d };
      }
    expect(grip.d).toBeGreaterThan(30);
    await page.mouse.move(grip.x, grip.y);
    await page.mouse.down();
    await page.mouse.move(grip.x + 120, grip.y + 60, { steps: 8 });
    const during = await Promise.all(keys.map(onScreen));
    // Still before letting go (no glide after the drag), then the chart is drawn where the drag took it.
    await page.waitForTimeout(300);
    await page.mouse.up();
    await expect.poll(() => page.evaluate('window.__vigilChart.sigma.getCamera().isAnimated()')).toBe(false);
    const after = await Promise.all(keys.map(onScreen));
    for (const [i, p] of before.entries()) {
      for (const q of [during[i]!, after[i]!]) {
        expect(Math.abs(q.x - p.x - 120)).toBeLessThan(1.5);
        expect(Math.abs(q.y - p.y - 60)).toBeLessThan(1.5);
      }
    }
    expect(await page.evaluate('getComputedStyle(window.__vigilChart.sigma.getCanvases().nodes).transform')).toBe('none');
    expect(await selectedText.textContent()).toBe('1 selected');
    // Another entity, the one the drag left deepest inside the chart.
    const inside = (q: { x: number; y: number }) => Math.min(q.x - stage.x, stage.x + stage.width - q.x, q.y - stage.y, stage.y + stage.height - q.y);
    const other = after.slice(1).reduce((best, q) => (inside(q) > inside(best) ? q : best));
    expect(inside(other)).toBeGreaterThan(20);
    // Sigma counts the click that ends a drag towards a double click (which expands): a moment before the next one.
    await page.waitForTimeout(500);
    await page.keyboard.down('Shift');
    await page.mouse.click(other.x, other.y);
    await page.keyboard.up('Shift');
    await expect.poll(() => selectedText.textContent()).toBe('2 selected');
  });

  it('hides the case from a user who is not a member', async () => {
    await signIn('supervisor.demo');
    await page.goto('/intel');
    await page.getByRole('heading', { level: 1, name: 'Intelligence analysis' }).waitFor();
    expect(await page.getByRole('link', { name: 'Browser case' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Operation Testfall' }).count()).toBe(0);
  });
});
