import { test, expect, type Page } from './support/fixtures';
import { PASSWORD, createVault, otpauth } from './support/app';
import {
  T_CALM,
  axeViolations,
  backToList,
  openMenuItem,
  openSettings,
  pasteLink,
  SETTINGS_PAGES,
} from './accounts-support/helpers';

/** Every screen, in both themes: no serious or critical axe-core violation. Two walks, each within a minute and a half. */
async function check(page: Page, screen: string) {
  expect(await axeViolations(page), `axe on ${screen}`).toEqual([]);
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe-core finds nothing serious on the first run, the list and the account screens (${theme})`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: theme });
    await page.clock.setFixedTime(T_CALM);
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Create vault' })).toBeVisible();
    await check(page, 'setup');
    await page.getByRole('button', { name: 'Restore from a backup' }).click();
    await expect(page.getByLabel('Import file')).toBeAttached();
    await check(page, 'restore from a backup');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await createVault(page);
    await check(page, 'main, empty');

    await page.getByRole('button', { name: 'Add account' }).click();
    await check(page, 'add');
    await page.getByRole('button', { name: 'Enter manually' }).click();
    await page.getByText('Advanced').click();
    await page.getByLabel('Secret key').fill('not base32!');
    await expect(page.getByRole('alert')).toBeVisible();
    await check(page, 'manual, with an error');
    await page.getByLabel('Secret key').fill('JBSWY3DPEHPK3PXP');
    await page.getByLabel('Issuer').fill('Example Bank');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await pasteLink(page, otpauth('GitHub', 'octo'), false);
    await check(page, 'review');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await pasteLink(page, 'otpauth://hotp/Counter%20Co:carol?secret=GEZDGNBVGY3TQOJQ&issuer=Counter%20Co&counter=5');
    await pasteLink(page, otpauth('Example Bank', 'again', 'JBSWY3DPEHPK3PXP'), false);
    await expect(page.getByRole('note')).toBeVisible();
    await check(page, 'review of a duplicate');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await check(page, 'main with accounts');

    await page.getByRole('button', { name: 'More actions for GitHub (octo)' }).click();
    await check(page, 'main with an open menu');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Reorder' }).click();
    await check(page, 'reorder');
    await page.getByRole('button', { name: 'Done' }).click();

    await openMenuItem(page, 'GitHub', 'Edit');
    await page.getByText('Advanced').click();
    await check(page, 'edit');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await openMenuItem(page, 'GitHub', 'Delete');
    await check(page, 'delete');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  test(`axe-core finds nothing serious on the settings, tools, export and lock screens (${theme})`, async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: theme });
    await page.clock.setFixedTime(T_CALM);
    await createVault(page);
    await pasteLink(page, otpauth('GitHub', 'octo'));

    await openSettings(page);
    await check(page, 'settings');
    for (const section of SETTINGS_PAGES) {
      await page.getByRole('button', { name: section }).click();
      await expect(page.getByRole('heading', { name: section, level: 1 })).toBeVisible();
      await check(page, `settings: ${section}`);
      await page.getByRole('button', { name: 'Back', exact: true }).click();
    }
    await page.getByRole('button', { name: 'Tools' }).click();
    await page.getByRole('button', { name: 'New secret' }).click();
    await check(page, 'new secret');
    await backToList(page);
    // Two minutes on: the password was last confirmed long enough ago to be asked again.
    await page.clock.setFixedTime(T_CALM + 120_000);
    await openMenuItem(page, 'GitHub', 'Show QR code');
    await expect(page.getByRole('dialog')).toBeVisible();
    await check(page, 'confirm your password');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
    await check(page, 'QR code of an account');
    await backToList(page);
    await openSettings(page, 'Import and export');
    await page.getByLabel('Import file').setInputFiles({
      name: 'links.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(otpauth('Imported', 'me', 'KRSXG5CTMVRXEZLU') + '\n'),
    });
    await expect(page.getByRole('button', { name: 'Import 1 account' })).toBeVisible();
    await check(page, 'import review');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('button', { name: 'Export to Google Authenticator' }).click();
    await expect(page.getByRole('img', { name: /QR code 1 of 1/ })).toBeVisible();
    await check(page, 'export to Google Authenticator');
    await backToList(page);

    await openSettings(page, 'Security');
    await page.getByLabel('Hide codes until tapped').check();
    await backToList(page);
    await check(page, 'main with hidden codes');

    await page.getByRole('button', { name: 'Lock' }).click();
    await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
    await check(page, 'lock');
    await page.getByLabel('Password', { exact: true }).fill('wrong password');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await check(page, 'lock with an error');
    expect(PASSWORD).not.toBe('wrong password');
  });
}
