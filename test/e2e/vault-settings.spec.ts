import { test, expect, type Page } from './support/fixtures';
import { PASSWORD, accountItem, createVault, otpauth, unlock } from './support/app';
import { backToList, openSettings, pasteLink } from './accounts-support/helpers';

test('first run refuses a short or mismatched password and hints at strength', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText(/cannot recover a forgotten password/)).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill('short');
  await expect(page.getByText(/Too short/)).toBeVisible();
  await page.getByLabel('Confirm password').fill('short');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('alert')).toContainText(/at least 8 characters/);
  await page.getByLabel('Password', { exact: true }).fill('long enough password');
  await page.getByLabel('Confirm password').fill('long enough passwork');
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('alert')).toContainText(/do not match/);
  await expect(page.getByRole('button', { name: 'Create vault' })).toBeVisible();
});

test('change password: the old one stops working, the new one opens the same vault', async ({ page }) => {
  await createVault(page);
  await openSettings(page, 'About');
  await expect(page.locator('#persistence')).toHaveText(/persistent|clear|keep/i); // the persist() answer is shown
  await backToList(page);
  await openSettings(page, 'Security');
  await page.getByLabel('Current password').fill('wrong current password');
  await page.getByLabel('New password', { exact: true }).fill('a brand new password');
  await page.getByLabel('Confirm new password').fill('a brand new password');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('alert')).toContainText(/password/i);

  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText(/Password changed/)).toBeVisible({ timeout: 20_000 });
  await page.reload();
  await unlock(page, PASSWORD);
  await expect(page.getByRole('alert')).toContainText(/password/i);
  await unlock(page, 'a brand new password');
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible();
});

/** The stored vault header, as someone with the browser profile could copy it, and put it back. */
const readHeader = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        const open = indexedDB.open('latchkey');
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('header');
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result);
          };
        };
      }),
  );
const putHeader = (page: Page, header: unknown) =>
  page.evaluate(
    (h) =>
      new Promise<void>((resolve) => {
        const open = indexedDB.open('latchkey');
        open.onsuccess = () => {
          const tx = open.result.transaction('meta', 'readwrite');
          tx.objectStore('meta').put(h, 'header');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    header,
  );

test('change password with re-encryption: an old header put back opens nothing stored after it', async ({ page }) => {
  await createVault(page);
  await pasteLink(page, otpauth('Rekey Bank', 'rita'));
  const oldHeader = await readHeader(page);
  await openSettings(page, 'Security');
  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('a brand new password');
  await page.getByLabel('Confirm new password').fill('a brand new password');
  await page.getByLabel(/re-encrypt everything with a new key/i).check();
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText(/every account re-encrypted/)).toBeVisible({ timeout: 20_000 });
  await backToList(page); // a reload on a settings page would return there, and the problems show on the list
  await page.reload();
  await unlock(page, 'a brand new password');
  await expect(accountItem(page, 'Rekey Bank')).toBeVisible();

  // Someone who kept the old header and knows the old password gets the old key: it opens no record now.
  await putHeader(page, oldHeader);
  await page.reload();
  await unlock(page, PASSWORD);
  await expect(page.getByRole('alert').first()).toContainText(/damaged|could not be decrypted/);
  await expect(accountItem(page, 'Rekey Bank')).toHaveCount(0);
});

test('a header whose KDF parameters were lowered is refused with a clear error and nothing is written', async ({
  page,
}) => {
  await createVault(page);
  const before = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('latchkey');
      r.onsuccess = () => resolve(r.result);
    });
    const store = db.transaction('meta', 'readwrite').objectStore('meta');
    const header = await new Promise<{ slots: { kdf: { memoryKiB: number } }[] }>((resolve) => {
      const r = store.get('header');
      r.onsuccess = () => resolve(r.result);
    });
    header.slots[0]!.kdf.memoryKiB = 1024; // an attacker's cheaper brute force
    const tx = db.transaction('meta', 'readwrite');
    tx.objectStore('meta').put(header, 'header');
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    return JSON.stringify(header);
  });
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('alert')).toContainText(/memory|parameters|settings|weak/i);
  const after = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('latchkey');
      r.onsuccess = () => resolve(r.result);
    });
    const header = await new Promise((resolve) => {
      const r = db.transaction('meta').objectStore('meta').get('header');
      r.onsuccess = () => resolve(r.result);
    });
    db.close();
    return JSON.stringify(header);
  });
  expect(after).toBe(before);
});

test('a database upgrade from another tab asks this tab to reload instead of corrupting data', async ({
  page,
  context,
}) => {
  await createVault(page);
  const other = await context.newPage();
  await other.goto('/');
  // A newer version of the app opening the database with a higher version number.
  await other.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('latchkey', 1000);
        request.onsuccess = () => {
          request.result.close();
          resolve(undefined);
        };
        request.onerror = () => reject(request.error);
      }),
  );
  await expect(page.getByRole('alert')).toContainText(/Reload/i);
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
});
