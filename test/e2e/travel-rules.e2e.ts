// The Rules tab end to end: a value list, a rule refused for a sensitive characteristic, tested against stored traffic, saved, enabled, versioned.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshots, type Browser, recordFailures, signIn } from './support/browser.js';
import { ROOT } from './support/env.js';

const FIXTURES = join(ROOT, 'src/modules/travel/fixtures');
/** Austrian's OS89 of 2026-12-01: the passenger list and a PNR push (ERIKA MUSTERFRAU and JOHN SPECIMEN one way to Washington, TESTPERSON ALPHA returning). */
const SENT = ['paxlst-part1.edi', 'paxlst-part2.edi', 'pnrgov-13.1.edi'];
const OS89 = 'OS0089-2026-12-01';
const RULE = `flight.id == "${OS89}"\n  and booking.return\n  and route.countries in list "e2e-watched"`;
const SHOTS = process.env.VIGIL_E2E_SHOTS ?? '/tmp/shots';

let browser: Browser;
let page: Page;

async function send(body: string): Promise<number> {
  return page.evaluate(async (text) => {
    const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
    const res = await fetch('/api/travel/messages', { method: 'POST', headers: { 'content-type': 'text/plain', 'x-csrf-token': me.csrfToken }, body: text });
    return res.status;
  }, body);
}

async function pnrs(): Promise<number> {
  return page.evaluate(async (id) => {
    const res = await fetch(`/api/travel/flights?date=${id.slice(-10)}`);
    const body = (await res.json()) as { items: Array<{ id: string; pnrs: number }> };
    return body.items.find((f) => f.id === id)?.pnrs ?? 0;
  }, OS89);
}

describe('targeting rules screen', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await openBrowser(inject('baseUrl'));
    page = browser.page;
  });

  recordFailures('travel-rules', () => page);

  afterAll(async () => {
    await browser?.close();
  });

  it('has stored traffic to test rules against', async () => {
    await signIn(page, 'admin');
    // Another browser test may have sent them already: a copy is answered 200.
    for (const file of SENT) expect([200, 201], file).toContain(await send(readFileSync(join(FIXTURES, file), 'utf8')));
    await expect.poll(pnrs, { timeout: 20_000 }).toBeGreaterThan(0);
  });

  it('keeps a value list', async () => {
    await page.goto('/travel/rules');
    await page.getByRole('heading', { level: 1, name: 'Passenger data' }).waitFor();
    await page
      .getByRole('tab', { name: 'Rules' })
      .or(page.getByRole('link', { name: 'Rules', exact: true }))
      .first()
      .waitFor();
    await page.getByLabel('List name').fill('e2e-watched');
    await page.getByLabel('Entries').fill('US\nSY');
    await page.getByRole('button', { name: 'Save list' }).click();
    await page.locator('table', { hasText: 'e2e-watched' }).locator('tbody tr', { hasText: 'e2e-watched' }).waitFor();
  });

  it('refuses a sensitive characteristic, naming line and column', async () => {
    await page.getByRole('button', { name: 'New rule' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Return trips via watched countries');
    await page.getByLabel('Expression').fill('booking.return\n  and traveller.sex == "F"');
    const problem = page.locator('[data-problem="sensitive-characteristic"]');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Line 2, column 7');
    expect(await problem.textContent()).toContain('sex or gender');
    expect(await page.getByRole('button', { name: 'Save rule' }).isDisabled()).toBe(true);
  });

  it('tests a rule against stored traffic before saving it', async () => {
    await page.getByLabel('Expression').fill(RULE);
    await page.locator('[data-check="ok"]').waitFor();
    expect(await page.locator('[data-check="ok"]').textContent()).toContain('e2e-watched v1');
    await page.getByLabel('Flights from').fill('2026-12-01');
    await page.getByLabel('Flights to').fill('2026-12-01');
    await page.getByRole('button', { name: 'Test against stored traffic' }).click();
    const result = page.locator('.rule-test');
    await result.waitFor();
    // TESTPERSON ALPHA flies VIE–JFK and back: the only return trip on OS89.
    expect(await result.getAttribute('data-hits')).toBe('1');
    expect(await result.textContent()).toMatch(/Would have hit 1 of \d+ travellers, on 1 of \d+ flights \(2026-12-01 to 2026-12-01\)/);
    expect(await result.locator('tbody tr').count()).toBe(1);
    expect(await result.locator('tbody tr').textContent()).toContain('booking.return = true');
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.screenshot({ path: join(SHOTS, 'travel-rules-test.png'), animations: 'disabled' });
    await screenshots(page, '61-travel-rules-test');
  });

  it('saves the rule disabled, enables it and keeps a new version on change', async () => {
    await page.getByRole('button', { name: 'Save rule' }).click();
    await page.waitForURL(/rule=r\d+/);
    const row = page.locator('tbody tr', { hasText: 'Return trips via watched countries' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Disabled');
    await row.getByRole('button', { name: 'Enable' }).click();
    await expect.poll(async () => row.textContent()).toContain('Enabled');

    await page.getByLabel('Expression').fill(`${RULE}\n  and booking.daysBeforeDeparture > 1`);
    await page.locator('[data-check="ok"]').waitFor();
    await page.getByRole('button', { name: 'Save as a new version' }).click();
    await expect.poll(async () => row.textContent()).toContain('v2');
    expect(await page.getByRole('heading', { name: /version 2/ }).count()).toBe(1);
    // The whole screen: the workbench scrolls inside its main area.
    const height = await page.locator('main').evaluate((main) => {
      main.scrollTo(0, 0);
      return Math.max(800, Math.min(4000, main.scrollHeight + 80));
    });
    await page.setViewportSize({ width: 1280, height });
    await page.screenshot({ path: join(SHOTS, 'travel-rules.png'), animations: 'disabled' });
    await screenshots(page, '62-travel-rules');
  });
});
