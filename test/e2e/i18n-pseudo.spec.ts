/**
 * The pseudo-language walk (issue 18): every screen in en-XA at 390 px. Every message is bracketed, accented and
 * 40 % longer there, so any visible text outside brackets escaped translation, and any text clipped or running
 * out of its box would be clipped in a longer language too.
 */
import { test, expect, type Page } from './support/fixtures';
import { PASSWORD, otpauth } from './support/app';
import { inspectScreen } from './i18n-support/inspect';
import { SETTINGS_SECTIONS } from '../../src/ui/settings/settings-sections';

test.use({ viewport: { width: 390, height: 844 } });

const ISSUER = 'Example';
const NAME = 'walker@example.com';
const OWN_DATA = [ISSUER, NAME, `${ISSUER} (${NAME})`, 'Google Authenticator export'];
const findings: string[] = [];

async function look(page: Page, screen: string) {
  // Screens fade and lazy parts arrive: look once the busy markers are gone.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const found = await inspectScreen(page, OWN_DATA);
  for (const text of found.untranslated) findings.push(`${screen}: untranslated ${text}`);
  for (const text of found.clipped) findings.push(`${screen}: ${text}`);
  if (found.horizontalScroll) findings.push(`${screen}: scrolls sideways at 390 px`);
}

const submit = (page: Page) => page.locator('form button[type="submit"]').first();
const appBarBack = (page: Page) => page.locator('.app-bar button.icon').first();

test('every screen in en-XA is translated and fits at 390 px', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?lang=en-XA');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
  await expect(page.locator('#setup-password')).toBeVisible();
  await look(page, 'first run');
  await page.locator('#setup-password').fill('short');
  await page.locator('#setup-confirm').fill('other');
  await submit(page).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await look(page, 'first run, refused');

  await page.locator('.choices button').nth(0).click(); // Restore from a backup
  await expect(page.locator('#import-file')).toBeAttached();
  await look(page, 'first-run restore');
  await appBarBack(page).click();
  await page.locator('.choices button').nth(1).click(); // Join a synced vault
  await expect(page.locator('#join-url')).toBeVisible();
  await look(page, 'join a synced vault');
  await submit(page).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await look(page, 'join a synced vault, refused');
  await appBarBack(page).click();

  await page.locator('#setup-password').fill(PASSWORD);
  await page.locator('#setup-confirm').fill(PASSWORD);
  await look(page, 'first run, strong password');
  await submit(page).click();
  await expect(page.locator('.fab')).toBeVisible({ timeout: 20_000 });
  await look(page, 'empty list');

  await page.locator('.fab').click();
  await expect(page.locator('#paste-link')).toBeVisible();
  await look(page, 'add account');
  await page.locator('#paste-link').fill('not a link');
  await page.locator('.paste-link button[type="submit"]').click();
  await expect(page.getByRole('alert')).toBeVisible();
  await look(page, 'add account, refused link');

  await page.locator('.choices button.big').nth(1).click(); // Enter manually
  await expect(page.locator('#m-secret')).toBeVisible();
  await page.locator('#m-secret').fill('1');
  await page.locator('.disclosure summary').click();
  await look(page, 'manual entry');
  await appBarBack(page).click();

  await page.locator('#paste-link').fill(otpauth(ISSUER, NAME));
  await page.locator('.paste-link button[type="submit"]').click();
  await expect(page.locator('#review-issuer')).toBeVisible();
  await look(page, 'review');
  await submit(page).click();
  await expect(page.locator('.account')).toHaveCount(1);
  await look(page, 'list');

  await page.locator('.account [aria-haspopup="menu"]').click();
  await expect(page.getByRole('menu')).toBeVisible();
  await look(page, 'account menu');
  await page.getByRole('menuitem').nth(2).click(); // Edit
  await expect(page.locator('#e-issuer')).toBeVisible();
  await look(page, 'edit');
  await appBarBack(page).click();

  await page.locator('.account [aria-haspopup="menu"]').click();
  await page.getByRole('menuitem').nth(3).click(); // Delete
  await expect(page.locator('button.danger')).toBeVisible();
  await look(page, 'delete');
  await appBarBack(page).click();

  await page.locator('.account [aria-haspopup="menu"]').click();
  await page.getByRole('menuitem').nth(0).click(); // Show QR code (confirmed at unlock)
  await expect(page.locator('img.qr')).toBeVisible();
  await look(page, 'show QR code');
  await appBarBack(page).click();

  await page.locator('.app-bar button.icon').first().click(); // Settings
  await expect(page.locator('.nav-list')).toBeVisible();
  await look(page, 'settings');
  const pages = await page.locator('.nav-row').count();
  for (let i = 0; i < pages; i++) {
    await page.locator('.nav-row').nth(i).click();
    await expect(page.locator('main.settings')).toBeVisible();
    await look(page, `settings page ${i + 1}`);
    await appBarBack(page).click();
    await expect(page.locator('.nav-list')).toBeVisible();
  }

  // Import review: a file through Settings → Import and export.
  await page.locator('.nav-row').nth(SETTINGS_SECTIONS.indexOf('transfer')).click();
  await page.locator('#import-file').setInputFiles({
    name: 'accounts.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(`${otpauth(ISSUER, NAME)}\nnot a link\n`),
  });
  await expect(page.locator('.import-list')).toBeVisible();
  await look(page, 'import review');
  await appBarBack(page).click();

  await page.reload();
  await expect(page.locator('#unlock-password')).toBeVisible();
  await look(page, 'lock screen');
  await submit(page).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await look(page, 'lock screen, refused');

  expect(findings).toEqual([]);
});

test('the Language setting is kept in plain settings and the lock screen speaks it', async ({ page }) => {
  await page.goto('/');
  await page.locator('#setup-password').fill(PASSWORD);
  await page.locator('#setup-confirm').fill(PASSWORD);
  await submit(page).click();
  await expect(page.locator('.fab')).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Appearance' }).click();
  await page.getByLabel('Language').selectOption('de');
  await expect(page.getByRole('heading', { name: 'Darstellung', level: 1 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  // A new visit, locked: the lock screen speaks the setting, read from plain storage before unlocking.
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Latchkey ist gesperrt' })).toBeVisible();
  await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Entsperren' }).click();
  await expect(page.getByRole('button', { name: 'Konto hinzufügen' })).toBeVisible();
});
