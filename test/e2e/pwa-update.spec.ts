import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { installHarness, waitForControl, workerVersion } from './pwa-support/harness';
import { DIST_UPDATE, expect, test } from './pwa-support/own-server';

// dist-update is the same app built as version 9.9.9 (test/e2e/support/global-setup.ts).
const OLD_VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const NEW_VERSION = '9.9.9';

/** Tags the current document, so a reload (which drops the tag) can be told from no reload. */
const tag = (page: Page) => page.evaluate(() => document.documentElement.setAttribute('data-test-tag', 'before'));
const isSameDocument = (page: Page) =>
  page.evaluate(() => document.documentElement.getAttribute('data-test-tag') === 'before');
const updateBanner = (page: Page) => page.getByRole('status').filter({ hasText: 'Update available' });

/** Loads version 1 under its worker, then "deploys" version 2 and asks the browser to look for it. */
async function deployUpdateWhileOpen(pages: Page[], server: { setRoot(root: string): void }) {
  for (const page of pages) {
    await page.goto('/');
    await waitForControl(page);
    expect(await workerVersion(page)).toBe(OLD_VERSION);
    await tag(page);
  }
  server.setRoot(DIST_UPDATE);
  await pages[0]!.evaluate(async () => (await navigator.serviceWorker.ready).update());
}

test('with nothing in use, an update applies itself and the page reloads on the new version', async ({
  page,
  context,
  server,
}) => {
  await installHarness(context, { canApply: true });
  await deployUpdateWhileOpen([page], server);
  await expect.poll(() => isSameDocument(page).catch(() => true)).toBe(false);
  await waitForControl(page);
  expect(await workerVersion(page)).toBe(NEW_VERSION);
  await expect(updateBanner(page)).toHaveCount(0);
});

test('with a form open, the update waits for Reload, then applies', async ({ page, context, server }) => {
  await installHarness(context, { canApply: false });
  await deployUpdateWhileOpen([page], server);
  await expect(updateBanner(page)).toBeVisible();
  await expect(updateBanner(page).getByRole('button', { name: 'Reload' })).toBeVisible();
  // Waiting is not applying: the half-entered form is still there, under the old version.
  await page.waitForTimeout(500);
  expect(await isSameDocument(page)).toBe(true);
  expect(await workerVersion(page)).toBe(OLD_VERSION);

  await Promise.all([page.waitForEvent('load'), updateBanner(page).getByRole('button', { name: 'Reload' }).click()]);
  expect(await isSameDocument(page)).toBe(false);
  expect(await workerVersion(page)).toBe(NEW_VERSION);
  await expect(updateBanner(page)).toHaveCount(0);
});

test('an update applied in one tab does not reload another tab that has a form open', async ({ context, server }) => {
  await installHarness(context, { canApply: false });
  const [first, second] = [await context.newPage(), await context.newPage()];
  await deployUpdateWhileOpen([first, second], server);
  await expect(updateBanner(first)).toBeVisible();
  await expect(updateBanner(second)).toBeVisible();

  await Promise.all([first.waitForEvent('load'), updateBanner(first).getByRole('button', { name: 'Reload' }).click()]);
  expect(await workerVersion(first)).toBe(NEW_VERSION);
  // The other tab now runs under the new worker but keeps its document until its person says Reload.
  await expect.poll(() => workerVersion(second)).toBe(NEW_VERSION);
  expect(await isSameDocument(second)).toBe(true);
  await expect(updateBanner(second)).toBeVisible();

  await Promise.all([
    second.waitForEvent('load'),
    updateBanner(second).getByRole('button', { name: 'Reload' }).click(),
  ]);
  expect(await isSameDocument(second)).toBe(false);
});
