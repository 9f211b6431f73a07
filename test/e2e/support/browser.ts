// Launches Debian's Chromium with a fresh profile, and takes screenshots at the desktop and tablet sizes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { beforeEach, onTestFailed } from 'vitest';
import { ADMIN_PASSWORD, ARTIFACTS_DIR, CHROMIUM } from './env.js';

export const DESKTOP = { width: 1280, height: 800 } as const;
export const TABLET = { width: 768, height: 1024 } as const;

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function openBrowser(baseURL: string): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'vigil-e2e-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    baseURL,
    viewport: DESKTOP,
    locale: 'en-GB',
    timezoneId: 'UTC',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Saves `<name>-1280.png` and `<name>-768.png` of what the screen shows, then returns to the desktop size. */
export async function screenshots(page: Page, name: string): Promise<void> {
  for (const size of [DESKTOP, TABLET]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(250);
    await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}-${size.width}.png`), animations: 'disabled' });
  }
  await page.setViewportSize(DESKTOP);
}

/**
 * On a failed test: a screenshot named `failed-<prefix>-<test>.png` in the artifacts and the page's accessibility
 * snapshot on stderr. Call inside a describe block.
 */
export function recordFailures(prefix: string, page: () => Page): void {
  beforeEach((ctx) => {
    onTestFailed(async () => {
      const p = page();
      const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      await p.screenshot({ path: join(ARTIFACTS_DIR, `failed-${prefix ? `${prefix}-` : ''}${name}.png`) }).catch(() => undefined);
      console.error(
        `Page at failure (${p.url()}):\n${await p
          .locator('body')
          .ariaSnapshot()
          .catch(() => '')}`,
      );
    });
  });
}

/** Signs in as `username` from the start page, signing out first when someone is signed in, and waits for the home screen. */
export async function signIn(page: Page, username: string, password = ADMIN_PASSWORD): Promise<void> {
  await page.goto('/');
  const signOut = page.getByRole('banner').getByRole('button', { name: 'Sign out' });
  await signOut.or(page.getByLabel('User name')).first().waitFor();
  if (await signOut.isVisible()) await signOut.click();
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
}
