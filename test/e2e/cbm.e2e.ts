// Confidence-building screens end to end on the demo States: directory, a check round and its live board, a consultation thread, need-to-know.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openBrowser, screenshots, type Browser, recordFailures, signIn as signInAs } from './support/browser.js';

const SUBJECT = 'Demo: scanning from address space attributed to your State';
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

const signIn = (username: string) => signInAs(page, username);

describe('confidence-building screens', () => {
  beforeAll(async () => {
    browser = await openBrowser(inject('baseUrl'));
    page = browser.page;
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });
  recordFailures('cbm', () => page);
  afterAll(async () => {
    await browser?.close();
    expect(pageErrors).toEqual([]);
  });

  it('shows the directory and starts a check round whose board lists every contact', async () => {
    await signIn('supervisor.demo');
    await page
      .getByRole('link', { name: /Confidence building/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Points of contact' }).waitFor();
    await expect.poll(() => page.getByRole('cell', { name: /^ERIKA MUSTERFRAU/ }).count()).toBe(1);
    await screenshots(page, '70-cbm-directory');
    await page.getByRole('link', { name: 'Checks' }).click();
    await page.getByRole('button', { name: 'Check all contacts' }).click();
    await expect.poll(() => page.getByTestId('cbm-figures').textContent()).toMatch(/^0 of 8 answered/);
    await screenshots(page, '71-cbm-board');
    // Per State over rounds, and a scheduled round (in the future, so it never starts during the test) that is stopped again.
    await page.getByRole('row', { name: /^AT 1 0% \(0\/2\)/ }).waitFor();
    await page.getByLabel('Every how many days').fill('30');
    await page.getByLabel('First check').fill('2030-01-01T09:00');
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    const scheduled = page.getByRole('listitem').filter({ hasText: /^All contacts, every 30 days; next 1 Jan 2030, 09:00/ });
    await scheduled.waitFor();
    await scheduled.getByRole('button', { name: 'Stop' }).click();
    await page.getByText('No check is scheduled.').waitFor();
  });

  it('lets a State answer its check and its consultation, and hides it from a State that is not party to it', async () => {
    await signIn('cbm-fi.demo');
    await page.goto('/cbm/checks');
    await page.getByRole('button', { name: 'Confirm receipt' }).first().click();
    await expect.poll(() => page.getByRole('button', { name: 'Confirm receipt' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Consultations' }).click();
    await page.getByRole('link', { name: SUBJECT }).click();
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await page.getByLabel('Your reply').fill('Invented answer: we are looking into it.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect.poll(() => page.getByText('Invented answer: we are looking into it.').count()).toBe(1);
    // A reply to a reply sits under it in the thread.
    await page.getByRole('listitem').filter({ hasText: 'Invented answer: we are looking into it.' }).getByRole('button', { name: 'Reply to this' }).click();
    await page.getByText('Replying to the reply of FI.').waitFor();
    await page.getByLabel('Your reply').fill('Invented follow-up: nothing found so far.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    const followUp = page.getByRole('listitem').filter({ hasText: 'Invented follow-up: nothing found so far.' });
    await followUp.waitFor();
    expect(await followUp.evaluate((li) => (li as unknown as { style: { marginInlineStart: string } }).style.marginInlineStart)).toBe('2rem');
    await screenshots(page, '72-cbm-thread');
    const url = page.url();

    await signIn('cbm-pt.demo');
    await page.goto('/cbm/consultations');
    await page.getByRole('heading', { name: 'Consultations and broadcasts' }).waitFor();
    expect(await page.getByRole('link', { name: SUBJECT }).count()).toBe(0);
    const status = await page.evaluate(async (u) => (await fetch(`/api/cbm/consultations/${u.split('/').pop()}`)).status, url);
    expect(status).toBe(404);

    await signIn('supervisor.demo');
    await page.goto('/cbm/checks');
    await expect.poll(() => page.getByTestId('cbm-figures').textContent()).toMatch(/^1 of 8 answered/);
  });

  it('lets a State add and change a point of contact with its history, and consult with a deadline and an attachment', async () => {
    await signIn('cbm-at.demo');
    await page.goto('/cbm/directory');
    await page.getByRole('button', { name: 'Add contact' }).click();
    const add = page.getByRole('dialog', { name: 'Add a point of contact' });
    await add.getByLabel('Organisation').fill('Demo Federal Chancellery (AT)');
    await add.getByLabel('Name', { exact: true }).fill('Testperson Epsilon');
    await add.getByLabel('Role').fill('Crisis desk');
    await add.getByLabel('E-mail', { exact: true }).fill('not-an-address');
    await add.getByLabel('Phone', { exact: true }).fill('+00 000 0000 300');
    await add.getByRole('button', { name: 'Add a channel' }).click();
    await add.getByLabel('Number or address').fill('+00 000 0000 399');
    await add.getByRole('button', { name: 'Add an alternate' }).click();
    await add.getByLabel("Alternate's name").fill('Testperson Zeta');
    await add.getByLabel("Alternate's e-mail").fill('zeta@bka.at.example.org');
    await add.getByLabel('Languages').fill('de, en');
    await add.getByLabel('Time zone').fill('Europe/Vienna');
    await add.getByLabel('PGP key or certificate').fill('-----BEGIN PGP PUBLIC KEY BLOCK-----\ninvented\n-----END PGP PUBLIC KEY BLOCK-----');
    await add.getByRole('button', { name: 'Save' }).click();
    // The server's reason appears under the field it names, and the field is marked invalid.
    await add.getByText('is not an e-mail address').waitFor();
    expect(await add.getByLabel('E-mail', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    await screenshots(page, '73-cbm-contact-form');
    await add.getByLabel('E-mail', { exact: true }).fill('epsilon@bka.at.example.org');
    await add.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Added Testperson Epsilon.').waitFor();
    const row = page.getByRole('row', { name: /Testperson Epsilon/ });
    expect(await row.textContent()).toMatch(/Alternate: Testperson Zeta.*PGP key.*phone: \+00 000 0000 399 \(24\/7\).*de, enEurope\/Vienna/);

    await page.getByRole('button', { name: 'Edit Testperson Epsilon' }).click();
    const edit = page.getByRole('dialog', { name: 'Change the point of contact Testperson Epsilon' });
    await edit.getByLabel('Phone', { exact: true }).fill('+00 000 0000 301');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved Testperson Epsilon (version 2).').waitFor();
    await page.getByRole('button', { name: 'Edit Testperson Epsilon' }).click();
    await edit.getByRole('row', { name: /^v2 .* Demo Diplomat Aurelius Phone$/ }).waitFor();
    await edit.getByRole('row', { name: /^v1 .* Demo Diplomat Aurelius Created$/ }).waitFor();
    await screenshots(page, '74-cbm-contact-history');
    await edit.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('link', { name: 'Consultations' }).click();
    const subject = 'Invented: phishing wave against ministries';
    await page.getByLabel('Subject').fill(subject);
    await page.getByLabel('Text').fill('Invented: we see a phishing wave with lures in your language. Indicators attached.');
    await page.getByRole('checkbox', { name: 'FI' }).check();
    await page.getByLabel('Severity').selectOption('high');
    await page.getByLabel('TLP marking').selectOption('amber+strict');
    await page.getByLabel('Deadline').fill('2030-01-15T12:00');
    const files = page.getByLabel('Attachments');
    await files.setInputFiles({ name: 'capture.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(600 * 1024) });
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('capture.bin is 600 KB; each file may be at most 512 KB.').waitFor();
    const indicators = 'invented-indicator.example.org\n192.0.2.44\n';
    await files.setInputFiles({ name: 'indicators.txt', mimeType: 'text/plain', buffer: Buffer.from(indicators) });
    await screenshots(page, '75-cbm-consultation-form');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('heading', { name: subject }).waitFor();
    expect(await page.locator('time[datetime="2030-01-15T12:00:00.000Z"]').count()).toBe(1);
    expect(await page.getByText('TLP:AMBER+STRICT').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'indicators.txt' }).click()]);
    expect(download.suggestedFilename()).toBe('indicators.txt');
    expect(readFileSync(await download.path(), 'utf8')).toBe(indicators);
    await page.getByTestId('cbm-receipts').filter({ hasText: 'Answered by 0 of 1' }).waitFor();
    await screenshots(page, '76-cbm-consultation-sent');
  });
});
