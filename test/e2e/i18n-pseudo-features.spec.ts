/**
 * The pseudo-language walk (issue 18) through passkeys, Change icon and Sync at 390 px: a passkey added and
 * listed, its Remove question, the re-confirmation that offers it, the lock screen that offers it, Change icon with a brand search and a refused
 * file, and Sync's connect form with a refusal. Any visible text outside en-XA's brackets escaped translation;
 * text clipped or out of its box would be clipped in a longer language too. Opened at localhost: WebAuthn refuses
 * an IP address (support/passkeys.ts).
 */
import { test, expect, authenticators } from './support/passkeys';
import type { Page } from '@playwright/test';
import { PASSWORD, otpauth } from './support/app';
import { inspectScreen } from './i18n-support/inspect';
import { SETTINGS_SECTIONS } from '../../src/ui/settings/settings-sections';

test.use({ viewport: { width: 390, height: 844 } });

const ISSUER = 'Example';
const NAME = 'walker@example.com';
const OWN_DATA = [ISSUER, NAME, `${ISSUER} (${NAME})`];

const submit = (page: Page) => page.locator('form button[type="submit"]').first();
const appBarBack = (page: Page) => page.locator('.app-bar button.icon').first();
const settingsPage = (page: Page, section: (typeof SETTINGS_SECTIONS)[number]) =>
  page.locator('.nav-row').nth(SETTINGS_SECTIONS.indexOf(section));

test('passkeys, Change icon and Sync in en-XA are translated and fit at 390 px', async ({ page }) => {
  test.setTimeout(120_000);
  const findings: string[] = [];
  const look = async (screen: string) => {
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const found = await inspectScreen(page, OWN_DATA);
    for (const text of found.untranslated) findings.push(`${screen}: untranslated ${text}`);
    for (const text of found.clipped) findings.push(`${screen}: ${text}`);
    if (found.horizontalScroll) findings.push(`${screen}: scrolls sideways at 390 px`);
  };
  await page.clock.install(); // time flows; later jumped past the minute a confirmed password is trusted
  const webauthn = await authenticators(page);
  const device = await webauthn.add();

  await page.goto('/?lang=en-XA');
  await page.locator('#setup-password').fill(PASSWORD);
  await page.locator('#setup-confirm').fill(PASSWORD);
  await submit(page).click();
  await expect(page.locator('.fab')).toBeVisible({ timeout: 20_000 });
  await page.locator('.fab').click();
  await page.locator('#paste-link').fill(otpauth(ISSUER, NAME));
  await page.locator('.paste-link button[type="submit"]').click();
  await submit(page).click();
  await expect(page.locator('.account')).toHaveCount(1);

  // Change icon: the picker, a brand search, and a file that is not a picture.
  await page.locator('.account [aria-haspopup="menu"]').click();
  await page.getByRole('menuitem').nth(2).click(); // Edit
  await page.locator('.icon-current button').click();
  await expect(page.locator('#icon-search')).toBeVisible();
  await look('change icon');
  await page.locator('#icon-search').fill('GitHub');
  await expect(page.locator('.icon-results li').first()).toBeVisible();
  await look('change icon, searched');
  await page.locator('#icon-file').setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not a picture'),
  });
  await expect(page.getByRole('alert')).toBeVisible();
  await look('change icon, refused file');
  await appBarBack(page).click();

  // Settings → Security: a passkey added, listed, and the question before removing it.
  await page.locator('.app-bar button.icon').first().click();
  await settingsPage(page, 'security').click();
  await page.locator('#passkey-password').fill(PASSWORD);
  await page.locator('#passkey-password').press('Enter');
  await expect(page.locator('.passkey-list li')).toHaveCount(1);
  await look('passkeys');
  await page.locator('.passkey-list button').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await look('remove passkey');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await appBarBack(page).click();

  // Showing a secret a minute later asks again, now offering the passkey.
  await appBarBack(page).click();
  await page.clock.runFor(65_000);
  await page.locator('.account [aria-haspopup="menu"]').click();
  await page.getByRole('menuitem').nth(0).click(); // Show QR code
  await expect(page.getByRole('dialog').locator('.choices button')).toBeVisible();
  await look('confirm it is you, with a passkey');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.locator('.app-bar button.icon').first().click(); // Settings

  // Settings → Sync: the connect form, and a refusal (no username).
  await settingsPage(page, 'sync').click();
  await expect(page.locator('#sync-url')).toBeVisible();
  await page.locator('#sync-url').fill('https://dav.example/latchkey/');
  await submit(page).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await look('sync, refused');
  await appBarBack(page).click();

  // The lock screen of a vault with a passkey, while the passkey is being asked for.
  await webauthn.answers(device, false);
  await page.reload();
  await expect(page.locator('#unlock-password')).toBeVisible();
  await expect(page.locator('.gate .note')).toBeVisible(); // waiting for the passkey
  await look('lock screen with a passkey');

  expect(findings).toEqual([]);
});
