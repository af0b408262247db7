import { test, expect, type Page } from './support/fixtures';
import { accountItem, createVault, unlock } from './support/app';
import { openSettings } from './accounts-support/helpers';
import { qrPng, readShownQr } from './fixtures/qr';
import type { AccountDraft } from '../../src/core/account';
import { decodeMigrationLink, encodeMigrationPayloads } from '../../src/formats/google-migration/payload';
import { b32 } from '../support/brands';

/** Accounts with distinct, valid secrets: "Bank 1" ... "Bank n". */
function accounts(n: number, prefix = 'Bank'): AccountDraft[] {
  return Array.from({ length: n }, (_, i) => ({
    type: 'totp',
    secret: b32(`JBSWY3DPEHPK3PX${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[i]}`),
    issuer: `${prefix} ${i + 1}`,
    name: `user${i + 1}@example.com`,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  }));
}

async function pasteLink(page: Page, link: string) {
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByLabel('Or paste a link').fill(link);
  await page.getByRole('button', { name: 'Add from link' }).click();
}

async function pick(page: Page, link: string) {
  await page
    .getByLabel('QR code image')
    .setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: await qrPng(link) });
}

async function drop(page: Page, link: string) {
  const base64 = (await qrPng(link)).toString('base64');
  await page.evaluate((base64) => {
    const data = new DataTransfer();
    data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'qr.png', { type: 'image/png' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, base64);
}

const importList = (page: Page) => page.getByRole('list', { name: 'Accounts to import' }).getByRole('listitem');

test('one transfer code from a picture, then one from a launch link: all listed, duplicates unchecked', async ({
  page,
}) => {
  const [first, second, third, fourth] = accounts(4);
  await createVault(page);
  await pasteLink(page, `otpauth://totp/Bank%201:user1%40example.com?secret=${first!.secret}&issuer=Bank%201`);
  await page.getByRole('button', { name: 'Save' }).click();

  const { links } = encodeMigrationPayloads([first!, second!, third!]);
  await page.getByRole('button', { name: 'Add account' }).click();
  await pick(page, links[0]!);
  await expect(page.getByRole('heading', { name: 'Import from Google Authenticator export' })).toBeVisible();
  await expect(importList(page)).toHaveCount(3);
  await expect(importList(page).filter({ hasText: 'Bank 1' })).toContainText('already in Latchkey');
  await expect(importList(page).filter({ hasText: 'Bank 1' }).getByRole('checkbox')).not.toBeChecked();
  await page.getByRole('button', { name: 'Import 2 accounts' }).click();
  await expect(accountItem(page, 'Bank 3')).toBeVisible();

  // The link a phone's camera app opens: /?add=otpauth-migration://...
  const launch = encodeMigrationPayloads([fourth!]).links[0]!;
  await page.goto(`/?add=${encodeURIComponent(launch)}`);
  await unlock(page);
  await expect(importList(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Import 1 account' }).click();
  await expect(accountItem(page, 'Bank 4')).toContainText('user4@example.com');
  await expect(page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem')).toHaveCount(4);
});

test('a transfer in three codes: "1 of 3", a code of another export refused, complete, imported', async ({ page }) => {
  const mine = encodeMigrationPayloads(accounts(12), { perCode: 5, batchId: 1111 }).links;
  const foreign = encodeMigrationPayloads(accounts(6, 'Other'), { perCode: 3, batchId: 2222 }).links;
  expect(mine).toHaveLength(3);
  await createVault(page);
  await page.getByRole('button', { name: 'Add account' }).click();
  await pick(page, mine[0]!);
  const progress = page.locator('.progress');
  await expect(progress).toHaveText('1 of 3 scanned');

  await pick(page, foreign[1]!);
  await expect(page.getByRole('alert')).toContainText(
    'This QR code belongs to a different Google Authenticator export, so it was not added.',
  );
  await expect(progress).toHaveText('1 of 3 scanned');

  await page.getByLabel('Or paste the next link').fill(mine[2]!);
  await page.getByRole('button', { name: 'Add this code' }).click();
  await expect(progress).toHaveText('2 of 3 scanned');
  await expect(page.getByRole('alert')).toBeHidden();
  await drop(page, mine[2]!);
  await expect(page.getByText('Code 3 of 3 was already scanned; show the next one.')).toBeVisible();
  await expect(progress).toHaveText('2 of 3 scanned');

  await drop(page, mine[1]!);
  await expect(importList(page)).toHaveCount(12);
  await page.getByRole('button', { name: 'Import 12 accounts' }).click();
  await expect(page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem')).toHaveCount(12);
  await expect(accountItem(page, 'Bank 12')).toBeVisible();
});

test('Export to Google Authenticator: 10 per code, "1 of 2", decoded back; Steam, 7 digits, 60 s left out', async ({
  page,
}) => {
  const fitting = accounts(11);
  await createVault(page);
  await page.getByRole('button', { name: 'Add account' }).click();
  await pick(page, encodeMigrationPayloads(fitting, { perCode: 20 }).links[0]!);
  await page.getByRole('button', { name: 'Import 11 accounts' }).click();
  const misfits = [
    'otpauth://totp/Steam:gamer?secret=JBSWY3DPEHPK3PXP&issuer=Steam&encoder=steam',
    'otpauth://totp/Seven:s?secret=JBSWY3DPEHPK3PXQ&issuer=Seven&digits=7',
    'otpauth://totp/Slow:s?secret=JBSWY3DPEHPK3PXR&issuer=Slow&period=60',
  ];
  for (const link of misfits) {
    await pasteLink(page, link);
    await page.getByRole('button', { name: 'Save' }).click();
  }

  await openSettings(page, 'Import and export');
  await page.getByRole('button', { name: 'Export to Google Authenticator' }).click();
  const image = page.getByRole('img', { name: /QR code 1 of 2 for Google Authenticator/ });
  await expect(page.locator('.progress')).toHaveText('1 of 2');
  await expect(page.getByRole('button', { name: 'Previous' })).toBeDisabled();
  const firstLink = await readShownQr(image);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.locator('.progress')).toHaveText('2 of 2');
  await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();
  const secondLink = await readShownQr(page.getByRole('img', { name: /QR code 2 of 2/ }));

  const parts = [firstLink, secondLink].map((link) => decodeMigrationLink(link!));
  expect(parts.map((p) => p.accounts.length)).toEqual([10, 1]);
  expect(parts[0]!.batch.id).toBe(parts[1]!.batch.id);
  expect(parts.map((p) => [p.batch.index, p.batch.size])).toEqual([
    [0, 2],
    [1, 2],
  ]);
  expect(parts.flatMap((p) => p.accounts)).toEqual(fitting);

  const leftOut = page.getByRole('region', { name: 'Accounts left out' }).getByRole('listitem');
  await expect(leftOut).toHaveText([
    /Steam \(gamer\): .*Steam/,
    /Seven \(s\): .*not 7/,
    /Slow \(s\): .*not 60 seconds/,
  ]);
});
