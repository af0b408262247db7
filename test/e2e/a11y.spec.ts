import { test, expect, type Page } from './support/fixtures';
import { PASSWORD, createVault, otpauth } from './support/app';
import { T_CALM, axeViolations, backToList, openMenuItem, openSettings, pasteLink } from './accounts-support/helpers';

/** Every screen, in both themes: no serious or critical axe-core violation. */
async function check(page: Page, screen: string) {
  expect(await axeViolations(page), `axe on ${screen}`).toEqual([]);
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe-core finds nothing serious on any screen (${theme})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: theme });
    await page.clock.setFixedTime(T_CALM);
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Create vault' })).toBeVisible();
    await check(page, 'setup');
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
    await page.getByRole('button', { name: 'Continue' }).click();
    await check(page, 'review');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await pasteLink(page, otpauth('GitHub', 'octo'));
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

    await openSettings(page);
    await page.getByLabel('Hide codes until tapped').check();
    await check(page, 'settings');
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
