// The passenger-data screens end to end: carrier messages sent to the API, the flights board, a manifest, a traveller, a message with findings.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshots, type Browser, recordFailures, signIn } from './support/browser.js';
import { ROOT } from './support/env.js';

const FIXTURES = join(ROOT, 'src/modules/travel/fixtures');
/** Messages as carriers send them: Austrian's OS89 (crew, a two-part passenger list, a PNR push) and a Lufthansa list with wrong counts. */
const SENT = ['paxlst-crew.edi', 'paxlst-part1.edi', 'paxlst-part2.edi', 'pnrgov-13.1.edi', 'dev-wrong-counts.edi'];
const REJECTED = "UNA:+.? 'UNB+UNOA:4+XXAPI+ATPIU+261201:0900+XX0001'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'UNT+3+1'UNZ+1+XX0001'";
/** The same OS89 passenger list a week later: the same people on another flight. */
const WEEK_LATER = ['paxlst-part1.edi', 'paxlst-part2.edi'];
const DAY = '2026-12-01';
const OS89 = `OS0089-${DAY}`;
const LH1234 = `LH1234-${DAY}`;
const OS89_LATER = 'OS0089-2026-12-08';
const SHOTS = process.env.VIGIL_E2E_SHOTS ?? '/tmp/shots';

let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

/** Screenshots of the screen: the whole page (the workbench scrolls inside its main area) and the usual desktop and tablet sizes. */
async function shot(name: string): Promise<void> {
  const height = await page.locator('main').evaluate((main) => Math.max(800, Math.min(4000, main.scrollHeight + 80)));
  await page.setViewportSize({ width: 1280, height });
  await page.screenshot({ path: join(SHOTS, `travel-${name}.png`), animations: 'disabled' });
  await screenshots(page, `60-travel-${name}`);
}

/** Sends one raw EDIFACT interchange as the signed-in admin (who holds travel.ingest), as a carrier would. */
async function send(body: string): Promise<number> {
  return page.evaluate(async (text) => {
    const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
    const res = await fetch('/api/travel/messages', { method: 'POST', headers: { 'content-type': 'text/plain', 'x-csrf-token': me.csrfToken }, body: text });
    return res.status;
  }, body);
}

async function flight(id: string): Promise<{ passengers: number; crew: number; pnrs: number; messages: number } | undefined> {
  return page.evaluate(async (fid) => {
    const res = await fetch(`/api/travel/flights?date=${fid.slice(-10)}`);
    const body = (await res.json()) as { items: Array<{ id: string; passengers: number; crew: number; pnrs: number; messages: number }> };
    return body.items.find((f) => f.id === fid);
  }, id);
}

/** The text of the cell under `header` in the row holding `rowText`. */
async function cell(rowText: string | RegExp, header: string): Promise<string> {
  const table = page.locator('table').first();
  const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim().toLowerCase());
  const index = headers.indexOf(header.toLowerCase());
  expect(index, `column ${header} among ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  return ((await table.locator('tbody tr').filter({ hasText: rowText }).first().locator('> td').nth(index).textContent()) ?? '').trim();
}

describe('passenger data screens', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await openBrowser(inject('baseUrl'));
    page = browser.page;
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  recordFailures('travel', () => page);

  afterAll(async () => {
    await browser?.close();
  });

  it('receives carrier messages and assembles their flights', async () => {
    await signIn(page, 'admin');

    for (const file of SENT) expect([200, 201], file).toContain(await send(readFileSync(join(FIXTURES, file), 'utf8')));
    for (const file of WEEK_LATER) expect(await send(readFileSync(join(FIXTURES, file), 'utf8').replaceAll('261201', '261208'))).toBe(201);
    expect(await send(REJECTED)).toBe(400);
    // Assembly runs behind the answer: wait until both flights hold what was sent.
    await expect.poll(async () => (await flight(OS89))?.messages ?? 0, { timeout: 20_000 }).toBe(4);
    await expect.poll(async () => (await flight(LH1234))?.passengers ?? 0, { timeout: 20_000 }).toBe(3);
    await expect.poll(async () => (await flight(OS89_LATER))?.passengers ?? 0, { timeout: 20_000 }).toBe(3);
  });

  it('shows both flights on the board of their day with their counts', async () => {
    await page.locator('[data-tool="travel"]').first().click();
    await page.getByRole('heading', { level: 1, name: 'Passenger data' }).waitFor();
    // Another day first: the board opens on today, which may be the fixtures' day (filling in the same day changes nothing).
    const date = page.getByLabel('Date', { exact: true });
    await date.fill('2020-01-01');
    await page.waitForURL('**/travel?date=2020-01-01');
    await date.fill(DAY);
    await page.waitForURL(`**/travel?date=${DAY}`);
    const os = page.locator(`[data-flight="${OS89}"]`);
    await os.waitFor();
    expect(await cell('OS89', 'Route')).toBe('VIE → JFK');
    const f = await flight(OS89);
    expect(await cell('OS89', 'Passengers')).toBe(String(f!.passengers));
    expect(await cell('OS89', 'Crew')).toBe(String(f!.crew));
    expect(f!.crew).toBeGreaterThan(0);
    expect(await cell('OS89', 'PNRs')).toBe(String(f!.pnrs));
    expect(f!.pnrs).toBeGreaterThan(0);
    expect(await cell('OS89', 'Messages')).toBe('4');
    expect(await cell('LH1234', 'Passengers')).toBe('3');
    // Local time at the airport, UTC on hover.
    const departure = page.locator('tbody tr', { hasText: 'OS89' }).locator('time').first();
    expect(await departure.textContent()).toBe('10:20');
    expect(await departure.getAttribute('title')).toContain('09:20 UTC');
    await shot('board');
  });

  it('opens the manifest of a flight, filters it and exports it', async () => {
    await page.locator(`[data-flight="${OS89}"]`).click();
    await page.getByRole('heading', { level: 1, name: `OS89 on ${DAY}` }).waitFor();
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(5);
    expect(await cell('MUSTERMANN', 'Role')).toBe('Crew');
    expect(await cell('MUSTERFRAU', 'Source')).toBe('APIPNR');
    await shot('manifest');

    await page.getByLabel('Filter the manifest').fill('musterfrau');
    await expect.poll(() => rows.count()).toBe(1);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv).toContain('Role,Name,Surname,Given names');
    expect(csv).toMatch(/passenger,"MUSTERFRAU, ERIKA",MUSTERFRAU,ERIKA/);
    expect(csv.trim().split('\r\n')).toHaveLength(2);
  });

  it("opens a traveller with documents, booking, PNR versions and the person's other flight", async () => {
    await page.locator('.traveller-link', { hasText: 'MUSTERFRAU' }).click();
    await page.getByRole('heading', { level: 1, name: 'MUSTERFRAU, ERIKA' }).waitFor();
    const documents = page.getByRole('region', { name: 'Documents' });
    await expect(documents.locator('td').filter({ hasText: 'Passport' }).count()).resolves.toBeGreaterThan(0);
    await page.getByRole('region', { name: 'Itinerary' }).getByText('VIE').first().waitFor();
    await expect(page.getByRole('region', { name: 'PNR versions' }).locator('tbody tr').count()).resolves.toBeGreaterThanOrEqual(1);
    const other = page.getByRole('region', { name: 'Other flights of the same person' });
    await other.getByRole('link', { name: OS89_LATER }).waitFor();
    await shot('traveller');
    await other.getByRole('link', { name: OS89_LATER }).click();
    await page.getByRole('heading', { level: 1, name: 'OS89 on 2026-12-08' }).waitFor();
  });

  it('lists messages with the rejected one highlighted and opens the one with findings', async () => {
    await page.goto('/travel/messages');
    await page.getByRole('heading', { level: 1, name: 'Passenger data' }).waitFor();
    // The demo's own traffic may be there too: look at the messages this test sent.
    const rejected = page.locator('tr.row--rejected', { hasText: 'XX0001' });
    await rejected.waitFor();
    expect(await rejected.textContent()).toContain('XXAPI');
    await expect(page.locator('tbody tr:not(.row--rejected)', { hasText: 'XX0001' }).count()).resolves.toBe(0);
    await shot('messages');

    await page.getByLabel('Sender').fill('LHAPI');
    await page.waitForURL('**/travel/messages?sender=LHAPI');
    const sent = page.locator('tbody tr', { hasText: 'LH2612010930' });
    await expect(sent.locator('td').nth(5).textContent()).resolves.toBe('Accepted');
    await sent.locator('.message-link').click();
    await page.getByRole('heading', { level: 1, name: 'PAXLST message from LHAPI' }).waitFor();
    const findings = page.locator('.finding--finding');
    await expect(findings.count()).resolves.toBe(3);
    expect(await findings.first().textContent()).toMatch(/count-mismatch.*segment 51 UNT.*UNT declares 47 segments; there are 49/);
    // One segment a line, and the finding points at its segment.
    await expect(page.locator('.edifact__line').count()).resolves.toBeGreaterThan(50);
    await shot('message');
    await findings.first().getByRole('link').click();
    await expect(page.locator('.edifact__line:target').textContent()).resolves.toMatch(/^\d+UNT\+47\+PAX001'$/);
    await expect(page.locator('.edifact__line--finding').count()).resolves.toBe(3);
    await shot('message-findings');
  });

  it('shows the rejected message with its error, and the carrier data-quality tab', async () => {
    await page.goto('/travel/messages?status=rejected');
    await page.locator('tr.row--rejected .message-link').click();
    await page.locator('.parse-error').waitFor();
    await shot('message-rejected');

    await page.goto('/travel/quality');
    await page.locator('[data-sender="LHAPI"]').waitFor();
    expect(await cell('LHAPI', 'Findings')).toBe('3');
    await shot('quality');
  });

  it("shows each flight's expected pushes on the compliance tab, counted per carrier", async () => {
    await page.getByRole('navigation', { name: 'Passenger data sections' }).getByRole('link', { name: 'Compliance' }).click();
    await page.getByLabel('Date', { exact: true }).fill(DAY);
    // The flights table only: the compliance alerts below it (of every day) link to flights too, one row per missed push.
    const flights = page.getByRole('table', { name: 'Per flight', exact: true });
    const row = flights.locator('tbody tr', { has: page.locator(`a[href="/travel/flights/${OS89}"]`) });
    await row.waitFor();
    const pushes = await row.locator('[data-push]').count();
    expect(pushes).toBeGreaterThan(0);
    await expect(row.locator('[data-push^="PAXLST-"]').count()).resolves.toBeGreaterThan(0);
    // The carrier's counts cover every OS flight of the day: the demo's own flights may fall on it too.
    const osPushes = await flights
      .locator('tbody tr', { has: page.locator('a[href^="/travel/flights/OS"]') })
      .locator('[data-push]')
      .count();
    expect(osPushes).toBeGreaterThanOrEqual(pushes);
    const carrier = page.locator('tbody tr', { has: page.locator('[data-carrier="OS"]') });
    const cells = (await carrier.locator('td').allTextContents()).slice(1, 5).map(Number);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(osPushes);
    await shot('compliance');
    expect(pageErrors).toEqual([]);
  });
});
