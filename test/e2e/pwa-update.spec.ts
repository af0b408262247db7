import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import {
  checkForUpdate,
  documentVersion,
  isSameDocument,
  tagDocument,
  updateBanner,
  waitForControl,
  waitForWaitingWorker,
  workerVersion,
} from './pwa-support/pwa';
import { DIST_UPDATE, expect, test } from './pwa-support/own-server';
import { createVault, unlock } from './support/app';

// dist-update is the same app built as version 9.9.9 (test/e2e/support/global-setup.ts).
const OLD_VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const NEW_VERSION = '9.9.9';
const WAITS_FOR_FORM = 'Latchkey will update as soon as you save or cancel what you are entering.';

// Twice in about 250 runs of these tests on the loaded 2-core machine, the browser's own lifecycle step never came
// (no controller after 50 s; no waiting worker after 10 s) while the app had done its part; 88 further runs did not
// show it again. One retry absorbs that; a real regression fails on both tries, and the failure message now says
// where the lifecycle stood (pwa-support/pwa.ts). On 7 December, with two copies of the form test at once (12
// runs), the reload that frees a parked worker sometimes never finished loading either (the new worker's
// activation waited on the old one): about one first try in four, and one run in twelve failed both tries.
test.describe.configure({ retries: 1 });

/** Opens Add account → Enter manually and types an issuer: the half-entered form an update must not lose. */
async function startManualForm(page: Page, issuer: string) {
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('button', { name: 'Enter manually' }).click();
  await page.getByLabel('Issuer').fill(issuer);
}

/** "Deploys" version 9.9.9 at the same origin and asks the browser to look for it from `page`. */
async function deployUpdate(page: Page, server: { setRoot(root: string): void }) {
  server.setRoot(DIST_UPDATE);
  await checkForUpdate(page);
}

/** Each page runs version 1 under its worker, tagged so that a reload can be told from none. */
async function expectOldVersion(...pages: Page[]) {
  for (const page of pages) {
    await waitForControl(page);
    expect(await documentVersion(page)).toBe(OLD_VERSION);
    expect(await workerVersion(page)).toBe(OLD_VERSION);
    await tagDocument(page);
  }
}

/**
 * Waits for `page` to have reloaded onto the new build (the tag is gone with the old document). When Chromium parks
 * the new worker (sw-bridge.ts's skipWaiting says when), the page first reloads under the old one to free it, then
 * once more onto the new build: hence the longer wait for the version.
 */
async function expectReloadedOnNewVersion(page: Page) {
  await expect.poll(() => isSameDocument(page).catch(() => true)).toBe(false);
  await expect(page.locator('html')).toHaveAttribute('data-latchkey-version', NEW_VERSION, { timeout: 20_000 });
  expect(await workerVersion(page)).toBe(NEW_VERSION);
}

test('Reload with a form open keeps the form; the update applies once it is cancelled', async ({ page, server }) => {
  await createVault(page);
  await startManualForm(page, 'Half-typed Bank');
  await expectOldVersion(page);

  await deployUpdate(page, server);
  await expect(updateBanner(page)).toBeVisible();
  await updateBanner(page).getByRole('button', { name: 'Reload' }).click();

  // Agreeing to the update does not discard the form: it says the update waits for it.
  await expect(page.getByRole('status').filter({ hasText: WAITS_FOR_FORM })).toBeVisible();
  await expect(page.getByLabel('Issuer')).toHaveValue('Half-typed Bank');
  expect(await isSameDocument(page)).toBe(true);
  expect(await documentVersion(page)).toBe(OLD_VERSION);

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expectReloadedOnNewVersion(page);
  // A fresh page starts locked: the key lives only in the memory of the page that unlocked it.
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await expect(updateBanner(page)).toHaveCount(0);
});

test('with the vault locked and no form open, an update applies on its own', async ({ page, server }) => {
  await createVault(page);
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await expectOldVersion(page);

  await deployUpdate(page, server);
  await expectReloadedOnNewVersion(page);
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
});

test('a half-typed password on the lock screen is not reloaded away; an empty one is', async ({ page, server }) => {
  await createVault(page);
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByLabel('Password', { exact: true }).fill('half typed');
  await expectOldVersion(page);

  await deployUpdate(page, server);
  // The new worker is installed and waiting, and still this page was not reloaded.
  await waitForWaitingWorker(page);
  await page.waitForTimeout(500);
  expect(await isSameDocument(page)).toBe(true);
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('half typed');

  // Once the field is cleared nothing would be lost: the waiting update applies by itself, with no further check
  // (calling one here raced the reload it would cause and failed in CI with a destroyed execution context).
  await page.getByLabel('Password', { exact: true }).fill('');
  await expectReloadedOnNewVersion(page);
});

test('an update that waits while the vault is open applies when it is locked', async ({ page, server }) => {
  await createVault(page);
  await expectOldVersion(page);

  await deployUpdate(page, server);
  await expect(updateBanner(page)).toBeVisible();
  // The banner sits above the add button, not over it (found in Firefox: it took the button's clicks).
  await page.getByRole('button', { name: 'Add account' }).click({ trial: true, timeout: 5_000 });
  // Waiting is not applying: the open vault stays open under the old version until its person is done.
  await page.waitForTimeout(300);
  expect(await isSameDocument(page)).toBe(true);
  expect(await workerVersion(page)).toBe(OLD_VERSION);

  await page.getByRole('button', { name: 'Lock' }).click();
  await expectReloadedOnNewVersion(page);
});

test('an update applied in one tab does not reload another tab that has a form open', async ({ context, server }) => {
  const first = await context.newPage();
  await createVault(first);
  const second = await context.newPage();
  await second.goto('/');
  await unlock(second);
  await startManualForm(second, 'Other tab Bank');
  await expectOldVersion(first, second);

  await deployUpdate(first, server);
  await expect(updateBanner(first)).toBeVisible();
  await expect(updateBanner(second)).toBeVisible();

  // Nothing is being entered in the first tab: Reload applies at once.
  await updateBanner(first).getByRole('button', { name: 'Reload' }).click();
  await expectReloadedOnNewVersion(first);

  // The second tab now runs under the new worker but keeps its document, and its form, until the form is done.
  await expect.poll(() => workerVersion(second)).toBe(NEW_VERSION);
  expect(await isSameDocument(second)).toBe(true);
  await expect(second.getByLabel('Issuer')).toHaveValue('Other tab Bank');
  await expect(updateBanner(second)).toBeVisible();
  await updateBanner(second).getByRole('button', { name: 'Reload' }).click();
  await expect(second.getByLabel('Issuer')).toHaveValue('Other tab Bank');
  await second.getByRole('button', { name: 'Cancel' }).click();
  await expectReloadedOnNewVersion(second);
});
