/**
 * Two real pages on one origin change the vault at the same moment. Every save is slowed (as on an old phone) so
 * the two changes overlap; each must still be a read-modify-write of what is stored: nothing is lost, and a
 * deletion is not undone by the other tab's stale write. A third page, unlocked afterwards, shows the truth.
 */
import type { BrowserContext } from '@playwright/test';
import { test, expect, type Locator, type Page } from './support/fixtures';
import { CHROMIUM_ARGS, chromiumPath } from './support/browser';
import { slowSealing } from './support/slow-sealing';
import { PASSWORD, accountItem, createVault, otpauth, unlock } from './support/app';
import { T_CALM, importUris, list, openMenuItem, openSettings } from './accounts-support/helpers';

// Two tabs at work at once: neither is slowed down for being in the background (Chromium throttles the timers of
// a background tab to one a second, which keeps its changes from overlapping with the other tab's).
test.use({
  launchOptions: {
    executablePath: chromiumPath(),
    args: [
      ...CHROMIUM_ARGS,
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
    ],
  },
});

const HOTP = `otpauth://hotp/Counter%20Co:dana?secret=GEZDGNBVGY3TQOJQ&issuer=Counter%20Co&counter=0`;
const ROUNDS = 3;

async function opened(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.clock.setFixedTime(T_CALM);
  await page.goto('/');
  await unlock(page);
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible();
  return page;
}

/** What a page opened now shows, by issuer, once its whole list is there. */
async function truth(context: BrowserContext, expected: number) {
  const page = await opened(context);
  await expect(list(page).getByRole('listitem')).toHaveCount(expected);
  return page;
}

/**
 * Clicks the buttons of both tabs in the same moment: straight through the DOM, without Playwright's wait for the
 * element to be stable (which waits for an animation frame). Each tab's save is slowed, so the changes overlap.
 */
async function together(...buttons: Locator[]) {
  await Promise.all(buttons.map((button) => button.evaluate((element) => (element as HTMLElement).click())));
}

test.beforeEach(async ({ context }) => {
  await context.addInitScript(slowSealing, 150);
});

test('a deletion in one tab and Next code in the other: the account stays deleted, round after round', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(T_CALM);
  await createVault(page);
  await importUris(page, [otpauth('Keep Co', 'erin')]);
  for (let round = 0; round < ROUNDS; round++) {
    await importUris(page, [HOTP]);
    const other = await opened(context);
    await expect(accountItem(other, 'Counter Co')).toBeVisible();
    await openMenuItem(page, 'Counter Co', 'Delete');
    await together(
      page.getByRole('button', { name: /^Delete Counter Co/ }),
      accountItem(other, 'Counter Co').getByRole('button', { name: 'Next code' }),
    );
    await expect(accountItem(page, 'Counter Co')).toHaveCount(0);
    await expect(accountItem(other, 'Counter Co')).toHaveCount(0);
    const third = await truth(context, 1);
    await expect(accountItem(third, 'Counter Co'), `round ${round + 1}`).toHaveCount(0);
    await Promise.all([other.close(), third.close()]);
  }
});

test('Next code in both tabs counts twice; a rename and a pin of one account in two tabs are both kept', async ({
  page,
  context,
}) => {
  await page.clock.setFixedTime(T_CALM);
  await createVault(page);
  await importUris(page, [HOTP, otpauth('Example Bank', 'alice')]);
  const other = await opened(context);

  await together(
    accountItem(page, 'Counter Co').getByRole('button', { name: 'Next code' }),
    accountItem(other, 'Counter Co').getByRole('button', { name: 'Next code' }),
  );
  await expect(accountItem(page, 'Counter Co').locator('.counter')).toHaveText('Counter #2');

  await openMenuItem(page, 'Example Bank', 'Edit');
  await page.getByLabel('Account name', { exact: true }).fill('alice renamed');
  await accountItem(other, 'Example Bank').getByRole('button', { name: 'More actions' }).click();
  await together(
    page.getByRole('button', { name: 'Save changes' }),
    accountItem(other, 'Example Bank').getByRole('menuitem', { name: 'Pin as favourite' }),
  );
  const third = await truth(context, 2);
  await expect(accountItem(third, 'Counter Co').locator('.counter')).toHaveText('Counter #2');
  const bank = accountItem(third, 'Example Bank');
  await expect(bank).toContainText('alice renamed');
  await expect(bank.locator('.star')).toBeVisible();
});

test('two imports at once in two tabs keep every account, and the sealed state names every one', async ({
  page,
  context,
}) => {
  await page.clock.setFixedTime(T_CALM);
  await createVault(page);
  const other = await opened(context);
  const batch = (tab: string) =>
    Array.from({ length: 6 }, (_, i) => otpauth(`${tab} ${i}`, 'x', `JBSWY3DPEHPK3PX${'ABCDEFGHIJKL'[i]}`));
  const prepare = async (tab: Page, name: string) => {
    await openSettings(tab, 'Import and export');
    await tab.getByLabel('Import file').setInputFiles({
      name: 'accounts.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(batch(name).join('\n')),
    });
  };
  await prepare(page, 'Alpha');
  await prepare(other, 'Bravo');
  await together(
    page.getByRole('button', { name: 'Import 6 accounts' }),
    other.getByRole('button', { name: 'Import 6 accounts' }),
  );
  await expect(list(page).getByRole('listitem')).toHaveCount(12);
  await (await truth(context, 12)).close();
  // The sealed state keeps each account's name, to name it when its record is damaged: damage every record, and
  // each of the twelve is named (a state that lost the other tab's import would call them "unreadable").
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open('latchkey');
      request.onsuccess = () => resolve(request.result);
    });
    const read = db.transaction('records').objectStore('records').getAll();
    const all = await new Promise<{ id: string; data: Uint8Array }[]>(
      (resolve) => (read.onsuccess = () => resolve(read.result)),
    );
    const tx = db.transaction('records', 'readwrite');
    for (const record of all.filter((r) => r.id.startsWith('acct:'))) {
      const data = new Uint8Array(record.data);
      data[3] = data[3]! ^ 0x01;
      tx.objectStore('records').put({ ...record, data });
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  const third = await opened(context);
  const alerts = third.getByRole('alert');
  await expect(alerts).toHaveCount(12);
  for (const tab of ['Alpha', 'Bravo']) {
    for (let i = 0; i < 6; i++) await expect(alerts.filter({ hasText: `“${tab} ${i} (x)”` })).toHaveCount(1);
  }
});

test('re-encrypting in one tab locks the other, which says why and opens with the new password', async ({
  page,
  context,
}) => {
  await page.clock.setFixedTime(T_CALM);
  await createVault(page);
  await importUris(page, [otpauth('Example Bank', 'alice')]);
  const other = await opened(context);
  await openSettings(page, 'Security');
  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill('a brand new password');
  await page.getByLabel('Confirm new password').fill('a brand new password');
  await page.getByLabel(/re-encrypt everything with a new key/i).check();
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText(/every account re-encrypted/)).toBeVisible({ timeout: 20_000 });
  await expect(other.getByText('re-encrypted with a new password in another tab')).toBeVisible();
  await unlock(other, 'a brand new password');
  await expect(accountItem(other, 'Example Bank')).toBeVisible();
});
