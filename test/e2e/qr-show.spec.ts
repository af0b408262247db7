import * as OTPAuth from 'otpauth';
import { test, expect, type Page } from './support/fixtures';
import { PASSWORD, RFC_SECRET, accountItem, createVault } from './support/app';
import { openSettings } from './accounts-support/helpers';
import { readShownQr } from './fixtures/qr';
import { parseOtpauth } from '../../src/core/uri';

const T = 1111111109_000;

async function showQr(page: Page, title: string) {
  await page.getByRole('button', { name: `More actions for ${title}` }).click();
  await page.getByRole('menuitem', { name: 'Show QR code' }).click();
}

test('Show QR code: shown at once after unlocking, the password again a minute later; decodes to the account', async ({
  page,
}) => {
  await page.clock.setFixedTime(T);
  await page.emulateMedia({ colorScheme: 'dark' });
  await createVault(page);
  await page.getByRole('button', { name: 'Add account' }).click();
  const link = `otpauth://hotp/Show%20Bank:frank?secret=${RFC_SECRET}&issuer=Show%20Bank&counter=7&digits=8`;
  await page.getByLabel('Or paste a link').fill(link);
  await page.getByRole('button', { name: 'Add from link' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(accountItem(page, 'Show Bank')).toBeVisible();

  await showQr(page, 'Show Bank (frank)');
  const image = page.getByRole('img', { name: 'QR code for Show Bank (frank)' });
  const shown = parseOtpauth((await readShownQr(image))!);
  expect(shown).toEqual(parseOtpauth(link));
  // Black on white whatever the theme, and big.
  expect(await page.locator('.qr-frame').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe(
    'rgb(255, 255, 255)',
  );
  expect((await image.boundingBox())!.width).toBeGreaterThan(300);
  await expect(page.getByText('GEZD GNBV')).toBeHidden();
  await page.getByRole('button', { name: 'Reveal secret' }).click();
  await expect(page.getByText('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ')).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();

  await page.clock.setFixedTime(T + 61_000);
  await showQr(page, 'Show Bank (frank)');
  await expect(image).toBeHidden();
  await page.getByLabel('Password', { exact: true }).fill('not the password');
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('alert')).toContainText('password');
  await expect(image).toBeHidden();
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Confirm' }).click();
  expect(parseOtpauth((await readShownQr(image))!).secret).toBe(RFC_SECRET);
});

test('New secret: 160 random bits, link and QR code, codes checked one step either side, saved as an account', async ({
  page,
}) => {
  await page.clock.setFixedTime(T);
  await createVault(page);
  // A tool for people building a site: in Settings → Tools, not among the ways to add an account.
  await openSettings(page, 'Tools');
  await page.getByRole('button', { name: 'New secret' }).click();
  await page.getByLabel('Issuer').fill('My Site');
  await page.getByLabel('Account name').fill('dev@example.com');
  await page.getByLabel('Digits').selectOption('8');

  const secret = (await page.locator('.secret-text').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits
  const uri = await page.locator('.uri').innerText();
  const fromQr = (await readShownQr(page.getByRole('img', { name: /QR code for the new secret/ })))!;
  expect(fromQr).toBe(uri);
  expect(parseOtpauth(fromQr)).toMatchObject({ secret, issuer: 'My Site', name: 'dev@example.com', digits: 8 });

  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 8, period: 30 });
  const codeAt = (steps: number) => totp.generate({ timestamp: T + steps * 30_000 });
  const cases: [string, RegExp][] = [
    [codeAt(0), /Matches the current code \(step 0\)/],
    [codeAt(-1), /step -1/],
    [codeAt(1), /step \+1/],
    [codeAt(2), /^No match/],
    ['1234', /makes 8-digit codes; you typed 4/],
  ];
  for (const [code, says] of cases) {
    await page.getByLabel('Check a code').fill(code);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await expect(page.locator('.card [role="status"]')).toHaveText(says);
  }

  await page.getByRole('button', { name: 'Save as account' }).click();
  await expect(page.getByText('From the New secret tool')).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(accountItem(page, 'My Site')).toContainText(codeAt(0).replace(/(\d{4})(\d{4})/, '$1 $2'));
});
