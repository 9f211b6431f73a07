// The documents screens end to end: an officer scans MRZs (keyboard wedge, paste), reads verdicts, uses a corrected reading,
// follows a holder hit to the listed entity; an administrator imports and searches the lost and stolen registry.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshots, type Browser, recordFailures, signIn as signInAs } from './support/browser.js';
import { DEMO_MRZ } from '../../src/modules/documents/lost/demo.js';

let browser: Browser;
let page: Page;
let workDir = '';
const pageErrors: string[] = [];

const signIn = (username: string) => signInAs(page, username);

const box = () => page.getByLabel('Machine-readable zone (MRZ)');
const verdict = () => page.locator('[data-verdict]');

/** What a keyboard-wedge scanner sends: each line's characters, then Enter. */
async function scan(lines: readonly string[]): Promise<void> {
  await box().focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  for (const line of lines) {
    await page.keyboard.type(line, { delay: 0 });
    await page.keyboard.press('Enter');
  }
}

describe('documents screens', () => {
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'vigil-e2e-documents-'));
    browser = await openBrowser(inject('baseUrl'));
    page = browser.page;
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  recordFailures('documents', () => page);

  afterAll(async () => {
    await browser?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('offers the Document check under Border security on the officer home screen', async () => {
    await signIn('officer.demo');
    await page.locator('section[data-area="border-security"] [data-tool="documents"]').click();
    await page.waitForURL('**/documents');
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    await expect(box().evaluate((el) => el.matches(':focus'))).resolves.toBe(true);
    // Officers check documents; the registry and certificates are for readers.
    await expect(page.getByRole('link', { name: 'Lost and stolen' }).count()).resolves.toBe(0);
  });

  it('checks a scanned MRZ as soon as its last line arrives: a stolen passport is STOP', async () => {
    await scan(DEMO_MRZ.stolen);
    await expect.poll(() => verdict().getAttribute('data-verdict')).toBe('stop');
    await page.getByRole('heading', { level: 2, name: 'Stop' }).waitFor();
    await expect(verdict().textContent()).resolves.toContain('Reported stolen on 2025-11-02');
    await expect(page.locator('[data-lost="exact"]').textContent()).resolves.toContain('X00481527');
    // The box keeps the MRZ, selected, so the next scan replaces it.
    const selected = await box().evaluate((el) => {
      const area = el as unknown as { selectionStart: number; selectionEnd: number };
      return area.selectionEnd - area.selectionStart;
    });
    expect(selected).toBeGreaterThan(80);
    await screenshots(page, '60-document-stop');
  });

  it('marks a misread number in place, finds the stolen document fuzzily, and uses the corrected reading on request', async () => {
    await scan(DEMO_MRZ.misread);
    await expect.poll(() => verdict().getAttribute('data-verdict')).toBe('attention');
    await expect(page.locator('[data-lost="fuzzy"]').textContent()).resolves.toContain('Near match');
    const row = page.locator('tr[data-field="documentNumberCheckDigit"]');
    await expect(row.getAttribute('class')).resolves.toContain('row--problem');
    await expect(row.textContent()).resolves.toContain('line 2, column 10');
    await expect(page.locator('mark[data-line="2"][data-column="3"]').textContent()).resolves.toBe('O');
    await screenshots(page, '61-document-misread');
    await page.getByRole('button', { name: 'Use corrected reading' }).click();
    await expect.poll(() => verdict().getAttribute('data-verdict')).toBe('stop');
    await expect(box().inputValue()).resolves.toBe(DEMO_MRZ.stolen.join('\n'));
  });

  it('links a listed holder to the entity page', async () => {
    await box().fill(DEMO_MRZ.listedHolder.join('\n'));
    await page.getByRole('button', { name: 'Check document' }).click();
    await page.locator('[data-holder-matches="1"]').waitFor();
    await expect.poll(() => verdict().getAttribute('data-verdict')).toBe('stop');
    await screenshots(page, '62-document-holder');
    await page.locator('[data-holder-matches="1"]').getByRole('link', { name: 'Testperson Quuxley' }).click();
    await page.waitForURL('**/entities/**');
    await page.getByRole('heading', { level: 1, name: 'Testperson Quuxley' }).waitFor();
    await page.goBack();
  });

  it('clears a clean document pasted in one go', async () => {
    await page.waitForURL('**/documents');
    await box().focus();
    // A paste event as the browser sends it (the system clipboard is not reachable headless).
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/plain', ${JSON.stringify(DEMO_MRZ.clear.join('\n'))});
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    await expect.poll(() => verdict().getAttribute('data-verdict')).toBe('clear');
    await page.getByRole('heading', { level: 2, name: 'Clear' }).waitFor();
    await screenshots(page, '63-document-clear');
  });

  it('lets an administrator import reports, see the new version and search it with OCR tolerance', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await signIn('admin');
    await page.goto('/documents/registry');
    await page.getByRole('heading', { level: 2, name: 'Registry versions' }).waitFor();
    const bad = join(workDir, 'bad.csv');
    writeFileSync(bad, 'issuingCountry,documentType,documentNumber,status,reportedOn\nITA,P,YC0000003,misplaced,2025-10-01\n');
    await page.getByLabel('File', { exact: true }).first().setInputFiles(bad);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('list', { name: 'Problems in the file' }).textContent()).resolves.toContain('Line 2, column 17 (status)');
    const good = join(workDir, 'more.jsonl');
    writeFileSync(good, '{"issuingCountry":"ITA","documentType":"P","documentNumber":"YC0000003","status":"stolen","reportedOn":"2025-10-01"}\n');
    await page.getByLabel('File', { exact: true }).first().setInputFiles(good);
    await page.getByLabel('The file', { exact: true }).selectOption('add');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Version 2 imported' }).waitFor();
    await expect.poll(() => page.locator('table').first().locator('tbody tr').count()).toBe(2);
    await page.getByLabel('Document number').fill('YCOOOOOO3');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/[?&]number=YCOOOOOO3/);
    const rows = page.getByRole('region', { name: 'Search the registry' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.first().textContent()).resolves.toMatch(/YC0000003.*Near match/);
    await screenshots(page, '64-documents-registry');
  });

  it('shows the certificates tab', async () => {
    await page.getByRole('navigation', { name: 'Documents sections' }).getByRole('link', { name: 'Certificates' }).click();
    await page.waitForURL('**/documents/certificates');
    await page.getByRole('heading', { level: 2, name: 'Trusted CSCA certificates' }).waitFor();
    await screenshots(page, '65-documents-certificates');
  });

  it('raised no script errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
