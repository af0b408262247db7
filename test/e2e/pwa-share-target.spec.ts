import { manifest } from '../../src/manifest';
import { installHarness, waitForControl } from './pwa-support/harness';
import { expect, test } from './support/fixtures';

test.beforeEach(async ({ context, page }) => {
  await installHarness(context, { canApply: true });
  await page.goto('/');
  await waitForControl(page);
});

/** Posts what an OS share sheet posts (the manifest's share_target form) through the page's service worker. */
function share(page: import('@playwright/test').Page, file: { bytes: number[]; type: string } | null) {
  const { action, params } = manifest.share_target;
  return page.evaluate(
    async ({ action, field, file }) => {
      const form = new FormData();
      if (file) form.append(field, new Blob([new Uint8Array(file.bytes)], { type: file.type }), 'shared.png');
      else form.append('text', 'not an image');
      const response = await fetch(action, { method: 'POST', body: form });
      return { redirected: response.redirected, url: new URL(response.url).pathname + new URL(response.url).search };
    },
    { action, field: params.files[0].name, file },
  );
}

const take = (page: import('@playwright/test').Page) =>
  page.evaluate(async () => {
    const image = await window.__latchkeyTakeSharedImage!();
    return image ? { type: image.type, bytes: [...new Uint8Array(await image.arrayBuffer())] } : null;
  });

test('an image shared to the app is kept for the scanner, handed over once, then gone', async ({ page }) => {
  const bytes = [0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4];
  const result = await share(page, { bytes, type: 'image/png' });
  expect(result).toEqual({ redirected: true, url: '/?action=scan-shared' });

  expect(await take(page)).toEqual({ type: 'image/png', bytes });
  expect(await take(page)).toBeNull();
  expect(await page.evaluate(() => caches.has('latchkey-share'))).toBe(false);
});

test('a share without an image still lands in the app, with nothing to scan', async ({ page }) => {
  await share(page, { bytes: [1, 2, 3], type: 'image/png' });
  const result = await share(page, null);
  expect(result).toEqual({ redirected: true, url: '/?action=scan-shared' });
  // The earlier image is not scanned in place of the empty share.
  expect(await take(page)).toBeNull();
});
