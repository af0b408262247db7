/**
 * Sync through the user's own WebDAV storage (docs/sync.md), two browser contexts as two devices, against real
 * servers started here: Debian's apache2 (mod_dav) and rclone serve webdav (behind a CORS front, as rclone 1.60
 * sends no CORS headers). The watch fixture allows exactly the one sync origin each test configures.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { accountItem, createVault, otpauth } from './support/app';
import { axeViolations, backToList, importUris, list, openMenuItem, openSettings } from './accounts-support/helpers';
import {
  startApache,
  startFront,
  startRclone,
  type Apache,
  type DavServer,
  type Front,
} from '../support/dav/dav-servers';
import {
  connectFirst,
  controlled,
  fillLogin,
  joinSecond,
  secondDevice,
  syncNow,
  syncStatus,
} from './sync-support/devices';

test.describe.configure({ mode: 'serial' });

let apache: Apache;
let rclone: DavServer;
let rcloneFront: Front;
let apacheFront: Front;

test.beforeAll(async ({ baseURL }) => {
  const appOrigin = new URL(baseURL!).origin;
  [apache, rclone] = await Promise.all([startApache({ appOrigin }), startRclone()]);
  rcloneFront = await startFront({ target: rclone, appOrigin });
  apacheFront = await startFront({ target: apache, appOrigin });
});

test.afterAll(async () => {
  await Promise.all([apacheFront?.close(), rcloneFront?.close(), rclone?.close(), apache?.close()]);
});

const folder = () => `v${Math.random().toString(16).slice(2, 10)}`;

for (const which of ['apache2', 'rclone'] as const) {
  test(`${which}: connect and join; an account added on A appears on B; the server holds nothing readable`, async ({
    page,
    browser,
    baseURL,
    watch,
  }) => {
    test.setTimeout(120_000);
    const origin = which === 'apache2' ? apache.origin : rcloneFront.origin;
    const name = folder();
    const login = { url: `${origin}/${name}/`, user: apache.user, password: apache.password };
    watch.allowed.push(origin);

    await connectFirst(page, login);
    await backToList(page);
    await importUris(page, [otpauth('Example Bank', 'alice@example.com'), otpauth('Mail Co', 'bob@example.com')]);

    const b = await secondDevice(browser, baseURL!, watch);
    await joinSecond(b, login);
    // A's change went up by itself a moment after it was made; B took it at join.
    await expect(accountItem(b, 'Example Bank')).toBeVisible({ timeout: 20_000 });
    await expect(accountItem(b, 'Mail Co')).toBeVisible();

    // Added on A: it goes up by itself; B takes it on Sync now.
    await importUris(page, [otpauth('Shop', 'carol@example.com', 'JBSWY3DPEHPK3PXP')]);
    await backToList(page);
    await openSettings(page, 'Sync');
    await expect(syncStatus(page)).toHaveText(/^Synced just now[ .(]/, { timeout: 20_000 });
    await openSettings(b, 'Sync');
    await syncNow(b);
    await backToList(b);
    await expect(accountItem(b, 'Shop')).toBeVisible();

    // Nothing readable on the server: no secret, issuer or account name, in any file.
    if (which === 'apache2') {
      const dir = join(apache.root, name);
      const files = readdirSync(dir);
      expect(files.length).toBeGreaterThanOrEqual(5);
      for (const file of files) {
        const text = readFileSync(join(dir, file)).toString('latin1');
        for (const word of ['Example Bank', 'alice', 'Mail Co', 'bob', 'Shop', 'carol', 'GEZDGNBVGY3TQOJQ']) {
          expect(text, file).not.toContain(word);
        }
      }
    }
    // Only the app and that one server were asked for anything (the watch checks the rest).
    expect(watch.requests.some((url) => url.startsWith(origin + '/'))).toBe(true);

    // The browser enforces it: the relay frame may reach the sync server only, the app page none but its own.
    const frame = page.frames().find((f) => f.url().endsWith('/sync-frame.html'));
    const other = which === 'apache2' ? rcloneFront.origin : apache.origin;
    const tryFetch = (url: string) =>
      fetch(url).then(
        () => 'sent',
        () => 'blocked',
      );
    expect(await frame!.evaluate(tryFetch, `${other}/`)).toBe('blocked');
    expect(await page.evaluate(tryFetch, `${origin}/`)).toBe('blocked');
    const violations = watch.errors.filter((e) => /Content Security Policy|CSP violation/.test(e));
    expect(violations.length).toBeGreaterThan(0);
    watch.errors.splice(0, watch.errors.length, ...watch.errors.filter((e) => !violations.includes(e)));
  });
}

test('a wrong app password, a stopped server, 403 and 507: each says what is wrong, and nothing is lost', async ({
  page,
  watch,
}) => {
  test.setTimeout(120_000);
  const origin = apacheFront.origin;
  watch.allowed.push(origin);
  const login = { url: `${origin}/${folder()}/`, user: apache.user, password: 'wrong-password' };
  await createVault(page);
  await controlled(page);
  await openSettings(page, 'Sync');
  expect(await axeViolations(page)).toEqual([]);
  await fillLogin(page, login);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('alert')).toContainText('did not accept the username or app password (401)');

  await page.getByLabel('App password').fill(apache.password);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(syncStatus(page)).toHaveText(/^Synced just now/, { timeout: 20_000 });
  expect(await axeViolations(page)).toEqual([]);

  // The server stops: the change waits, and the status says so.
  await apacheFront.stop();
  await backToList(page);
  await importUris(page, [otpauth('Waiting Co', 'dave@example.com', 'MFRGGZDFMZTWQ2LK')]);
  await openSettings(page, 'Sync');
  await syncNow(page);
  await expect(syncStatus(page)).toHaveText(/cannot reach .*: 1 change waiting\./);
  await apacheFront.start();
  await syncNow(page);
  await expect(syncStatus(page)).toHaveText(/^Synced just now\.$/);

  for (const [status, words, secret] of [
    [507, 'out of space (507)', 'ONSWG4TFORZWK3DF'],
    [403, 'does not allow this user to write files in that folder (403)', 'KRUGS4ZANFZSAYLT'],
  ] as const) {
    apacheFront.answer = { status, methods: ['PUT'] };
    await backToList(page);
    await importUris(page, [otpauth(`Fault ${status}`, 'erin@example.com', secret)]);
    await openSettings(page, 'Sync');
    await syncNow(page);
    await expect(syncStatus(page)).toContainText(words);
    await expect(syncStatus(page)).toContainText('1 change waiting on this device');
    apacheFront.answer = null;
    await syncNow(page);
    await expect(syncStatus(page)).toHaveText(/^Synced just now\.$/);
  }
  // Turning sync off keeps everything here (and there); the Connect form is back.
  await page.getByRole('button', { name: 'Turn sync off' }).click();
  await page.getByRole('button', { name: 'Turn off' }).click();
  await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
  await backToList(page);
  await expect(list(page).getByRole('listitem')).toHaveCount(3);
});

test('edit on B and delete on A at the same moment keep the edit; HOTP ends at the higher counter; a changed object is refused', async ({
  page,
  browser,
  baseURL,
  watch,
}) => {
  test.setTimeout(150_000);
  // Through a front that can be stopped, so both devices change things while neither can sync.
  const front = await startFront({ target: apache, appOrigin: new URL(baseURL!).origin });
  try {
    const name = folder();
    const login = { url: `${front.origin}/${name}/`, user: apache.user, password: apache.password };
    watch.allowed.push(front.origin);
    await connectFirst(page, login);
    await backToList(page);
    await importUris(page, [
      otpauth('Alpha', 'alpha@example.com', 'JBSWY3DPEHPK3PXP'),
      'otpauth://hotp/Counter%20Co:carol?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Counter%20Co&counter=5',
    ]);
    const b = await secondDevice(browser, baseURL!, watch);
    await joinSecond(b, login);
    await expect(accountItem(b, 'Counter Co')).toBeVisible({ timeout: 20_000 });

    await front.stop();
    await openMenuItem(b, 'Alpha', 'Edit');
    await b.getByLabel('Account name', { exact: true }).fill('alpha-renamed');
    await b.getByRole('button', { name: 'Save changes' }).click();
    await expect(list(b)).toBeVisible();
    await openMenuItem(page, 'Alpha', 'Delete');
    await page.getByRole('button', { name: 'Delete Alpha' }).click();
    await expect(accountItem(page, 'Alpha')).toHaveCount(0);
    const counterOn = (p: typeof page) => accountItem(p, 'Counter Co').locator('.counter');
    await accountItem(page, 'Counter Co').getByRole('button', { name: 'Next code' }).click();
    await expect(counterOn(page)).toHaveText('Counter #6');
    await page.waitForTimeout(1_000);
    await accountItem(page, 'Counter Co').getByRole('button', { name: 'Next code' }).click();
    await expect(counterOn(page)).toHaveText('Counter #7');
    await accountItem(b, 'Counter Co').getByRole('button', { name: 'Next code' }).click();
    await expect(counterOn(b)).toHaveText('Counter #6');

    await front.start();
    for (const device of [page, b, page]) {
      await openSettings(device, 'Sync');
      await syncNow(device);
      await expect(syncStatus(device)).toHaveText(/^Synced just now\.$/);
      await backToList(device);
    }
    for (const device of [page, b]) {
      await expect(accountItem(device, 'alpha-renamed')).toBeVisible();
      await expect(counterOn(device)).toHaveText('Counter #7');
    }

    // An object changed on the server: B refuses it, names the account, and keeps its own copy.
    await openMenuItem(page, 'Alpha', 'Edit');
    await page.getByLabel('Account name', { exact: true }).fill('alpha-third');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await openSettings(page, 'Sync');
    await syncNow(page);
    await expect(syncStatus(page)).toHaveText(/^Synced just now\.$/);
    const dir = join(apache.root, name);
    for (const file of readdirSync(dir).filter((f) => /^[0-9a-f]{32}$/.test(f))) {
      const bytes = readFileSync(join(dir, file));
      bytes[40] = bytes[40]! ^ 1;
      writeFileSync(join(dir, file), bytes);
    }
    await openSettings(b, 'Sync');
    await syncNow(b);
    await expect(syncStatus(b)).toContainText(
      'The synced copy of “Alpha (alpha-renamed)” was changed outside Latchkey',
    );
    await backToList(b);
    await expect(accountItem(b, 'alpha-renamed')).toBeVisible();
  } finally {
    await front.close();
  }
});
