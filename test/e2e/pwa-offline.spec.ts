import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readShownQr } from './fixtures/qr';
import { expectAppRendered, waitForControl } from './pwa-support/pwa';
import { DIST, expect, test } from './pwa-support/own-server';
import { pasteLink } from './accounts-support/helpers';
import { accountItem, createVault, otpauth, PASSWORD, RFC_SECRET, shownCode, unlock } from './support/app';

/** At this instant the RFC 6238 SHA-1 seed gives 081804 (RFC 6238 appendix B, truncated to 6 digits). */
const T_RFC = 1111111109_000;

/**
 * Files of the build the app never loads: the worker itself (the browser fetches it, it is not precached) and
 * the store screenshots (only the install dialog shows them, online).
 */
const NOT_PRECACHED = [/^sw\.js$/, /^screenshots\//];

function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).replaceAll('\\', '/'))
    .filter((path) => !NOT_PRECACHED.some((pattern) => pattern.test(path)));
}

test('the app registers its service worker, which controls the page without a reload', async ({ page }) => {
  await page.goto('/');
  await waitForControl(page);
  const worker = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
  expect(worker).toMatch(/\/sw\.js$/);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(1);
});

test('offline, every screen works: unlock, codes, adding, the QR display', async ({ page, context, server }) => {
  await page.clock.setFixedTime(T_RFC);
  // The first visit is online: the vault is made, an account added, and the worker precaches the whole build.
  await createVault(page);
  await pasteLink(page, otpauth('Example Bank', 'alice@example.com'));
  await waitForControl(page);
  await server.close();
  await context.setOffline(true);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
  // Argon2id runs in its worker, with its wasm: both must come from the cache.
  await unlock(page);
  expect(await shownCode(page, 'Example Bank')).toBe('081804');

  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('heading', { name: 'Add account' })).toBeVisible();
  await expect(page.getByLabel('QR code image')).toBeAttached();
  await page.getByRole('button', { name: 'Enter manually' }).click();
  await expect(page.getByLabel('Issuer')).toBeVisible();
  await expect(page.getByLabel('Secret key')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();

  // The QR display is a lazy chunk of its own (with the qrcode library).
  await accountItem(page, 'Example Bank').getByRole('button', { name: 'More actions' }).click();
  await accountItem(page, 'Example Bank').getByRole('menuitem', { name: 'Show QR code' }).click();
  const qr = page.getByRole('img', { name: /QR code/ });
  const gate = page.getByRole('button', { name: 'Confirm' });
  await expect(qr.or(gate)).toBeVisible();
  if (await gate.isVisible()) {
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await gate.click();
  }
  expect(await readShownQr(qr)).toContain(`secret=${RFC_SECRET}`);
});

test('offline, every file of the build is precached and loads through the worker', async ({
  page,
  context,
  server,
}) => {
  await page.goto('/');
  await waitForControl(page);
  // Precaching finishes before the worker activates, and control comes after activation.
  await server.close();
  await context.setOffline(true);
  await page.reload();
  await expectAppRendered(page);

  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  const expected = filesOf(DIST).map((path) => `/${path}`);
  expect(expected.length).toBeGreaterThan(5);
  expect(new Set(cached)).toEqual(new Set(expected));

  // And each of them loads through the worker with the network gone: lazy chunks, workers and wasm included.
  const failures = await page.evaluate(async (paths) => {
    const failed: string[] = [];
    for (const path of paths) {
      const response = await fetch(path).catch(() => null);
      if (!response?.ok) failed.push(path);
    }
    return failed;
  }, expected);
  expect(failures).toEqual([]);
});

test('offline, a deep link still gets the app shell', async ({ page, context, server }) => {
  await page.goto('/');
  await waitForControl(page);
  await server.close();
  await context.setOffline(true);
  await page.goto('/?action=add');
  await expect(page.getByRole('button', { name: 'Create vault' })).toBeVisible();
});
