// The watchlists screens end to end: the demo UN list, a second version imported beside the server, activation, diff, entity page.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshots, type Browser, recordFailures, signIn as signInAs } from './support/browser.js';
import { ROOT } from './support/env.js';

const run = promisify(execFile);
/** A UN-listed person whose original-script (Arabic) name the list gives beside the Latin one. */
const PERSON = { id: 'un-IQi.001', latin: 'SADDAM HUSSEIN AL-TIKRITI', arabic: 'صدام حسين التكريتي' };
const CHANGED = 3;

let browser: Browser;
let page: Page;
let workDir = '';
const pageErrors: string[] = [];

/** Imports a copy of the demo UN list with CHANGED entries' comments edited, as version 2, without activating it. */
async function importSecondVersion(): Promise<void> {
  workDir = mkdtempSync(join(tmpdir(), 'vigil-e2e-lists-'));
  let edited = 0;
  const xml = readFileSync(join(ROOT, 'demo/watchlists/UN_consolidated.xml'), 'utf8').replace(/<\/COMMENTS1>/g, (end) =>
    edited++ < CHANGED ? ` Reviewed by Testperson Quuxley.${end}` : end,
  );
  expect(edited).toBeGreaterThan(CHANGED);
  const file = join(workDir, 'UN_consolidated.xml');
  writeFileSync(file, xml);
  const { stdout } = await run(process.execPath, [inject('cli'), 'lists', 'import', '--list', 'un', '--format', 'un', '--no-activate', '--json', file], {
    cwd: ROOT,
    env: { ...process.env, VIGIL_DATA_DIR: inject('dataDir'), VIGIL_DATABASE_URL: '', VIGIL_NATS_URL: '', VIGIL_LOG_LEVEL: 'warn' },
  });
  expect(stdout).toMatch(/"version":\s*2/);
}

const signIn = (username: string) => signInAs(page, username);

/** The text of a row's cell under the column headed `header`. */
async function cellUnder(table: ReturnType<Page['locator']>, rowSelector: string, header: string): Promise<string> {
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
  const index = headers.indexOf(header);
  expect(index, `column ${header} among ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return ((await table.locator(`tbody tr:has(${rowSelector}) > td`).nth(index).textContent()) ?? '').trim();
}

describe('watchlists screens', () => {
  beforeAll(async () => {
    await importSecondVersion();
    browser = await openBrowser(inject('baseUrl'));
    page = browser.page;
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  recordFailures('lists', () => page);

  afterAll(async () => {
    await browser?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('offers Watchlists under Counter-terrorism on the home screen', async () => {
    await signIn('admin');
    await page.locator('section[data-area="counter-terrorism"] [data-tool="watchlists"]').click();
    await page.waitForURL('**/lists');
    await page.getByRole('heading', { level: 1, name: 'Watchlists' }).waitFor();
  });

  it('shows the un list with 730 persons and 273 organisations in its active version', async () => {
    const table = page.locator('table');
    await table.locator('[data-list="un"]').waitFor();
    expect(await cellUnder(table, '[data-list="un"]', 'Person')).toBe('730');
    expect(await cellUnder(table, '[data-list="un"]', 'Organization')).toBe('273');
    expect(await cellUnder(table, '[data-list="un"]', 'Total')).toBe('1,003');
    expect(await cellUnder(table, '[data-list="un"]', 'Active version')).toMatch(/^v1/);
    await screenshots(page, '20-lists');
  });

  it('lists the versions newest first and activates version 2 after confirmation', async () => {
    await page.locator('[data-list="un"]').click();
    await page.waitForURL('**/lists/un/versions');
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await expect(rows.first().locator('td').first().textContent()).resolves.toMatch(/^v2/);
    await expect(rows.nth(1).textContent()).resolves.toContain('Active');
    // The full SHA-256 is on hover, the short form in the cell.
    await expect(rows.first().locator('code[title]').getAttribute('title')).resolves.toMatch(/^[0-9a-f]{64}$/);
    await screenshots(page, '21-list-versions');

    await page.getByRole('button', { name: 'Activate v2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Activate version' });
    await expect(dialog.textContent()).resolves.toContain('in place of v1');
    await screenshots(page, '22-list-activate');
    await dialog.getByRole('button', { name: 'Activate' }).click();
    await page.getByRole('status').filter({ hasText: 'v2 of UN Security Council Consolidated List is now the active version.' }).waitFor();
    await page.getByRole('button', { name: 'Roll back to v1' }).waitFor();
    await expect(rows.first().textContent()).resolves.toContain('Active');
  });

  it('shows the changes between the active version and the one before it', async () => {
    await page.getByRole('navigation', { name: 'List sections' }).getByRole('link', { name: 'Changes' }).click();
    await page.waitForURL('**/lists/un/changes');
    await expect(page.getByLabel('From version').inputValue()).resolves.toBe('1');
    await expect(page.getByLabel('To version').inputValue()).resolves.toBe('2');
    const changed = page.locator('[data-diff="changed"]');
    await expect.poll(() => changed.locator('tbody tr').count()).toBe(CHANGED);
    await expect(changed.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(new RegExp(`Changed\\s*${CHANGED}`));
    for (const tags of await changed.locator('tbody tr td:last-child').allTextContents()) expect(tags).toContain('Notes');
    await page.locator('[data-diff="added"]').getByText('No entity was added.').waitFor();
    await page.locator('[data-diff="removed"]').getByText('No entity was removed.').waitFor();
    await screenshots(page, '23-list-changes');
  });

  it('searches the entities of the list, keeping search and schema in the URL', async () => {
    await page.getByRole('navigation', { name: 'List sections' }).getByRole('link', { name: 'Entities' }).click();
    await page.waitForURL('**/lists/un/entities');
    await page.getByText('1–50 of 1,003').waitFor();
    await page.getByLabel('Type').selectOption('Organization');
    await page.waitForURL(/[?&]schema=Organization/);
    await page.getByText('1–50 of 273').waitFor();
    await page.getByLabel('Type').selectOption('');
    await page.getByLabel('Search names').fill('saddam hussein');
    await page.waitForURL(/[?&]q=saddam\+hussein/);
    await page.getByRole('link', { name: PERSON.latin, exact: true }).waitFor();
    await screenshots(page, '24-list-entities');
  });

  it('shows the Arabic original-script name right-to-left beside the Latin name', async () => {
    await page.getByRole('link', { name: PERSON.latin, exact: true }).click();
    await page.waitForURL(`**/entities/${PERSON.id}?list=un`);
    await page.getByRole('heading', { level: 1, name: PERSON.latin }).waitFor();
    const names = page.locator('#sec-names table');
    const arabic = names.locator('bdi[dir="auto"]', { hasText: PERSON.arabic });
    const latin = names.locator('bdi[dir="auto"]', { hasText: PERSON.latin });
    await arabic.waitFor();
    await expect(arabic.evaluate((el) => el.matches(':dir(rtl)'))).resolves.toBe(true);
    await expect(latin.evaluate((el) => el.matches(':dir(ltr)'))).resolves.toBe(true);
    await expect(arabic.getAttribute('lang')).resolves.toBe('und-Arab');
    await expect(names.locator('tbody tr').filter({ hasText: PERSON.arabic }).textContent()).resolves.toContain('Arabic');
    await page.locator('#sec-sanctions').getByText('Iraq').first().waitFor();
    await page.locator('#sec-lists').getByText('In the active version').waitFor();
    await screenshots(page, '25-entity');
  });

  it('lets an officer read the lists but not activate or roll back a version', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await signIn('officer.demo');
    await page.locator('section[data-area="counter-terrorism"] [data-tool="watchlists"]').click();
    await page.locator('[data-list="un"]').click();
    await page.waitForURL('**/lists/un/versions');
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(2);
    await page.getByRole('link', { name: 'Browse the entities of v1' }).waitFor();
    await expect(page.getByRole('button', { name: /^(Activate|Roll back)/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Fetch now' }).count()).resolves.toBe(0);
    await screenshots(page, '26-list-versions-officer');
  });

  it('raised no script errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
