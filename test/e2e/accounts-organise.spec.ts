import { test, expect, type Page } from './support/fixtures';
import { savesSettled, slowSealing } from './support/slow-sealing';
import { accountItem, createVault, otpauth, shownCode, unlock } from './support/app';
import {
  T_CALM,
  backToList,
  hotpAt,
  importUris,
  list,
  openMenuItem,
  openSettings,
  rowIssuers,
  toast,
} from './accounts-support/helpers';

const SECRETS = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LK', 'KRUGS4ZANFZSAYJA'];

/** Four accounts in the custom order Delta, Alpha, Charlie, Bravo (the order of the imported list). */
async function fourAccounts(page: Page) {
  await page.clock.setFixedTime(T_CALM);
  await createVault(page);
  const names = ['Delta', 'Alpha', 'Charlie', 'Bravo'];
  await importUris(
    page,
    names.map((n, i) => otpauth(n, `${n.toLowerCase()}@example.com`, SECRETS[i])),
  );
  await expect(list(page).getByRole('listitem')).toHaveCount(4);
}

async function edit(page: Page, row: string, fields: Record<string, string>) {
  await openMenuItem(page, row, 'Edit');
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(list(page)).toBeVisible();
}

async function relock(page: Page) {
  await savesSettled(page);
  await page.reload();
  await unlock(page);
  await expect(list(page)).toBeVisible();
}

test('search matches issuer, account, note and group; "/" focuses it and Escape clears it', async ({ page }) => {
  await fourAccounts(page);
  await edit(page, 'Alpha', { Note: 'Recovery sheet in the blue folder', Group: 'Work' });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  const search = page.getByRole('searchbox', { name: 'Search' });
  await expect(search).toBeFocused();
  for (const [query, expected] of [
    ['char', ['Charlie']],
    ['BRAVO@', ['Bravo']],
    ['blue folder', ['Alpha']],
    ['work', ['Alpha']],
    ['example.com', ['Delta', 'Alpha', 'Charlie', 'Bravo']],
  ] as const) {
    await search.fill(query);
    expect(await rowIssuers(page)).toEqual(expected);
  }
  await search.fill('nothing like this');
  await expect(page.getByText('No account matches “nothing like this”.')).toBeVisible();
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(list(page).getByRole('listitem')).toHaveCount(4);
});

test('favourites are pinned on top and stay pinned after a reload', async ({ page }) => {
  await fourAccounts(page);
  await openMenuItem(page, 'Bravo', 'Pin as favourite');
  await expect.poll(() => rowIssuers(page)).toEqual(['★ Bravo', 'Delta', 'Alpha', 'Charlie']);
  await relock(page);
  expect(await rowIssuers(page)).toEqual(['★ Bravo', 'Delta', 'Alpha', 'Charlie']);
  await openMenuItem(page, 'Bravo', 'Unpin favourite');
  await expect.poll(() => rowIssuers(page)).toEqual(['Delta', 'Alpha', 'Charlie', 'Bravo']);
});

test('groups: set in Edit, then a filter shows one group', async ({ page }) => {
  await fourAccounts(page);
  await expect(page.getByLabel('Group', { exact: true })).toHaveCount(0);
  await edit(page, 'Alpha', { Group: 'Work' });
  await edit(page, 'Charlie', { Group: 'Work' });
  await edit(page, 'Delta', { Group: 'Home' });
  const filter = page.getByRole('combobox', { name: 'Group' });
  await filter.selectOption('Work');
  expect(await rowIssuers(page)).toEqual(['Alpha', 'Charlie']);
  await filter.selectOption('Home');
  expect(await rowIssuers(page)).toEqual(['Delta']);
  await filter.selectOption('');
  await expect(list(page).getByRole('listitem')).toHaveCount(4);
});

test('sort by issuer, account, most used or recently used is saved', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await fourAccounts(page);
  const sortBy = async (label: string) => {
    await openSettings(page, 'Appearance');
    await page.getByLabel('Sort accounts by').selectOption({ label });
    await backToList(page);
  };
  await sortBy('Issuer');
  expect(await rowIssuers(page)).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta']);
  await relock(page);
  expect(await rowIssuers(page)).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta']);

  // Copying counts as a use: Charlie twice, Bravo once.
  for (const row of ['Charlie', 'Bravo', 'Charlie']) {
    await accountItem(page, row)
      .getByRole('button', { name: /copy code$/ })
      .click();
    await expect(toast(page)).toContainText(`Copied the code for ${row}`);
  }
  await sortBy('Most used');
  await expect.poll(() => rowIssuers(page)).toEqual(['Charlie', 'Bravo', 'Delta', 'Alpha']);
  await sortBy('Custom order');
  expect(await rowIssuers(page)).toEqual(['Delta', 'Alpha', 'Charlie', 'Bravo']);
});

test('custom order: keyboard moves and a pointer drag are saved and survive a reload', async ({ page }) => {
  await fourAccounts(page);
  await openSettings(page, 'Appearance');
  await page.getByLabel('Sort accounts by').selectOption({ label: 'Issuer' });
  await backToList(page);

  // Reorder switches to the custom order; Move buttons work from the keyboard and keep focus on the row.
  await page.getByRole('button', { name: 'Reorder' }).click();
  const order = page.getByRole('list', { name: 'Custom order' });
  const names = () => order.getByRole('listitem').locator('.issuer').allInnerTexts();
  expect(await names()).toEqual(['Delta', 'Alpha', 'Charlie', 'Bravo']);
  await expect(order.getByRole('button', { name: 'Move up: Delta' })).toBeDisabled();
  await expect(order.getByRole('button', { name: 'Move down: Bravo' })).toBeDisabled();

  await order.getByRole('button', { name: 'Move down: Delta' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(names).toEqual(['Alpha', 'Delta', 'Charlie', 'Bravo']);
  await expect(order.getByRole('button', { name: 'Move down: Delta' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(names).toEqual(['Alpha', 'Charlie', 'Delta', 'Bravo']);
  await expect(page.getByText('Delta (delta@example.com) moved to position 3 of 4.')).toBeAttached();

  // Sealing is slow from here on, like on an old phone: Done must still return to the order just arranged, not
  // show the saved one from before the drag for a moment.
  await page.evaluate(slowSealing, 500);
  // Drag Bravo by its handle onto the top row.
  const handle = order.getByRole('listitem').filter({ hasText: 'Bravo' }).locator('.drag-handle');
  const top = await order.getByRole('listitem').first().boundingBox();
  const from = await handle.boundingBox();
  await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
  await page.mouse.down();
  await page.mouse.move(from!.x + from!.width / 2, top!.y + 4, { steps: 8 });
  await page.mouse.up();
  await expect.poll(names).toEqual(['Bravo', 'Alpha', 'Charlie', 'Delta']);
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(list(page)).toBeVisible();
  expect(await rowIssuers(page)).toEqual(['Bravo', 'Alpha', 'Charlie', 'Delta']);

  await relock(page);
  expect(await rowIssuers(page)).toEqual(['Bravo', 'Alpha', 'Charlie', 'Delta']);
  await openSettings(page, 'Appearance');
  await expect(page.getByLabel('Sort accounts by')).toHaveValue('custom');
});

test('a favourite cannot be moved below the other accounts', async ({ page }) => {
  await fourAccounts(page);
  await openMenuItem(page, 'Charlie', 'Pin as favourite');
  await expect.poll(() => rowIssuers(page)).toEqual(['★ Charlie', 'Delta', 'Alpha', 'Bravo']);
  await page.getByRole('button', { name: 'Reorder' }).click();
  const order = page.getByRole('list', { name: 'Custom order' });
  await expect(order.getByRole('button', { name: 'Move down: Charlie' })).toBeDisabled();
  await expect(order.getByRole('button', { name: 'Move up: Delta' })).toBeDisabled();
});

test('edit names, note and group; the advanced fields carry a warning and edit the HOTP counter', async ({ page }) => {
  await page.clock.setFixedTime(T_CALM);
  await createVault(page);
  await importUris(page, [
    'otpauth://hotp/Counter%20Co:carol?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Counter%20Co&counter=5',
  ]);
  await openMenuItem(page, 'Counter Co', 'Edit');
  await expect(page.getByRole('heading', { name: 'Edit account' })).toBeVisible();
  await page.getByLabel('Issuer').fill('Counter Company');
  await page.getByLabel('Account name').fill('carol@example.com');
  await page.getByText('Advanced').click();
  await expect(page.locator('.warning')).toContainText('a wrong value makes every code wrong');
  await page.getByLabel('Secret key').fill('not base32!');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('alert')).toContainText('Base32 uses only A-Z and 2-7');
  await page.getByLabel('Secret key').fill('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  await page.getByLabel('Counter', { exact: true }).fill('42');
  await page.getByRole('button', { name: 'Save changes' }).click();

  const row = accountItem(page, 'Counter Company');
  await expect(row).toContainText('carol@example.com');
  await expect(row.locator('.counter')).toHaveText('Counter #42');
  // The code follows the edited counter once it is recomputed.
  await expect.poll(() => shownCode(page, 'Counter Company')).toBe(hotpAt(42));
  await relock(page);
  await expect(accountItem(page, 'Counter Company').locator('.counter')).toHaveText('Counter #42');
});

test('delete asks first, names the account, warns about the service, and can be undone', async ({ page }) => {
  await fourAccounts(page);
  await openMenuItem(page, 'Alpha', 'Delete');
  await expect(page.getByRole('heading', { name: 'Delete Alpha (alpha@example.com)?' })).toBeVisible();
  await expect(page.locator('.warning')).toContainText('Two-factor login stays on at Alpha');
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(list(page).getByRole('listitem')).toHaveCount(4);

  await openMenuItem(page, 'Alpha', 'Delete');
  await page.getByRole('button', { name: 'Delete Alpha' }).click();
  await expect(toast(page)).toContainText('Deleted Alpha (alpha@example.com).');
  await expect(accountItem(page, 'Alpha')).toHaveCount(0);
  await toast(page).getByRole('button', { name: 'Undo' }).click();
  await expect(accountItem(page, 'Alpha')).toBeVisible();
  await relock(page);
  expect(await rowIssuers(page)).toEqual(['Delta', 'Alpha', 'Charlie', 'Bravo']);

  await openMenuItem(page, 'Charlie', 'Delete');
  await page.getByRole('button', { name: 'Delete Charlie' }).click();
  await expect(accountItem(page, 'Charlie')).toHaveCount(0);
  await relock(page);
  expect(await rowIssuers(page)).toEqual(['Delta', 'Alpha', 'Bravo']);
});
