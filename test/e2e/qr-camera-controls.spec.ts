import { expect, type Page } from './support/fixtures';
import { createVault } from './support/app';
import { RECORD_STREAMS, askedFor, cameraTest, liveTracks } from './fixtures/camera';

// Two fake cameras showing Chromium's test pattern (no QR code): the scanner stays open.
const test = cameraTest({ device: 'device-count=2' });

/** Chromium's fake camera has no torch; this gives its tracks one, recording what the page asks of it. */
const FAKE_TORCH = () => {
  const track = MediaStreamTrack.prototype;
  const getSettings = track.getSettings;
  const applied: unknown[] = [];
  Object.assign(window, { __torch: applied });
  track.getSettings = function () {
    return { ...getSettings.call(this), torch: false };
  };
  track.applyConstraints = async function (constraints) {
    applied.push(constraints);
  };
};

function setHidden(page: Page, hidden: boolean) {
  return page.evaluate((hidden) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (hidden ? 'hidden' : 'visible'),
    });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

test('the scanner: viewfinder, camera switch, torch, released while hidden and on leaving', async ({ page }) => {
  await page.addInitScript(RECORD_STREAMS);
  await page.addInitScript(FAKE_TORCH);
  await createVault(page);
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('button', { name: 'Scan QR code' }).click();
  await expect(page.getByText('Hold the QR code inside the frame.')).toBeVisible();
  await expect(page.getByLabel('Camera view')).toBeVisible();
  expect(await liveTracks(page)).toBe(1);

  // Camera switch: both cameras listed; choosing one opens exactly that device.
  const choice = page.getByLabel('Camera', { exact: true });
  await expect(choice.locator('option')).toHaveText(['Back camera (default)', 'fake_device_0', 'fake_device_1']);
  const second = await choice.locator('option').nth(2).getAttribute('value');
  await choice.selectOption(second!);
  await expect.poll(async () => (await askedFor(page)).at(-1)?.video).toMatchObject({ deviceId: { exact: second } });
  await expect.poll(() => liveTracks(page)).toBe(1);

  // Torch where the camera has one.
  const torch = page.getByRole('button', { name: 'Torch' });
  await expect(torch).toHaveAttribute('aria-pressed', 'false');
  await torch.click();
  await expect(torch).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => (window as unknown as { __torch: unknown[] }).__torch)).toEqual([
    { advanced: [{ torch: true }] },
  ]);

  // Hidden page: the camera is released at once; back in view, it starts again.
  await setHidden(page, true);
  await expect.poll(() => liveTracks(page), { timeout: 250 }).toBe(0);
  await setHidden(page, false);
  await expect.poll(() => liveTracks(page)).toBe(1);

  // Leaving the scanner releases the camera too.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { name: 'Add account' })).toBeVisible();
  await expect.poll(() => liveTracks(page)).toBe(0);
});
