// Intelligence analysis end to end: a case opened, call records and a registry extract imported, a proposed merge accepted, the path found.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshots, type Browser, recordFailures } from './support/browser.js';
import { ADMIN_PASSWORD, ROOT } from './support/env.js';

const DEMO = join(ROOT, 'src/modules/intel/demo');
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

async function signIn(username: string): Promise<void> {
  await page.goto('/');
  const signOut = page.getByRole('banner').getByRole('button', { name: 'Sign out' });
  await signOut.or(page.getByLabel('User name')).first().waitFor();
  if (await signOut.isVisible()) await signOut.click();
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
}

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
  });

  it('hides the case from a user who is not a member', async () => {
    await signIn('supervisor.demo');
    await page.goto('/intel');
    await page.getByRole('heading', { level: 1, name: 'Intelligence analysis' }).waitFor();
    expect(await page.getByRole('link', { name: 'Browser case' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Operation Testfall' }).count()).toBe(0);
  });
});
