import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expectAppRendered, installHarness, waitForControl } from './pwa-support/harness';
import { DIST, expect, test } from './pwa-support/own-server';

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

test.beforeEach(async ({ context }) => {
  await installHarness(context, { canApply: true });
});

test('the service worker controls the page once it has been loaded', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
  expect(controller).toMatch(/\/sw\.js$/);
});

test('offline, the app still starts and every file of the build comes from the cache', async ({
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
  await expectAppRendered(page);
});
