// The workbench end to end: admin signs in, adds an officer, makes a token, reads the audit trail; the officer sees less.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, openBrowser, screenshots, TABLET, type Browser, recordFailures } from './support/browser.js';
import { ADMIN_PASSWORD, ARTIFACTS_DIR } from './support/env.js';

const OFFICER = { username: 'officer.e2e', displayName: 'ليلى حداد' };

let browser: Browser;
let page: Page;
let officerPassword = '';
const pageErrors: string[] = [];

async function signIn(username: string, password: string): Promise<void> {
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The value shown in a show-once dialog (generated password or token). */
async function secretIn(dialogName: string | RegExp): Promise<string> {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await dialog.waitFor();
  const value = await dialog.locator('input[readonly]').inputValue();
  expect(value.length).toBeGreaterThanOrEqual(12);
  return value;
}

describe('web workbench', () => {
  beforeAll(async () => {
    browser = await openBrowser(inject('baseUrl'));
    page = browser.page;
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  // A failing step leaves a picture of the page and its accessibility tree behind.
  recordFailures('', () => page);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the login screen and a clear error for a wrong password', async () => {
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshots(page, '01-login');
    await signIn('admin', 'not-the-password');
    await page.getByRole('alert').filter({ hasText: 'wrong' }).waitFor();
    await expect(page.getByLabel('Password').inputValue()).resolves.toBe('');
  });

  it('signs the admin in to the home screen with the Administration area', async () => {
    await signIn('admin', ADMIN_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    const area = page.locator('section[data-area="platform"]');
    await expect(area.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/Administration/);
    await area.locator('[data-tool="admin"]').waitFor();
    await area.locator('[data-tool="audit"]').waitFor();
    // The header names the user and their organisation, with a way out.
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).waitFor();
    await screenshots(page, '02-home-admin');
  });

  it('starts keyboard navigation with a skip link to the main content', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await page.keyboard.press('Tab');
    await expect(page.evaluate<string | undefined>('document.activeElement?.textContent')).resolves.toBe('Skip to main content');
    await page.keyboard.press('Enter');
    await expect(page.evaluate<string | undefined>('document.activeElement?.id')).resolves.toBe('main');
  });

  it('offers the tool menu as a drawer on a tablet, closed with Escape', async () => {
    await page.setViewportSize(TABLET);
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect.poll(() => page.getByRole('navigation', { name: 'Tools' }).isVisible()).toBe(false);
    await menu.click();
    await page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'Audit trail' }).waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS_DIR, '02b-menu-768.png') });
    await page.keyboard.press('Escape');
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.evaluate<string | undefined>('document.activeElement?.textContent')).resolves.toBe('Menu');
    await page.setViewportSize(DESKTOP);
    await expect(menu.isVisible()).resolves.toBe(false);
  });

  it('adds an officer through the admin screen and lists them', async () => {
    await page.locator('[data-tool="admin"]').click();
    await page.waitForURL('**/admin/users');
    await page.getByRole('heading', { level: 1, name: 'Administration' }).waitFor();
    await page.getByRole('row', { name: /admin/ }).first().waitFor();
    await screenshots(page, '03-admin-users');

    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a user' });
    await dialog.getByLabel('User name').fill(OFFICER.username);
    await dialog.getByLabel('Display name').fill(OFFICER.displayName);
    await dialog.getByRole('checkbox', { name: /^officer/ }).check();
    await screenshots(page, '04-admin-add-user');
    await dialog.getByRole('button', { name: 'Add user' }).click();

    // No password given: the server generates one, shown once.
    await secretIn('User added');
    await page.getByRole('dialog', { name: 'User added' }).getByRole('button', { name: 'Done' }).click();

    const row = page.getByRole('row', { name: new RegExp(OFFICER.username.replace('.', '\\.')) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('officer');
    await expect(row.locator('bdi[dir="auto"]').first().textContent()).resolves.toBe(OFFICER.displayName);

    // The search filter is kept in the URL.
    await page.getByLabel('Search').fill('officer.e2e');
    await page.waitForURL(/[?&]q=officer\.e2e/);
    await expect.poll(() => page.getByRole('row').count()).toBe(2);
  });

  it('resets the officer password and shows the new one once', async () => {
    await page.getByRole('button', { name: `Reset the password of ${OFFICER.username}` }).click();
    await page.getByRole('dialog', { name: 'Reset password' }).getByRole('button', { name: 'Reset password' }).click();
    officerPassword = await secretIn('New password');
    await screenshots(page, '05-admin-password-once');
    await page.getByRole('dialog', { name: 'New password' }).getByRole('button', { name: 'Done' }).click();
  });

  it('edits the officer, then disables and enables them', async () => {
    const username = OFFICER.username;
    await page.getByRole('button', { name: `Edit ${username}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${username}` });
    await dialog.getByRole('checkbox', { name: /^analyst/ }).check();
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Changes to ${username} were saved.` })
      .waitFor();
    const row = page.getByRole('row', { name: new RegExp(username.replace('.', '\\.')) });
    await row.getByText('analyst').waitFor();

    await page.getByRole('button', { name: `Disable ${username}` }).click();
    await page.getByRole('dialog', { name: 'Disable user' }).getByRole('button', { name: 'Disable' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `User ${username} was disabled.` })
      .waitFor();
    await expect.poll(() => row.count()).toBe(0);
    await page.getByLabel('Include disabled users').check();
    await page.waitForURL(/includeDisabled=true/);
    await row.getByText('Disabled').waitFor();
    await page.getByRole('button', { name: `Enable ${username}` }).click();
    await row.getByText('Active').waitFor();
  });

  it('adds and renames an organisation', async () => {
    await page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'Organisations' }).click();
    await page.getByRole('button', { name: 'Add organisation' }).click();
    let dialog = page.getByRole('dialog', { name: 'Add an organisation' });
    await dialog.getByLabel('Name').fill('Border Guard');
    await dialog.getByLabel('Kind').selectOption('partner');
    await dialog.getByLabel('Country').fill('FR');
    await dialog.getByRole('button', { name: 'Add organisation' }).click();
    await page
      .getByRole('row', { name: /Border Guard/ })
      .getByText('Partner')
      .waitFor();

    await page.getByRole('button', { name: 'Rename Border Guard' }).click();
    dialog = page.getByRole('dialog', { name: 'Rename organisation' });
    await dialog.getByLabel('Name').fill('Border Guard Service');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    const row = page.getByRole('row', { name: /Border Guard Service/ });
    await row.getByText('FR').waitFor();
  });

  it('shows organisations and roles as tabs of the admin tool', async () => {
    const tabs = page.getByRole('navigation', { name: 'Administration sections' });
    await tabs.getByRole('link', { name: 'Organisations' }).click();
    await page.waitForURL('**/admin/orgs');
    await page.getByRole('table').waitFor();
    await screenshots(page, '06-admin-orgs');
    await tabs.getByRole('link', { name: 'Roles' }).click();
    await page.waitForURL('**/admin/roles');
    await page.getByRole('cell', { name: 'officer', exact: true }).waitFor();
  });

  it('creates an API token, shows it once, and revokes it after confirmation', async () => {
    await page.getByRole('navigation', { name: 'Administration sections' }).getByRole('link', { name: 'Tokens' }).click();
    await page.waitForURL('**/admin/tokens');
    await page.getByRole('button', { name: 'Create token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API token' });
    await dialog.getByLabel('Name', { exact: true }).fill('e2e feed');
    await dialog.getByRole('checkbox', { name: /^audit\.read/ }).check();
    await dialog.getByRole('button', { name: 'Create token' }).click();
    const token = await secretIn('Token created');
    await expect(page.getByRole('dialog', { name: 'Token created' }).textContent()).resolves.toMatch(/shown only once/);
    await screenshots(page, '07-token-once');
    await page.getByRole('dialog', { name: 'Token created' }).getByRole('button', { name: 'Done' }).click();

    // The token works against the API, and the list never shows the secret again.
    const res = await fetch(`${inject('baseUrl')}/api/audit/verify`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const row = page.getByRole('row', { name: /e2e feed/ });
    await expect(row.textContent()).resolves.not.toContain(token);

    await row.getByRole('button', { name: 'Revoke token e2e feed' }).click();
    await page.getByRole('dialog', { name: 'Revoke token' }).getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('Revoked').waitFor();
  });

  it('shows audit entries of the admin, newest first, and verifies the chain', async () => {
    await page.getByRole('navigation', { name: 'Tools' }).getByRole('link', { name: 'Audit trail' }).click();
    await page.waitForURL('**/audit');
    await page.getByRole('cell', { name: 'user.create' }).first().waitFor();
    const seqs = await page.locator('table tbody tr td:first-child').allTextContents();
    const numbers = seqs.map(Number);
    expect(numbers.length).toBeGreaterThan(3);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
    await expect(
      page
        .getByRole('row', { name: /user\.create/ })
        .first()
        .textContent(),
    ).resolves.toContain('admin');

    await page.getByRole('button', { name: 'Verify the trail' }).click();
    await page.locator('[data-verify="ok"]').waitFor();
    await screenshots(page, '08-audit');

    // Filters are kept in the URL.
    await page.getByLabel('Action').fill('user.create');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/[?&]action=user\.create/);
    await expect
      .poll(async () => {
        const actions = await page.locator('table tbody tr td:nth-child(4)').allTextContents();
        return actions.length > 0 && actions.every((a) => a === 'user.create');
      })
      .toBe(true);
  });

  it('signs the admin out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
  });

  it('signs the officer in without the admin tool on their home screen', async () => {
    await signIn(OFFICER.username, officerPassword);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await expect(page.getByRole('banner').textContent()).resolves.toContain(OFFICER.displayName);
    // Wait for the tool list itself (everyone may manage their own tokens) before checking what is absent.
    await page.locator('section[data-area="platform"] [data-tool="tokens"]').waitFor();
    await expect(page.locator('[data-tool="admin"]').count()).resolves.toBe(0);
    await expect(page.locator('[data-tool="audit"]').count()).resolves.toBe(0);
    await screenshots(page, '09-home-officer');

    await page.goto('/admin/users');
    await page.getByRole('heading', { level: 1, name: 'Not permitted' }).waitFor();
  });

  it('lets the officer change their own password, then sign in with it', async () => {
    await page.getByRole('link', { name: 'My account' }).click();
    const newPassword = `${officerPassword}-changed`;
    await page.getByLabel('Current password').fill(officerPassword);
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Repeat the new password').fill(newPassword);
    await screenshots(page, '10-account-officer');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password was changed. Sign in with the new password.').waitFor();
    await signIn(OFFICER.username, newPassword);
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
  });

  it('raised no script errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
