import { readFile, writeFile } from 'node:fs/promises';
import { test, expect, type Page } from './support/fixtures';
import { PASSWORD, accountItem, addByLink, createVault, otpauth, shownCode } from './support/app';
import { backToList, exportBackup, openSettings } from './accounts-support/helpers';

const T = 1111111109_000;
const HOTP = 'otpauth://hotp/Counter%20Co:carol?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Counter%20Co&counter=5';

async function importFile(page: Page, path: string, password?: string) {
  await openSettings(page, 'Import and export');
  await page.getByLabel('Import file').setInputFiles(path);
  if (password !== undefined) {
    await page.getByLabel('Backup password').fill(password);
    await page.getByRole('button', { name: 'Open file' }).click();
  }
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(T);
});

test('backup round trip: export, fresh profile, import, same accounts and codes', async ({ page, browser }, info) => {
  await createVault(page);
  await addByLink(page, otpauth('Example Bank', 'alice'));
  await addByLink(page, HOTP);
  const bankCode = await shownCode(page, 'Example Bank');
  const hotpCode = await shownCode(page, 'Counter Co');

  await openSettings(page, 'Backup and restore');
  const file = info.outputPath('backup.json');
  await exportBackup(page, file);
  const text = await readFile(file, 'utf8');
  for (const needle of ['Example Bank', 'alice', 'GEZDGNBV']) expect(text).not.toContain(needle);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.clock.setFixedTime(T);
  await createVault(other, 'another password 123');
  await importFile(other, file, PASSWORD);
  await other.getByRole('button', { name: /^Import 2 accounts/ }).click();
  await expect(accountItem(other, 'Example Bank')).toBeVisible();
  expect(await shownCode(other, 'Example Bank')).toBe(bankCode);
  expect(await shownCode(other, 'Counter Co')).toBe(hotpCode);
  await fresh.close();
});

test('a wrong backup password says so and imports nothing', async ({ page }, info) => {
  await createVault(page);
  await addByLink(page, otpauth('Example Bank', 'alice'));
  await openSettings(page, 'Backup and restore');
  const file = info.outputPath('backup.json');
  await exportBackup(page, file);
  await backToList(page);

  await importFile(page, file, 'wrong password');
  await expect(page.getByRole('alert')).toContainText(/password/i);
  await expect(page.getByRole('button', { name: /^Import \d+ account/ })).toHaveCount(0);

  // A damaged copy: one byte of the ciphertext changed.
  const envelope = JSON.parse(await readFile(file, 'utf8'));
  envelope.data = envelope.data.slice(0, 10) + (envelope.data[10] === 'A' ? 'B' : 'A') + envelope.data.slice(11);
  const damaged = info.outputPath('damaged.json');
  await writeFile(damaged, JSON.stringify(envelope));
  await page.getByLabel('Import file').setInputFiles(damaged);
  await page.getByLabel('Backup password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Open file' }).click();
  await expect(page.getByRole('alert')).toContainText(/damaged|password/i);
});

test('an unrelated file is refused with a clear message', async ({ page }, info) => {
  await createVault(page);
  const file = info.outputPath('notes.txt');
  await writeFile(file, 'shopping list: milk, eggs\n');
  await importFile(page, file);
  await expect(page.getByRole('alert')).toContainText(/not a format Latchkey can read/);
});

test('an otpauth list imports once; importing it again marks every account as a duplicate', async ({ page }, info) => {
  await createVault(page);
  const file = info.outputPath('links.txt');
  await writeFile(file, [otpauth('One', 'a'), otpauth('Two', 'b', 'JBSWY3DPEHPK3PXP'), 'not a link'].join('\n'));
  await importFile(page, file);
  await expect(page.getByText(/line 3/)).toBeVisible(); // the bad line is listed with its reason
  await page.getByRole('button', { name: 'Import 2 accounts' }).click();
  await expect(page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem')).toHaveCount(2);

  await importFile(page, file);
  await expect(page.getByText('already in Latchkey')).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Import 0 accounts' })).toBeDisabled();
});

test('exports for other apps: otpauth list behind a warning, encrypted Aegis file that imports back', async ({
  page,
}, info) => {
  await createVault(page);
  await addByLink(page, otpauth('Example Bank', 'alice'));
  await openSettings(page, 'Import and export');
  const listButton = page.getByRole('button', { name: 'Export otpauth list' });
  await expect(listButton).toBeDisabled();
  await page.getByLabel('I understand the file will not be encrypted').check();
  let downloading = page.waitForEvent('download');
  await listButton.click();
  const list = info.outputPath('links.txt');
  await (await downloading).saveAs(list);
  expect(await readFile(list, 'utf8')).toContain(
    'otpauth://totp/Example%20Bank:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
  );

  await page.getByLabel('Password for an encrypted Aegis file').fill('aegis password');
  downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export encrypted Aegis file' }).click();
  const aegis = info.outputPath('aegis.json');
  await (await downloading).saveAs(aegis);
  expect(await readFile(aegis, 'utf8')).not.toContain('Example Bank');

  await backToList(page);
  await importFile(page, aegis, 'aegis password');
  await expect(page.getByText('already in Latchkey')).toHaveCount(1);
});
