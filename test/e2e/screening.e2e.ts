// The screening and alert screens end to end on the demo UN list: one name explained, a batch file downloaded, alerts reviewed by keyboard.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshots, type Browser, recordFailures, signIn as signInAs } from './support/browser.js';

/** A UN-listed person (IQi.002 in the demo list), queried in Arabic script and in another romanisation. */
const LISTED = { caption: /IZZAT IBRAHIM AL-DURI/i, arabic: 'عزت ابراهيم الدوري', latin: 'Izzat Ibrahim al-Douri' };

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const signIn = (username: string) => signInAs(page, username);

/** Calls the API with the signed-in session (cookie and CSRF token), as the workbench does. */
async function apiPost(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ([u, b]) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const res = await fetch(u as string, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify(b),
      });
      return { status: res.status, json: (await res.json()) as unknown };
    },
    [url, body] as const,
  );
}

describe('screening and alert review screens', () => {
  beforeAll(async () => {
    browser = await openBrowser(inject('baseUrl'));
    page = browser.page;
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  recordFailures('screening', () => page);

  afterAll(async () => {
    await browser?.close();
  });

  it('screens a listed name written in Arabic and shows the match with its explanation', async () => {
    await signIn('officer.demo');
    await page.goto('/screening');
    await page.getByRole('heading', { level: 1, name: 'Screening' }).waitFor();
    const name = page.getByLabel('Name', { exact: true });
    await expect(name.getAttribute('dir')).resolves.toBe('auto');
    await name.fill(LISTED.arabic);
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    const first = page.locator('.match').first();
    await first.getByRole('link', { name: LISTED.caption }).waitFor();
    await expect(first.locator('.score__value').textContent()).resolves.toMatch(/^0\.\d\d|^1\.00$/);
    const why = first.getByRole('table', { name: /Explanation of the score/ });
    await why.waitFor();
    expect(await why.locator('tbody tr').count()).toBeGreaterThan(2);
    await expect(why.locator('tbody').textContent()).resolves.toMatch(/Name similarity|Compared through romanisation/);
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshots(page, '40-screening-one');

    await name.fill(LISTED.latin);
    await page.getByLabel('Birth date').fill('1942');
    await page.getByLabel('Nationality').fill('Iraq');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    await page.locator('.match').first().getByRole('link', { name: LISTED.caption }).waitFor();
    await expect(page.locator('.match').first().locator('[data-feature^="birthDate"]').count()).resolves.toBeGreaterThan(0);

    await page.getByLabel('Birth date').fill('1942-13-45');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    await page
      .locator('.field__error')
      .filter({ hasText: /not an ISO 8601 date/ })
      .waitFor();
    await page.getByLabel('Birth date').fill('');
    await name.fill('Erika Musterfrau');
    await page.getByRole('button', { name: 'Screen', exact: true }).click();
    await page.getByTestId('no-matches').waitFor();
  });

  it('screens a batch file, shows a rejected line with its number, and downloads the results as NDJSON and CSV', async () => {
    await page.getByRole('link', { name: 'Batch file' }).click();
    await page.waitForURL('**/screening/batch');
    const ndjson = [
      JSON.stringify({ id: 'q1', name: LISTED.latin, nationality: 'IQ' }),
      '',
      JSON.stringify({ id: 'q2', name: '' }),
      JSON.stringify({ id: 'q3', name: 'Erika Musterfrau' }),
      '{not json',
    ].join('\n');
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'travellers.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(ndjson) });
    await page.getByRole('button', { name: 'Screen file' }).click();
    await page.getByText('Done: 4 queries answered.').waitFor();
    const rows = page.locator('.batch-table tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    await expect(page.locator('tr[data-line="1"]').textContent()).resolves.toMatch(/IZZAT IBRAHIM AL-DURI/i);
    await expect(page.locator('tr[data-line="3"]').textContent()).resolves.toMatch(/line 3: .*name/);
    await expect(page.locator('tr[data-line="4"]').textContent()).resolves.toMatch(/No match/);
    await expect(page.locator('tr[data-line="5"]').textContent()).resolves.toMatch(/line 5: not JSON/);
    await screenshots(page, '41-screening-batch');

    const [nd] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download NDJSON' }).click()]);
    expect(nd.suggestedFilename()).toBe('travellers-results.ndjson');
    const lines = readFileSync((await nd.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(lines).toHaveLength(4);
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: 'q1', matches: [expect.objectContaining({ caption: expect.stringMatching(LISTED.caption) })] });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toBe('\ufeffline,id,rank,entityId,caption,schema,lists,score,explanation,error');
    expect(text).toMatch(/\r\n1,q1,1,[^,]+,IZZAT IBRAHIM AL-DURI/i);
    expect(text).toMatch(/\r\n3,q2,.*line 3:/);

    // The same queries as CSV, as `vigil screen --input F.csv` takes them.
    const csvIn = 'id,name,nationality\r\nc1,"Izzat Ibrahim al-Douri",Iraq\r\nc2,,\r\n';
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from(csvIn) });
    await page.getByRole('button', { name: 'Screen file' }).click();
    await page.getByText('Done: 2 queries answered.').waitFor();
    await expect(page.locator('tr[data-line="2"]').textContent()).resolves.toMatch(/IZZAT IBRAHIM AL-DURI/i);
    await expect(page.locator('tr[data-line="3"]').textContent()).resolves.toMatch(/line 3:/);
  });

  let first = '';

  it('reviews alerts with the keyboard: help, false positive, next and previous, a confirmation pending a second person', async () => {
    await signIn('analyst.demo');
    for (const subject of [
      { id: 'case-101', name: LISTED.latin, nationality: 'Iraq' },
      { id: 'case-102', name: 'Saddam Hussein al-Tikriti', birthDate: '1937' },
      { id: 'case-103', name: 'Gaston Iyamuremye' },
      { id: 'case-104', name: 'Jerome Kakwavu Bukande' },
    ]) {
      const r = await apiPost('/api/screening/subjects', subject);
      expect(r.status, JSON.stringify(r.json)).toBe(201);
    }
    await signIn('officer.demo');
    await page.goto('/alerts');
    await page.getByRole('heading', { level: 1, name: 'Alerts' }).waitFor();
    const queue = page.locator('table.queue tbody tr[data-alert]');
    await expect.poll(() => queue.count()).toBeGreaterThanOrEqual(4);
    await screenshots(page, '42-alerts-queue');

    await page.getByRole('button', { name: 'Start reviewing' }).click();
    await page.waitForURL(/\/alerts\/[^/]+$/);
    first = page.url();
    await page.getByRole('table', { name: 'Subject and candidate, field by field' }).waitFor();
    await page.locator('tr[data-field="name"]').waitFor();
    await page.getByText('List versions').waitFor();
    await screenshots(page, '43-alert-review');

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Next undecided alert').waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    await page.keyboard.press('f');
    await expect(page.getByLabel('False positive').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Reason').inputValue()).resolves.toBe('different-person');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.toString() !== first);
    await page.getByText('Marked as a false positive.').waitFor();
    const second = page.url();

    await page.keyboard.press('k');
    await page.waitForURL(first);
    await page.getByRole('heading', { name: 'Decided' }).waitFor();
    await page.getByText('Different person', { exact: false }).or(page.locator('.decisions__item')).first().waitFor();
    await page.keyboard.press('j');
    await page.waitForURL((u) => u.toString() !== first);
    expect(page.url()).toBe(second);
    await page.getByRole('button', { name: 'Record decision' }).waitFor();

    await page.keyboard.press('c');
    await page.keyboard.press('Enter');
    await page.getByText('Your confirmation is recorded; a second person must complete it.').waitFor();
    await page.goto(second);
    await page.getByText('You confirmed this match.').waitFor();
    await expect(page.getByLabel(/Confirmed match/).isDisabled()).resolves.toBe(true);
    await screenshots(page, '44-alert-pending');
    first = second;
  });

  it('lets a second person complete the confirmation, and resumes after the last decided alert', async () => {
    await signIn('supervisor.demo');
    await page.goto(first);
    await page.getByText(/confirmed this match\. As the second person/).waitFor();
    await page.keyboard.press('c');
    await expect(page.getByLabel('Complete the confirmation').isChecked()).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.toString() !== first);
    await page.getByText('Match confirmed by two people.').waitFor();
    const next = page.url();
    await page.goto(first);
    await page.getByRole('heading', { name: 'Decided' }).waitFor();
    await expect(page.locator('.decisions__item').count()).resolves.toBe(2);
    await screenshots(page, '45-alert-confirmed');

    await page.goto('/alerts');
    await page.getByRole('button', { name: 'Resume where you left off' }).click();
    await page.waitForURL(next);

    // Every open alert of this candidate at once (false positive or escalation only; confirming stays one by one).
    await page.getByRole('button', { name: 'Record decision' }).waitFor();
    await page.keyboard.press('b');
    const bulk = page.getByRole('dialog', { name: 'Decide all open alerts of one candidate' });
    await bulk.getByRole('button', { name: 'Decide 1 alert' }).click();
    await bulk.getByText('1 alert decided.').waitFor();
    await bulk.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('heading', { name: 'Decided' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
