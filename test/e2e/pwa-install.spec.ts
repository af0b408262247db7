import { expectAppRendered, installHarness } from './pwa-support/harness';
import { expect, test } from './support/fixtures';

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ' +
  'Version/17.5 Mobile/15E148 Safari/604.1';

test.beforeEach(async ({ context }) => {
  await installHarness(context, { canApply: true });
});

test('no install offer is shown until the browser makes one', async ({ page }) => {
  await page.goto('/');
  await page.waitForSelector('#pwa-harness', { state: 'attached' });
  await expect(page.getByRole('button', { name: 'Install' })).toHaveCount(0);
  await expect(page.getByText('Add to Home Screen')).toHaveCount(0);
});

test('when Chromium offers installation, Install opens its dialog once', async ({ page }) => {
  await page.goto('/');
  await page.waitForSelector('#pwa-harness', { state: 'attached' });
  // Chromium fires beforeinstallprompt only for engaged visits; a stand-in with the same members is dispatched.
  await page.evaluate(() => {
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: async () => void ((window as { prompted?: number }).prompted = 1),
      userChoice: Promise.resolve({ outcome: 'accepted' }),
    });
    window.dispatchEvent(offer);
    (window as { offerDefaultPrevented?: boolean }).offerDefaultPrevented = offer.defaultPrevented;
  });
  const offer = page.getByRole('region', { name: 'Install Latchkey' });
  await expect(offer).toContainText('works offline');
  expect(await page.evaluate(() => (window as { offerDefaultPrevented?: boolean }).offerDefaultPrevented)).toBe(true);

  await offer.getByRole('button', { name: 'Install' }).click();
  expect(await page.evaluate(() => (window as { prompted?: number }).prompted)).toBe(1);
  await expect(page.getByRole('button', { name: 'Install' })).toHaveCount(0);
});

test.describe('on iPhone Safari', () => {
  test.use({ userAgent: IPHONE_SAFARI, viewport: { width: 390, height: 844 }, hasTouch: true });

  test('a how-to explains why and how to add to the Home Screen, until dismissed', async ({ page }) => {
    await page.goto('/');
    const tip = page.getByRole('region', { name: 'Add Latchkey to your Home Screen' });
    await expect(tip).toContainText('Add to Home Screen');
    await expect(tip).toContainText('7 days');

    await tip.getByRole('button', { name: 'Dismiss' }).click();
    await expect(tip).toHaveCount(0);
    await page.reload();
    await expectAppRendered(page);
    await page.waitForSelector('#pwa-harness', { state: 'attached' });
    await expect(tip).toHaveCount(0);
  });
});
