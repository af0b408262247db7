import { test, expect } from './support/fixtures';
import {
  PASSWORD,
  RFC_SECRET,
  addByLink,
  accountItem,
  createVault,
  dumpIndexedDb,
  otpauth,
  shownCode,
  unlock,
} from './support/app';

// The RFC 6238 SHA-1 vector: at t = 1111111109 the 8-digit code is 07081804, so the 6-digit code is 081804.
const T = 1111111109_000;
const SECRET_FORMS = [RFC_SECRET, '3132333435363738393031323334353637383930', 'MTIzNDU2Nzg5MDEyMzQ1Njc4OTA='];

test.describe('the vault', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(T);
  });

  test('create, add by link, reload, wrong password, unlock: codes are back and nothing readable is stored', async ({
    page,
  }) => {
    await createVault(page);
    const storedBefore = await dumpIndexedDb(page);
    await addByLink(page, otpauth('Example Bank', 'alice@example.com'));

    await expect(page).toHaveURL(/\/$/); // the secret-bearing link is gone from the address bar
    const item = accountItem(page, 'Example Bank');
    await expect(item).toContainText('alice@example.com');
    await expect(item).toContainText('081 804');

    await page.reload();
    await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
    await unlock(page, 'not the password');
    await expect(page.getByRole('alert')).toContainText(/password/i);

    await unlock(page);
    await expect(accountItem(page, 'Example Bank')).toContainText('alice@example.com');
    expect(await shownCode(page, 'Example Bank')).toBe('081804');

    const stored = await dumpIndexedDb(page);
    for (const needle of [...SECRET_FORMS, 'Example Bank', 'alice@example.com', 'example.com', PASSWORD]) {
      expect(stored, `store must not contain ${needle}`).not.toContain(needle);
      expect(storedBefore).not.toContain(needle);
    }
    // History holds no entry with the secret either.
    expect(await page.evaluate(() => location.href)).not.toContain('secret');
  });

  test('an invalid link says what is wrong and saves nothing', async ({ page }) => {
    await createVault(page);
    await page.goto(`/?add=${encodeURIComponent('otpauth://totp/Bad:me?secret=ABC1DEF')}`);
    await unlock(page);
    await expect(page.getByRole('alert')).toContainText(/secret key/i);
    await page.goto('/');
    await unlock(page);
    await expect(page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem')).toHaveCount(0);
  });

  test('a link with its account in the fragment never sends the secret to the server; ?add= still works', async ({
    page,
    watch,
  }) => {
    await createVault(page);
    await addByLink(page, otpauth('Fragment Co', 'frank'));
    await expect(accountItem(page, 'Fragment Co')).toContainText('081 804');
    const sent = watch.requests.filter((url) => url.includes('add='));
    expect(sent, 'no request carries the link').toEqual([]);
    await expect(page).toHaveURL(/\/$/);

    // Links written before the fragment form still open (their query reaches the server, which is why the app
    // writes the fragment form).
    await page.goto(`/?add=${encodeURIComponent(otpauth('Query Co', 'quinn'))}`);
    await unlock(page);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(accountItem(page, 'Query Co')).toBeVisible();
  });

  test('the lock button locks, and the link waits for the unlock', async ({ page }) => {
    await createVault(page);
    await page.getByRole('button', { name: 'Lock' }).click();
    await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
    await page.goto(`/?add=${encodeURIComponent(otpauth('Later', 'bob'))}`);
    await expect(page).toHaveURL(/\/$/);
    await unlock(page);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(accountItem(page, 'Later')).toContainText('081 804');

    // Locking and unlocking again does not reopen the link that was already saved.
    await page.getByRole('button', { name: 'Lock' }).click();
    await unlock(page);
    await expect(accountItem(page, 'Later')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem')).toHaveCount(1);
  });
});
