import { offerInstall, promptedInstall } from './pwa-support/pwa';
import { createVault, serverClockAt, unlock } from './support/app';
import { expect, test } from './support/fixtures';

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ' +
  'Version/17.5 Mobile/15E148 Safari/604.1';

test('no install offer is shown until the browser makes one; then Install opens its dialog once', async ({ page }) => {
  await createVault(page);
  await expect(page.getByRole('button', { name: 'Install' })).toHaveCount(0);
  await expect(page.getByText('Add to Home Screen')).toHaveCount(0);

  // The app keeps the offer (preventDefault) to show it in its own words, on the account list.
  expect(await offerInstall(page)).toBe(true);
  const offer = page.getByRole('region', { name: 'Install Latchkey' });
  await expect(offer).toContainText('works offline');

  await offer.getByRole('button', { name: 'Install' }).click();
  expect(await promptedInstall(page)).toBe(true);
  await expect(page.getByRole('button', { name: 'Install' })).toHaveCount(0);
});

test('an offer the browser makes while the lock screen shows is kept until the vault is open', async ({ page }) => {
  await createVault(page);
  // Chromium makes its offer soon after a page loads, before the unlocked app (a lazy chunk) has loaded.
  await page.addInitScript(() =>
    window.addEventListener('load', () => {
      const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
        prompt: async () => void ((window as { prompted?: number }).prompted = 1),
        userChoice: Promise.resolve({ outcome: 'accepted' }),
      });
      window.dispatchEvent(offer);
    }),
  );
  await page.reload();
  await unlock(page);
  const offer = page.getByRole('region', { name: 'Install Latchkey' });
  await offer.getByRole('button', { name: 'Install' }).click();
  expect(await promptedInstall(page)).toBe(true);
});

test('Not now puts the card away across reloads; it comes back once, four weeks later, and then never', async ({
  page,
}) => {
  const start = Date.UTC(2026, 11, 1);
  let now = start;
  // The server agrees with the page's clock: a clock warning would take the card's place and hide it for the
  // wrong reason.
  await serverClockAt(page, () => now);
  await page.clock.setFixedTime(start);
  await createVault(page);
  const offer = page.getByRole('region', { name: 'Install Latchkey' });
  expect(await offerInstall(page)).toBe(true);
  await expect(offer).toBeVisible();
  // Compact: the first code stays near the top of a phone's screen.
  expect((await offer.boundingBox())!.height).toBeLessThan(160);
  await offer.getByRole('button', { name: 'Not now' }).click();
  await expect(offer).toHaveCount(0);

  const reopen = async (at: number) => {
    now = at;
    await page.clock.setFixedTime(at);
    await page.reload();
    await unlock(page);
    await expect(page.getByRole('button', { name: 'Add account' })).toBeVisible();
    expect(await offerInstall(page)).toBe(true);
  };
  await reopen(start + 7 * 24 * 3600_000);
  await expect(offer).toHaveCount(0);
  await reopen(start + 29 * 24 * 3600_000);
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Not now' }).click();
  await reopen(start + 400 * 24 * 3600_000);
  await expect(offer).toHaveCount(0);
});

test.describe('on iPhone Safari', () => {
  test.use({ userAgent: IPHONE_SAFARI, viewport: { width: 390, height: 844 }, hasTouch: true });

  test('a how-to explains why and how to add to the Home Screen, until put off', async ({ page }) => {
    await createVault(page);
    const tip = page.getByRole('region', { name: 'Add Latchkey to your Home Screen' });
    await expect(tip).toContainText('Add to Home Screen');
    await expect(tip).toContainText('7 days');

    await tip.getByRole('button', { name: 'Not now' }).click();
    await expect(tip).toHaveCount(0);
    // Put off, not only hidden: the list drawn afresh (it reads the choice from storage) has no tip.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Add account' })).toBeVisible();
    await expect(tip).toHaveCount(0);
  });
});
