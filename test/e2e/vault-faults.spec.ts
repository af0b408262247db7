import { test, expect } from './support/fixtures';
import { accountItem, addByLink, createVault, otpauth, unlock } from './support/app';
import { backToList, openMenuItem, openSettings, pasteLink } from './accounts-support/helpers';
import { sealsFinished, sealsSettledAt, slowSealing } from './support/slow-sealing';

const T = 1111111109_000;

test('a damaged record names its account; every other account still opens', async ({ page }) => {
  await page.clock.setFixedTime(T);
  await createVault(page);
  await addByLink(page, otpauth('Intact', 'one'));
  await addByLink(page, otpauth('Broken', 'two'));
  // Flip one byte of the ciphertext of the newest account record, as disk corruption would.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const r = indexedDB.open('latchkey');
      r.onsuccess = () => resolve(r.result);
    });
    const store = db.transaction('records', 'readwrite').objectStore('records');
    const all = await new Promise<{ id: string; data: Uint8Array; updatedAt?: number }[]>((resolve) => {
      const r = store.getAll();
      r.onsuccess = () => resolve(r.result);
    });
    const accounts = all.filter((r) => r.id.startsWith('acct:'));
    const victim = accounts[accounts.length - 1]!;
    const data = new Uint8Array(victim.data);
    data[3] = data[3]! ^ 0x01;
    const tx = db.transaction('records', 'readwrite');
    tx.objectStore('records').put({ ...victim, data });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await page.reload();
  await unlock(page);
  const list = page.getByRole('list', { name: 'Accounts', exact: true });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('alert')).toContainText(/damaged/);
  // Which one was damaged depends on record order; the alert names it and the other is intact.
  const alert = await page.getByRole('alert').innerText();
  const damagedName = alert.includes('Broken') ? 'Broken' : 'Intact';
  const intactName = damagedName === 'Broken' ? 'Intact' : 'Broken';
  await expect(accountItem(page, intactName)).toContainText('081 804');
});

test('Lock while changes are still being saved: the vault stays locked, and the changes are kept', async ({ page }) => {
  await createVault(page);
  await addByLink(page, otpauth('Example Bank', 'alice'));
  await addByLink(page, otpauth('Other Shop', 'bob'));
  await page.evaluate(slowSealing, 1000);
  const before = await page.evaluate(sealsFinished);
  // The first pin is being saved, the second waits its turn, and Lock comes before either is stored.
  await openMenuItem(page, 'Example Bank', 'Pin as favourite');
  await openMenuItem(page, 'Other Shop', 'Pin as favourite');
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
  // The pins are stored after Lock (each seals its account and the state): the list must not come back then.
  await page.waitForFunction(sealsSettledAt, before + 4, { timeout: 10_000 });
  await page.waitForTimeout(500); // nothing to wait for: this checks that nothing happens
  await expect(page.getByRole('list', { name: 'Accounts', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();

  await unlock(page);
  await expect(accountItem(page, 'Example Bank').locator('.star')).toHaveCount(1);
  await expect(accountItem(page, 'Other Shop').locator('.star')).toHaveCount(1);
});

test('a storage quota error on save keeps the previous state and says so', async ({ page }) => {
  await page.clock.setFixedTime(T);
  await createVault(page);
  await addByLink(page, otpauth('Before', 'quota'));
  await page.goto(`/?add=${encodeURIComponent(otpauth('Too much', 'quota'))}`);
  await unlock(page);
  // Simulate a full disk for every write from now on (Chromium has no switch for a small quota).
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText(/space/i);
  await page.reload();
  await unlock(page);
  await expect(page.getByRole('list', { name: 'Accounts', exact: true }).getByRole('listitem')).toHaveCount(1);
  await expect(accountItem(page, 'Before')).toBeVisible();
});

test('without IndexedDB the app says storage is unavailable', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText(/storage|store/i);
});

test('two tabs stay consistent: an account added in one appears in the other', async ({ page, context }) => {
  await page.clock.setFixedTime(T);
  await createVault(page);
  await page.reload();
  await unlock(page);
  const other = await context.newPage();
  await other.clock.setFixedTime(T);
  await other.goto('/');
  await unlock(other);
  await expect(other.getByRole('button', { name: 'Lock' })).toBeVisible();

  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByLabel('Or paste a link').fill(otpauth('Shared', 'tabs'));
  await page.getByRole('button', { name: 'Add from link' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(accountItem(other, 'Shared')).toContainText('081 804');
});

test('an account another tab adds while this one is unlocking (during the KDF) is shown too', async ({
  page,
  context,
}) => {
  // Holds the KDF worker's reply in this page until the test releases it: the other tab changes the vault while
  // this one has read its records but cannot decrypt them yet.
  await page.addInitScript(() => {
    const w = window as unknown as { holdKdf: boolean; held: (() => void)[]; releaseKdf(): void };
    w.holdKdf = false;
    w.held = [];
    w.releaseKdf = () => {
      w.holdKdf = false;
      w.held.splice(0).forEach((deliver) => deliver());
    };
    const add = Worker.prototype.addEventListener;
    Worker.prototype.addEventListener = function (this: Worker, type: string, listener: unknown, options?: unknown) {
      if (type !== 'message' || typeof listener !== 'function')
        return add.call(this, type, listener as never, options as never);
      const deliver = (event: Event) => (listener as (e: Event) => void).call(this, event);
      return add.call(
        this,
        type,
        (event: Event) => (w.holdKdf ? w.held.push(() => deliver(event)) : deliver(event)),
        options as never,
      );
    } as typeof Worker.prototype.addEventListener;
  });
  await page.clock.setFixedTime(T);
  await createVault(page);
  await pasteLink(page, otpauth('Before', 'tabs'));
  const other = await context.newPage();
  await other.clock.setFixedTime(T);
  await other.goto('/');
  await unlock(other);
  await expect(accountItem(other, 'Before')).toBeVisible();

  await page.reload();
  await page.evaluate(() => ((window as unknown as { holdKdf: boolean }).holdKdf = true));
  await unlock(page);
  await expect.poll(() => page.evaluate(() => (window as unknown as { held: unknown[] }).held.length)).toBe(1);
  await pasteLink(other, otpauth('During', 'tabs', 'JBSWY3DPEHPK3PXP'));
  await page.evaluate(() => (window as unknown as { releaseKdf(): void }).releaseKdf());
  await expect(accountItem(page, 'During').locator('.code')).toHaveText(/^\d{3} \d{3}$/);
  await expect(accountItem(page, 'Before')).toBeVisible();
});

test('auto-lock after the chosen inactivity, and after being hidden that long', async ({ page }) => {
  await page.clock.install({ time: T });
  await createVault(page);
  await openSettings(page, 'Security');
  await page.getByLabel('Lock after inactivity').selectOption('1');
  await backToList(page);
  await page.clock.runFor(59_000);
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible();
  await page.clock.runFor(2_000);
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();

  await unlock(page);
  await expect(page.getByRole('button', { name: 'Lock' })).toBeVisible();
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.clock.setSystemTime(T + 10 * 60_000); // time jumps while timers are frozen in the background
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
});

test.describe('the vault code is loaded after the lock screen', () => {
  // Without the service worker every request goes through the page, so one chunk can be made to fail.
  test.use({ serviceWorkers: 'block' });

  test('when it cannot be loaded, Unlock says so, and works once it can', async ({ page, watch }) => {
    await page.clock.setFixedTime(T);
    await createVault(page);
    await addByLink(page, otpauth('Kept', 'offline'));
    await page.route('**/assets/vault-*.js', (route) => route.abort('internetdisconnected'));
    await page.reload();
    // The lock screen itself needs none of it.
    await unlock(page);
    await expect(page.getByRole('alert')).toHaveText(
      'Part of Latchkey could not be loaded. Check your connection once, then reload; after that it works offline.',
    );
    await expect(page.getByLabel('Password', { exact: true })).toBeVisible();

    await page.unroute('**/assets/vault-*.js');
    await unlock(page);
    await expect(accountItem(page, 'Kept')).toContainText('081 804');
    // The refused fetches are the only console errors, and they are this test's own doing.
    expect(watch.errors.every((e) => /Failed to (load resource|fetch dynamically imported module)/.test(e))).toBe(true);
    watch.errors.length = 0;
  });
});
