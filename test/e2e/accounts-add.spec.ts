import * as OTPAuth from 'otpauth';
import { test, expect } from './support/fixtures';
import { RFC_SECRET, accountItem, createVault, otpauth, shownCode } from './support/app';
import { T_CALM, hotpAt, list, pasteLink, totpAt } from './accounts-support/helpers';

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(T_CALM);
  await createVault(page);
});

async function openManual(page: import('@playwright/test').Page) {
  await page.getByRole('button', { name: 'Add account' }).click();
  await expect(page.getByRole('button', { name: 'Scan QR code' })).toBeVisible();
  await expect(page.getByLabel('QR code image')).toBeAttached();
  await page.getByRole('button', { name: 'Enter manually' }).click();
}

const grouped = (code: string) => code.replace(/^(\d{3})(\d{3})$/, '$1 $2');

test.describe('manual entry', () => {
  test('a key typed with spaces and lower case previews its code, and Save stores it from the form', async ({
    page,
  }) => {
    await openManual(page);
    await page.getByLabel('Issuer').fill('Example Bank');
    await page.getByLabel('Account name').fill('alice');
    const spaced = RFC_SECRET.toLowerCase().replace(/(.{4})/g, '$1 ');
    await page.getByLabel('Secret key').fill(spaced);
    await expect(page.locator('.preview')).toHaveText(`Current code: ${grouped(totpAt(T_CALM))}`);
    await expect(page.getByRole('alert')).toHaveCount(0);
    // The form already shows the live code: it saves directly, without the review links and QR codes get.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(list(page)).toBeVisible();
    expect(await shownCode(page, 'Example Bank')).toBe(totpAt(T_CALM));
  });

  const BAD: [string, Record<string, string>, RegExp][] = [
    [
      'a digit that is not Base32',
      { 'Secret key': 'ABC1DEFG' },
      /The secret key has "1" at position 4; Base32 uses only A-Z and 2-7\./,
    ],
    ['an empty key', { 'Secret key': ' ' }, /The secret key is empty\. Copy the key from the setup page/],
    ['padding in the middle', { 'Secret key': 'AB=CD' }, /"=" at position 3; "=" may only pad the end/],
    ['too few digits', { 'Secret key': RFC_SECRET, Digits: '5' }, /Codes must have 6 to 10 digits, not .*5/],
    [
      'a period of zero',
      { 'Secret key': RFC_SECRET, Period: '0' },
      /The period must be a whole number of seconds, at least 1/,
    ],
  ];
  for (const [name, fields, message] of BAD) {
    test(`refuses ${name} with the engine's message and saves nothing`, async ({ page }) => {
      await openManual(page);
      await page.getByLabel('Issuer').fill('Bad');
      for (const [label, value] of Object.entries(fields)) {
        if (label !== 'Secret key') await page.getByText('Advanced').click();
        await page.getByLabel(label, { exact: true }).fill(value);
      }
      await expect(page.getByRole('alert')).toHaveText(message);
      await expect(page.getByLabel('Secret key')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('.preview')).toHaveText('');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByRole('heading', { name: 'Enter manually' })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveText(message);
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect(list(page).getByRole('listitem')).toHaveCount(0);
    });
  }

  test('the advanced fields make an HOTP account with a counter, previewed before saving', async ({ page }) => {
    await openManual(page);
    await page.getByLabel('Issuer').fill('Counter Co');
    await page.getByLabel('Secret key').fill(RFC_SECRET);
    await page.getByText('Advanced').click();
    await page.getByLabel('Type').selectOption('hotp');
    await page.getByLabel('Counter', { exact: true }).fill('3');
    await expect(page.locator('.preview')).toHaveText(`Code for counter 3: ${grouped(hotpAt(3))}`);
    await page.getByLabel('Algorithm').selectOption('SHA256');
    await page.getByLabel('Digits').fill('8');
    const expected = new OTPAuth.HOTP({ secret: RFC_SECRET, algorithm: 'SHA256', digits: 8 }).generate({ counter: 3 });
    await expect(page.locator('.preview')).toHaveText(
      `Code for counter 3: ${expected.replace(/^(\d{4})(\d{4})$/, '$1 $2')}`,
    );
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(accountItem(page, 'Counter Co').locator('.counter')).toHaveText('Counter #3');
    expect(await shownCode(page, 'Counter Co')).toBe(expected);
  });
});

test.describe('duplicates are flagged before saving', () => {
  test('same secret: cancel keeps one, keep both makes two, replace updates the first in place', async ({ page }) => {
    await pasteLink(page, otpauth('Example Bank', 'alice'));
    const note = page.getByRole('note');

    await pasteLink(page, otpauth('Other Bank', 'bob'), false);
    await expect(note).toContainText('You already have Example Bank (alice) with the same secret key.');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(list(page).getByRole('listitem')).toHaveCount(1);

    await pasteLink(page, otpauth('Other Bank', 'bob'), false);
    await page.getByRole('button', { name: 'Save (keep both)' }).click();
    await expect(list(page).getByRole('listitem')).toHaveCount(2);

    await pasteLink(page, otpauth('Renamed Bank', 'alice'), false);
    await expect(note).toContainText('with the same secret key');
    await note.getByRole('button', { name: 'Replace it' }).click();
    await expect(list(page).getByRole('listitem')).toHaveCount(2);
    await expect(accountItem(page, 'Renamed Bank')).toBeVisible();
    await expect(accountItem(page, 'Example Bank')).toHaveCount(0);
  });

  test('the same secret with other settings makes other codes: not a duplicate', async ({ page }) => {
    await pasteLink(page, otpauth('Example Bank', 'alice'));
    await pasteLink(page, otpauth('Example Bank', 'alice', RFC_SECRET, '&digits=8'), false);
    // Named alike, so the name is mentioned; the key is not called the same, since its codes differ.
    await expect(page.getByRole('note')).toContainText('with the same name.');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await pasteLink(page, `otpauth://hotp/Counter%20Co:dana?secret=${RFC_SECRET}&counter=0`, false);
    await expect(page.getByRole('note')).toHaveCount(0);
  });

  test('same issuer and account with another secret is flagged by name; a new account is not flagged', async ({
    page,
  }) => {
    await pasteLink(page, otpauth('Example Bank', 'alice'));
    await pasteLink(page, otpauth('example bank', 'ALICE', 'JBSWY3DPEHPK3PXP'), false);
    await expect(page.getByRole('note')).toContainText('You already have Example Bank (alice) with the same name.');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await pasteLink(page, otpauth('Example Bank', 'carol', 'JBSWY3DPEHPK3PXP'), false);
    await expect(page.getByRole('note')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeVisible();
  });
});
