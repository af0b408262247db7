import type { Page } from '@playwright/test';
import { manifest } from '../../src/manifest';
import { qrPng } from './fixtures/qr';
import { waitForControl } from './pwa-support/pwa';
import { accountItem, createVault, otpauth, unlock } from './support/app';
import { expect, test } from './support/fixtures';

test.beforeEach(async ({ page }) => {
  await createVault(page);
  await waitForControl(page);
});

/**
 * Posts what an OS share sheet posts (the manifest's share_target form) to the app's service worker and returns
 * where the worker sends the browser. The page's CSP (form-action 'none') forbids a form submission from the page,
 * so the POST is a fetch; the OS's own navigation is then made with goto().
 */
async function share(page: Page, file: { bytes: Buffer; type: string } | null) {
  const { action, params } = manifest.share_target;
  return page.evaluate(
    async ({ action, field, file }) => {
      const form = new FormData();
      if (file) form.append(field, new Blob([new Uint8Array(file.bytes)], { type: file.type }), 'shared.png');
      else form.append('text', 'not an image');
      const response = await fetch(action, { method: 'POST', body: form });
      return { redirected: response.redirected, url: new URL(response.url).pathname + new URL(response.url).search };
    },
    { action, field: params.files[0].name, file: file && { bytes: [...file.bytes], type: file.type } },
  );
}

const shareCacheExists = (page: Page) => page.evaluate(() => caches.has('latchkey-share'));

test('a QR code image shared to the app opens its account for review, and is not kept', async ({ page }) => {
  const image = await qrPng(otpauth('Shared Bank', 'bob@example.com'));
  const landing = await share(page, { bytes: image, type: 'image/png' });
  expect(landing).toEqual({ redirected: true, url: '/?action=scan-shared' });

  await page.goto(landing.url);
  await unlock(page);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(accountItem(page, 'Shared Bank')).toContainText('bob@example.com');
  // The image holds a secret: once handed over it is gone from the cache.
  expect(await shareCacheExists(page)).toBe(false);
});

test('a share without an image lands in the app and says so; an earlier image is not scanned instead', async ({
  page,
}) => {
  await share(page, { bytes: await qrPng(otpauth('Earlier Bank', 'eve@example.com')), type: 'image/png' });
  const landing = await share(page, null);
  expect(landing).toEqual({ redirected: true, url: '/?action=scan-shared' });

  await page.goto(landing.url);
  await unlock(page);
  await expect(page.getByRole('status').filter({ hasText: 'The shared image was not received' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
  await expect(accountItem(page, 'Earlier Bank')).toHaveCount(0);
});
