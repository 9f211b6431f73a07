// Confidence-building screens end to end on the demo States: directory, a check round and its live board, a consultation thread, need-to-know.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshots, type Browser, recordFailures } from './support/browser.js';
import { ADMIN_PASSWORD } from './support/env.js';

const SUBJECT = 'Demo: scanning from address space attributed to your State';
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
    await expect.poll(() => page.getByRole('cell', { name: 'ERIKA MUSTERFRAU' }).count()).toBe(1);
    await screenshots(page, '70-cbm-directory');
    await page.getByRole('link', { name: 'Checks' }).click();
    await page.getByRole('button', { name: 'Check all contacts' }).click();
    await expect.poll(() => page.getByTestId('cbm-figures').textContent()).toMatch(/^0 of 8 answered/);
    await screenshots(page, '71-cbm-board');
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
});
