/**
 * One rule, one dialog: more than a minute after the password was last typed, anything that shows a secret,
 * writes one in plaintext, or encrypts the accounts under a new password asks for it again.
 */
import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from './support/fixtures';
import { PASSWORD, createVault, otpauth } from './support/app';
import { openMenuItem, openSettings, pasteLink } from './accounts-support/helpers';

const T = 1111111100_000;

function dialog(page: Page) {
  return page.getByRole('dialog');
}

async function confirmWith(page: Page, password: string) {
  await dialog(page).getByLabel('Password', { exact: true }).fill(password);
  await dialog(page).getByRole('button', { name: 'Confirm' }).click();
}

/** A vault with one account, unlocked more than a minute ago. */
async function unattended(page: Page) {
  await page.clock.install({ time: T });
  await createVault(page);
  await pasteLink(page, otpauth('Example Bank', 'alice'));
  await page.clock.runFor(65_000);
}

test('Edit → Advanced shows the secret only after the password; wrong is refused, right opens it', async ({ page }) => {
  await unattended(page);
  await openMenuItem(page, 'Example Bank', 'Edit');
  await page.getByText('Advanced').click();
  await expect(dialog(page)).toBeVisible();
  await expect(page.getByLabel('Secret key')).toBeHidden();
  await confirmWith(page, 'not the password');
  await expect(dialog(page).getByRole('alert')).toContainText('password');
  await expect(page.getByLabel('Secret key')).toBeHidden();
  await confirmWith(page, PASSWORD);
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByLabel('Secret key')).toHaveValue('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
});

test('the plain exports and a backup under a new password ask first; Cancel writes nothing', async ({ page }, info) => {
  await unattended(page);
  await openSettings(page, 'Import and export');
  await page.getByLabel('I understand the file will not be encrypted').check();
  let downloads = 0;
  page.on('download', () => downloads++);

  for (const name of ['Export otpauth list', 'Export plain Aegis file']) {
    await page.getByRole('button', { name }).click();
    await expect(dialog(page)).toBeVisible();
    await dialog(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog(page)).toBeHidden();
  }
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('button', { name: 'Backup and restore' }).click();
  await page.getByRole('button', { name: 'Export backup' }).click();
  await page.getByLabel('Encrypt with my vault password').uncheck();
  await page.getByLabel('Encryption password for this file').fill('a new backup password');
  await page.getByRole('button', { name: 'Export backup' }).click();
  await expect(dialog(page)).toBeVisible();
  await dialog(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText('not confirmed');
  expect(downloads).toBe(0);

  // Confirmed once, the next minute needs no second confirmation.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await page.getByRole('button', { name: 'Import and export' }).click();
  await page.getByLabel('I understand the file will not be encrypted').check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export otpauth list' }).click();
  await confirmWith(page, PASSWORD);
  const file = info.outputPath('links.txt');
  await (await downloading).saveAs(file);
  expect(await readFile(file, 'utf8')).toContain('otpauth://totp/Example%20Bank:alice');
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export plain Aegis file' }).click();
  await again;
  await expect(dialog(page)).toBeHidden();
});

test('Escape in the dialog cancels, and the secret screen it guarded is left', async ({ page }) => {
  await unattended(page);
  await openMenuItem(page, 'Example Bank', 'Show QR code');
  await expect(dialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toBeHidden();
  await expect(page.getByRole('list', { name: 'Accounts', exact: true })).toBeVisible();
});
