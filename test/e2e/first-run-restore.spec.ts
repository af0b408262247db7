/** First run, Restore from a backup (issue 15): a backup made on one device opens as a new vault on another. */
import { test, expect } from './support/fixtures';
import { PASSWORD, accountItem, createVault, otpauth, unlock } from './support/app';
import { exportBackup, openSettings, pasteLink } from './accounts-support/helpers';

const T = 1111111100_000;

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(T);
});

test('first run restores a backup: the file, its password, a new password, the review, the list', async ({
  page,
  browser,
}, info) => {
  test.slow(); // five key derivations: two vaults, the backup's password twice, an unlock
  await createVault(page);
  await pasteLink(page, otpauth('Example Bank', 'alice'));
  await pasteLink(page, otpauth('Other Co', 'bob', 'JBSWY3DPEHPK3PXP'));
  await openSettings(page, 'Backup and restore');
  const file = info.outputPath('backup.json');
  await exportBackup(page, file);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.clock.setFixedTime(T);
  await other.goto('/');
  await other.getByRole('button', { name: 'Restore from a backup' }).click();
  await expect(other.getByRole('heading', { name: 'Restore from a backup', level: 1 })).toBeVisible();
  await other.getByLabel('Import file').setInputFiles(file);
  await other.getByLabel('Backup password').fill(PASSWORD);
  await other.getByRole('button', { name: 'Open file' }).click();
  await expect(other.getByRole('heading', { name: 'Choose a password', level: 1 })).toBeVisible();
  await other.getByLabel('Password', { exact: true }).fill('a new device password');
  await other.getByLabel('Confirm password').fill('a different one');
  await other.getByRole('button', { name: 'Continue' }).click();
  await expect(other.getByRole('alert')).toContainText(/match/i);
  await other.getByLabel('Confirm password').fill('a new device password');
  await other.getByRole('button', { name: 'Continue' }).click();
  await other.getByRole('button', { name: /^Import 2 accounts/ }).click();
  await expect(accountItem(other, 'Example Bank')).toBeVisible();
  await expect(accountItem(other, 'Other Co')).toBeVisible();
  // The new password is the one that opens this device's vault.
  await other.getByRole('button', { name: 'Lock' }).click();
  await unlock(other, 'a new device password');
  await expect(accountItem(other, 'Other Co')).toBeVisible();
  await fresh.close();
});
