/**
 * Two devices for the sync journeys: two browser contexts (separate storage, separate service workers), each
 * watched like the test's own (no request but to the app and the one sync server, no console error).
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { observe, type Watch } from '../support/fixtures';
import { PASSWORD, createVault } from '../support/app';
import { openSettings } from '../accounts-support/helpers';

export interface Login {
  url: string;
  user: string;
  password: string;
}

/** Waits until the service worker serves the page: the sync relay frame needs it (docs/sync.md). */
export async function controlled(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

export async function secondDevice(browser: Browser, baseURL: string, watch: Watch): Promise<Page> {
  const context = await browser.newContext({ baseURL, serviceWorkers: 'allow' });
  await observe(context, watch);
  const page = await context.newPage();
  await page.goto('/');
  await controlled(page);
  return page;
}

export async function fillLogin(page: Page, login: Login) {
  await page.getByLabel('Server URL').fill(login.url);
  await page.getByLabel('Username').fill(login.user);
  await page.getByLabel('App password').fill(login.password);
}

export function syncStatus(page: Page) {
  return page.getByRole('status').filter({ hasText: /Sync|sync|Offline|cannot|answered|space|allow/ });
}

/** Device A: a new vault, connected from Settings → Sync. */
export async function connectFirst(page: Page, login: Login) {
  await createVault(page);
  await controlled(page);
  await openSettings(page, 'Sync');
  await fillLogin(page, login);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(syncStatus(page)).toHaveText(/^Synced just now/, { timeout: 20_000 });
}

/** Device B: first run → Join a synced vault. */
export async function joinSecond(page: Page, login: Login) {
  await page.getByRole('button', { name: 'Join a synced vault' }).click();
  await fillLogin(page, login);
  await page.getByLabel('Vault password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page.getByRole('button', { name: 'Add account' })).toBeVisible({ timeout: 30_000 });
}

/** Settings → Sync → Sync now, waiting for the round to finish. */
export async function syncNow(page: Page) {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled();
}
