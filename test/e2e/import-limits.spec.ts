/**
 * Hostile and oversized files: each limit is said in a sentence and nothing is kept; a long open can be
 * cancelled; a file at the limit (10,000 accounts) is reviewed in a windowed list and stored whole.
 */
import { test, expect, type Page } from './support/fixtures';
import { createVault, otpauth } from './support/app';
import { list, manyAccounts, openSettings } from './accounts-support/helpers';

async function chooseFile(page: Page, name: string, buffer: Buffer) {
  await openSettings(page, 'Import and export');
  await page.getByLabel('Import file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
}

test('too large, too deep, too many: each is refused with a sentence saying which', async ({ page }) => {
  await createVault(page);
  await chooseFile(page, 'huge.txt', Buffer.alloc(21 * 1024 * 1024, 0x61));
  await expect(page.getByRole('alert')).toContainText('This file is 21 MB; Latchkey reads files of up to 20 MB.');

  await page.getByLabel('Import file').setInputFiles({
    name: 'deep.json',
    mimeType: 'application/json',
    buffer: Buffer.from('['.repeat(200_000) + ']'.repeat(200_000)),
  });
  await expect(page.getByRole('alert')).toContainText('nests its data more than 64 levels deep');

  const links = Array.from({ length: 10_001 }, (_, i) => otpauth(`Service ${i}`, 'x'));
  await page.getByLabel('Import file').setInputFiles({
    name: 'many.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(links.join('\n')),
  });
  await expect(page.getByRole('alert')).toContainText('holds 10,001 entries; Latchkey imports up to 10,000');
});

test('a file whose password protection takes long shows how long, and Cancel stops it', async ({ page }) => {
  await createVault(page);
  // A Bitwarden export at the heaviest costs Bitwarden allows: 1 GiB of Argon2id, 10 passes.
  const heavy = {
    encrypted: true,
    passwordProtected: true,
    salt: 'salt',
    kdfType: 1,
    kdfIterations: 10,
    kdfMemory: 1024,
    kdfParallelism: 1,
    encKeyValidation_DO_NOT_EDIT: '2.AAAAAAAAAAAAAAAAAAAAAA==|AAAA|AAAA',
    data: '2.AAAAAAAAAAAAAAAAAAAAAA==|AAAA|AAAA',
  };
  await chooseFile(page, 'bitwarden.json', Buffer.from(JSON.stringify(heavy)));
  await page.getByLabel('Backup password').fill('any password');
  await page.getByRole('button', { name: 'Open file' }).click();
  const opening = page.getByRole('status').filter({ hasText: 'Opening the file' });
  await expect(opening).toContainText(/\d+ s/, { timeout: 15_000 });
  // The page stays responsive meanwhile: the work runs in a worker.
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(opening).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Another file opens at once afterwards.
  await page.getByLabel('Import file').setInputFiles({
    name: 'one.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(otpauth('After Cancel', 'x')),
  });
  await expect(page.getByRole('button', { name: 'Import 1 account' })).toBeVisible();
});

test('10,000 accounts: reviewed in a windowed list, stored whole, all listed', async ({ page }) => {
  test.setTimeout(120_000);
  await createVault(page);
  const accounts = manyAccounts(10_000);
  await chooseFile(page, 'ten-thousand.txt', Buffer.from(accounts.map((a) => a.uri).join('\n')));
  const review = page.getByRole('list', { name: 'Accounts to import' });
  await expect(review.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '10000');
  expect(await review.getByRole('listitem').count()).toBeLessThan(200);
  await page.getByRole('button', { name: 'Import 10,000 accounts' }).click();
  await expect(list(page).getByRole('listitem').first()).toHaveAttribute('aria-setsize', '10000', {
    timeout: 60_000,
  });
});
