// The threat-intelligence screens end to end: the demo STIX objects browsed with filters in the URL, one object with its
// relationships, a collection added and a partner granted rights on it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshots, type Browser, recordFailures, signIn } from './support/browser.js';
import { ADMIN_PASSWORD } from './support/env.js';

const SHOTS = process.env.VIGIL_E2E_SHOTS ?? '/tmp/shots';
const INDICATOR = 'indicator--c43a0a05-e8d2-4f64-ae37-3f3fb153f8d9';

const TLP2 = {
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
};
const MARKED = Object.entries(TLP2).map(([level, marking], i) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--30000000-0000-4000-8000-00000000000${i}`,
  created: '2026-11-01T00:00:00.000Z',
  modified: '2026-11-01T00:00:00.000Z',
  name: `Wallet of Testperson Alpha (${level})`,
  pattern: `[cryptocurrency-wallet:address = 'bc1qtestpersonalpha0000${i}']`,
  pattern_type: 'stix',
  valid_from: '2026-11-01T00:00:00Z',
  object_marking_refs: [marking],
}));

/** A computed style property of an element (runs in the page). */
const style = (e: unknown, property: string): string =>
  (globalThis as unknown as { getComputedStyle(el: unknown): Record<string, string> }).getComputedStyle(e)[property]!;

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  const height = await page.locator('main').evaluate((main) => Math.max(800, Math.min(4000, main.scrollHeight + 80)));
  await page.setViewportSize({ width: 1280, height });
  await page.screenshot({ path: join(SHOTS, `taxii-${name}.png`), animations: 'disabled' });
  await screenshots(page, `70-taxii-${name}`);
}

describe('threat-intelligence screens', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await openBrowser(inject('baseUrl'));
    page = browser.page;
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  recordFailures('taxii', () => page);

  afterAll(async () => {
    await browser?.close();
  });

  it('browses the demo STIX objects with filters kept in the URL', async () => {
    await signIn(page, 'admin');

    // Three marked indicators posted over TAXII (HTTP Basic as the administrator), shown first with their TLP labels.
    const accepted = await page.evaluate(
      async ({ password, objects }) => {
        const auth = `Basic ${btoa(`admin:${password}`)}`;
        const taxii = 'application/taxii+json;version=2.1';
        const list = (await (await fetch('/taxii2/default/collections/', { headers: { accept: taxii, authorization: auth } })).json()) as {
          collections: { id: string; alias?: string }[];
        };
        const demo = list.collections.find((c) => c.alias === 'demo')!;
        const res = await fetch(`/taxii2/default/collections/${demo.id}/objects/`, {
          method: 'POST',
          headers: { accept: taxii, 'content-type': taxii, authorization: auth },
          body: JSON.stringify({ objects }),
        });
        return ((await res.json()) as { success_count: number }).success_count;
      },
      { password: ADMIN_PASSWORD, objects: MARKED },
    );
    expect(accepted).toBe(3);

    await page.locator('[data-tool="taxii"]').first().click();
    await page.getByRole('heading', { level: 1, name: 'Threat intelligence' }).waitFor();
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(50);
    expect(await rows.nth(0).locator('.tlp').textContent()).toBe('TLP:GREEN');
    expect(await rows.nth(1).locator('.tlp').textContent()).toBe('TLP:AMBER+STRICT');
    expect(await rows.nth(2).locator('.tlp').textContent()).toBe('TLP:RED');
    // FIRST TLP 2.0 colours on black: RED 255,43,43; AMBER 255,192,0; GREEN 51,255,0.
    expect(await rows.nth(2).locator('.tlp').evaluate(style, 'color')).toBe('rgb(255, 43, 43)');
    expect(await rows.nth(1).locator('.tlp').evaluate(style, 'color')).toBe('rgb(255, 192, 0)');
    expect(await rows.nth(0).locator('.tlp').evaluate(style, 'color')).toBe('rgb(51, 255, 0)');
    await shot('objects');

    await page.getByLabel('Type', { exact: true }).selectOption('attack-pattern');
    await page.waitForURL(/\/taxii(\/objects)?\?type=attack-pattern$/);
    await expect.poll(async () => (await page.locator('table tbody tr td:nth-child(2)').allTextContents()).every((t) => t === 'attack-pattern')).toBe(true);
    await page.getByLabel('Search').fill('Operation Omega');
    await page.waitForURL(/q=Operation\+Omega/);
    await expect.poll(() => page.locator('.table-empty').count()).toBe(1);

    // The URL alone restores the filters.
    await page.goto('/taxii/objects?q=test_name&type=indicator');
    await expect.poll(() => page.getByLabel('Search').inputValue()).toBe('test_name');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.getByLabel('Type', { exact: true }).inputValue()).toBe('indicator');
  });

  it('opens an object with its properties, TLP, versions and relationships as a list and a graph', async () => {
    await page.getByRole('link', { name: 'test_name' }).click();
    await page.waitForURL(`**/taxii/objects/${INDICATOR}**`);
    await page.getByRole('heading', { level: 2, name: 'test_name' }).waitFor();
    const tlp = page.locator('.taxii-object__head .tlp');
    expect(await tlp.textContent()).toBe('TLP:CLEAR');
    expect(await tlp.evaluate(style, 'backgroundColor')).toBe('rgb(0, 0, 0)');
    await page.getByRole('heading', { name: 'Relationships (1)' }).waitFor();
    const rel = page.locator('table', { has: page.getByRole('columnheader', { name: 'Other end' }) }).locator('tbody tr');
    expect(await rel.count()).toBe(1);
    expect(await rel.first().textContent()).toContain('indicates');
    expect(await rel.first().textContent()).toContain('Operation Omega');
    expect(await page.locator('.taxii-graph svg .taxii-graph__node').count()).toBe(1);
    await page.getByRole('heading', { name: 'Versions (1)' }).waitFor();
    await shot('object');

    // Follow the relationship to the campaign: it points back in.
    await rel.first().getByRole('link', { name: 'Operation Omega' }).click();
    await page.getByRole('heading', { level: 2, name: 'Operation Omega' }).waitFor();
    expect(await page.locator('table tbody tr', { hasText: 'test_name' }).first().textContent()).toContain('→ This object');

    // A richer object of ATT&CK for ICS: the mitigation with the most relationships.
    await page.goto('/taxii/objects?type=course-of-action&q=Network+Segmentation');
    await page.getByRole('link', { name: 'Network Segmentation' }).click();
    await page.getByRole('heading', { level: 2, name: 'Network Segmentation' }).waitFor();
    await expect.poll(() => page.locator('.taxii-graph svg .taxii-graph__node').count()).toBe(10);
    await shot('object-attack');
  });

  it('adds a collection and grants a partner rights on it', async () => {
    await page.getByRole('link', { name: 'Collections' }).click();
    await page.waitForURL('**/taxii/collections');
    await page.getByLabel('Title').fill('Ransomware payment wallets');
    await page.getByLabel('Alias').fill('wallets');
    await page.getByRole('button', { name: 'Create collection' }).click();
    await page.getByText('Collection "Ransomware payment wallets" created.').waitFor();
    const row = page.locator('table tbody tr', { hasText: 'Ransomware payment wallets' });
    await row.waitFor();
    expect(await row.textContent()).toContain('wallets');
    await shot('collections');

    // A partner organisation to grant rights to.
    const status = await page.evaluate(async () => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const res = await fetch('/api/admin/orgs', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ name: 'Partner CERT Specimenland', kind: 'partner' }),
      });
      return res.status;
    });
    expect([201, 409]).toContain(status);

    await page.getByRole('link', { name: 'Partners' }).click();
    await page.waitForURL('**/taxii/partners');
    const form = page.locator('form', { has: page.getByRole('button', { name: 'Grant' }) });
    await form.getByRole('combobox', { name: 'Organisation' }).selectOption({ label: 'Partner CERT Specimenland (partner)' });
    await form.getByRole('combobox', { name: 'Collection' }).selectOption({ label: 'Ransomware payment wallets' });
    await form.getByRole('checkbox', { name: 'write' }).check();
    await form.getByRole('combobox', { name: 'Highest TLP' }).selectOption('amber');
    await page.getByRole('button', { name: 'Grant' }).click();
    await page.getByText('Rights of Partner CERT Specimenland saved.').waitFor();
    const partner = page.locator('table tbody tr', { hasText: 'Partner CERT Specimenland' });
    expect(await partner.textContent()).toContain('Ransomware payment wallets: read, write');
    expect(await partner.locator('.tlp').textContent()).toBe('TLP:AMBER');
    await shot('partners');

    await page.getByRole('link', { name: 'Subscriptions' }).click();
    await page.getByRole('heading', { name: "Subscriptions to partners' collections" }).waitFor();
    await shot('subscriptions');
    // The posted wallets became threat observables, with their TLP.
    await page.getByRole('link', { name: 'Observables' }).click();
    await page.getByRole('combobox', { name: 'Kind' }).selectOption('wallet');
    const wallets = page.locator('table tbody tr', { hasText: 'bc1qtestpersonalpha' });
    await expect.poll(() => wallets.count(), { timeout: 20_000 }).toBe(3);
    expect(await page.locator('table tbody tr', { hasText: 'bc1qtestpersonalpha00000' }).locator('.tlp').textContent()).toBe('TLP:RED');
    await shot('observables');
    expect(pageErrors).toEqual([]);
  });
});
