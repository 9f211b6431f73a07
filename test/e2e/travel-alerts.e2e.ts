// Passenger alerts end to end: a listed traveller in a PAXLST alerts within seconds, the board shows the flight's open
// alerts, its queue opens the review, two people decide with the flight queue kept; the traveller's screening; the DPO's tabs.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type Browser, recordFailures, signIn as signInAs } from './support/browser.js';
import { ROOT } from './support/env.js';

/** Tomorrow (UTC): the flight departs within the next two days whenever the test runs, so its countdown runs. */
const DAY = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const YYMMDD = DAY.slice(2).replaceAll('-', '');
const FLIGHT = `LH4711-${DAY}`;
const SHOTS = process.env.VIGIL_E2E_SHOTS ?? '/tmp/shots';
/** Lufthansa's invented passenger list, moved to its own flight and interchange, whose first passenger becomes a person on the demo UN list. */
const LISTED = readFileSync(join(ROOT, 'src/modules/travel/fixtures/paxlst-passengers.edi'), 'latin1')
  // An interchange reference of its own: the demo data holds the fixture as sent (a resend would be a duplicate).
  .replace('+LH2612010930+', `+VT${YYMMDD}4711+`)
  .replaceAll('LH1234', 'LH4711')
  .replaceAll('20261201', `20${YYMMDD}`)
  .replaceAll('261201', YYMMDD)
  .replace('MUSTERFRAU:ERIKA', 'AL-DOURI:IZZAT IBRAHIM')
  .replace('DTM+329:800812', 'DTM+329:420701')
  .replace("NAT+2+DEU'", "NAT+2+IRQ'");

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];
let reviewUrl = '';

async function shot(name: string): Promise<void> {
  const height = await page.locator('main').evaluate((main) => Math.max(800, Math.min(4000, main.scrollHeight + 80)));
  await page.setViewportSize({ width: 1280, height });
  await page.screenshot({ path: join(SHOTS, `travel-alerts-${name}.png`), animations: 'disabled' });
}

const signIn = (username: string) => signInAs(page, username);

async function openAlerts(): Promise<Array<{ id: string; source: string; status: string; traveller: { name: string } }>> {
  return page.evaluate(async (fid) => {
    const res = await fetch(`/api/travel/alerts?flight=${fid}&open=true`);
    return ((await res.json()) as { items: Array<{ id: string; source: string; status: string; traveller: { name: string } }> }).items;
  }, FLIGHT);
}

describe('passenger alerts', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await openBrowser(inject('baseUrl'));
    page = browser.page;
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  recordFailures('travel-alerts', () => page);

  afterAll(async () => {
    await browser?.close();
  });

  it('screens a passenger list as it arrives: the listed traveller alerts, the invented ones do not', async () => {
    await signIn('admin');
    const status = await page.evaluate(async (text) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const res = await fetch('/api/travel/messages', { method: 'POST', headers: { 'content-type': 'text/plain', 'x-csrf-token': me.csrfToken }, body: text });
      return res.status;
    }, LISTED);
    expect(status).toBe(201);
    await expect.poll(async () => (await openAlerts()).filter((a) => a.source === 'watchlist').length, { timeout: 20_000 }).toBe(1);
    const alerts = await openAlerts();
    expect(alerts.find((a) => a.source === 'watchlist')!.traveller.name).toBe('AL-DOURI, IZZAT IBRAHIM');
    expect(alerts.filter((a) => a.traveller.name.includes('TESTPERSON'))).toEqual([]);
  });

  it('shows the open alerts per flight on the board, and only flights with open alerts on request', async () => {
    const open = (await openAlerts()).length;
    await page.goto(`/travel?date=${DAY}`);
    await page.getByRole('heading', { level: 1, name: 'Passenger data' }).waitFor();
    const badge = page.locator(`.alert-count[data-flight="${FLIGHT}"]`);
    await badge.waitFor();
    expect((await badge.textContent())?.trim()).toBe(String(open));
    await page.getByLabel('Only flights with open alerts').check();
    await page.waitForURL(/alerts=open/);
    const rows = page.locator('table tbody tr');
    await expect.poll(async () => (await rows.allTextContents()).some((r) => r.includes('LH4711'))).toBe(true);
    for (const r of await rows.all()) expect(await r.locator('.alert-count').count()).toBe(1);
    await shot('board');
  });

  it("opens the flight's alert queue, ordered by time to departure and score, with a countdown", async () => {
    await page.locator(`.alert-count[data-flight="${FLIGHT}"]`).click();
    await page.waitForURL(`**/travel/alerts?flight=${FLIGHT}`);
    expect(await page.locator('nav.tabs a[aria-current="page"]').textContent()).toBe('Alerts');
    const row = page.locator('table tbody tr', { hasText: 'AL-DOURI' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Watchlist');
    expect(await row.locator('time.countdown').textContent()).toMatch(/^in (\d+ d \d+ h|\d+ h \d{2} min|\d+ min)$/);
    const scores = (await page.locator('table tbody tr .score__value').allTextContents()).map(Number);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    await shot('queue');
  });

  it('opens the review from the queue, records a first confirmation, and returns to the flight queue', async () => {
    // An analyst decides (the administrator sees alerts but does not decide them).
    await signIn('analyst.demo');
    await page.goto(`/travel/alerts?flight=${FLIGHT}`);
    await page.locator('table tbody tr', { hasText: 'AL-DOURI' }).getByRole('link', { name: 'Review' }).click();
    await page.waitForURL(/\/alerts\/[^/?]+\?flight=/);
    reviewUrl = page.url();
    await page.getByRole('table', { name: 'Subject and candidate, field by field' }).waitFor();
    await page.locator('tr[data-field="name"]').waitFor();
    await page.getByRole('link', { name: `Back to the alert queue of ${FLIGHT}` }).waitFor();
    await shot('review');

    await page.getByRole('button', { name: 'Record decision' }).waitFor();
    await page.keyboard.press('c');
    await page.keyboard.press('Enter');
    await page.getByText('Your confirmation is recorded; a second person must complete it.').waitFor();
    expect(page.url()).toContain(`?flight=${FLIGHT}`);
    await page.getByRole('link', { name: `Back to the alert queue of ${FLIGHT}` }).click();
    await page.waitForURL(`**/travel/alerts?flight=${FLIGHT}`);
    await page.locator('table tbody tr', { hasText: 'AL-DOURI' }).getByText('Awaiting second person').waitFor();
  });

  it('lets a second person complete the confirmation; the decided alert leaves the open queue', async () => {
    await signIn('supervisor.demo');
    await page.goto(`/travel/alerts?flight=${FLIGHT}`);
    await page.locator('table tbody tr', { hasText: 'AL-DOURI' }).getByRole('link', { name: 'Review' }).click();
    await page.waitForURL(reviewUrl);
    await page.getByText(/confirmed this match\. As the second person/).waitFor();
    await page.keyboard.press('c');
    await expect(page.getByLabel('Complete the confirmation').isChecked()).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText('Match confirmed by two people.').waitFor();
    expect(page.url()).toContain(`?flight=${FLIGHT}`);
    await page.goto(`/travel/alerts?flight=${FLIGHT}`);
    await page.locator('table tbody tr').first().waitFor();
    expect(await page.locator('table tbody tr', { hasText: 'AL-DOURI' }).count()).toBe(0);
    await page.getByLabel('Include decided alerts').check();
    await page.locator('table tbody tr', { hasText: 'AL-DOURI' }).getByText('Confirmed match').waitFor();
    await shot('decided');
  });

  it("marks the traveller in the manifest and shows the traveller's latest screening", async () => {
    await page.goto(`/travel/flights/${FLIGHT}`);
    const hit = page.locator('table tbody tr', { hasText: 'AL-DOURI' }).locator('.hit-mark');
    await hit.waitFor();
    expect(await hit.textContent()).toBe('1 decided');
    expect(await page.locator('table tbody tr', { hasText: 'TESTPERSON' }).locator('.hit-mark').count()).toBe(0);
    await shot('manifest');
    await page.locator('table tbody tr', { hasText: 'AL-DOURI' }).getByRole('link').first().click();
    const panel = page.locator('.screening-panel');
    await panel.getByText('Watchlist matches').waitFor();
    await panel.getByText('IZZAT IBRAHIM AL-DURI').first().waitFor();
    await panel.getByText('Hit', { exact: true }).waitFor();
    await shot('traveller');
  });

  it('lets the data protection officer reach the statistics and data-protection tabs only', async () => {
    await signIn('dpo.demo');
    await page.locator('[data-tool="travel"]').first().click();
    await page.waitForURL('**/travel/stats');
    const tabs = (await page.getByRole('navigation', { name: 'Passenger data sections' }).locator('a').allTextContents()).map((x) => x.trim());
    expect(tabs).toEqual(['Statistics', 'Data protection']);
    await page.goto(`/travel/flights/${FLIGHT}`);
    await page
      .getByText(/permission|not allowed|forbidden/i)
      .first()
      .waitFor();
    await page.goto('/travel/stats');
    await page.waitForURL('**/travel/stats');
    await shot('dpo');
    expect(pageErrors).toEqual([]);
  });
});
