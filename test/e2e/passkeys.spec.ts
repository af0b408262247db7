/**
 * Passkeys (WebAuthn PRF) open the vault beside the password, with Chromium's virtual authenticators standing in
 * for a fingerprint reader and a security key. The app runs at localhost here: see support/passkeys.ts.
 */
import { test as ipTest } from './support/fixtures';
import { PASSWORD, accountItem, createVault, dumpIndexedDb, otpauth, shownCode, unlock } from './support/app';
import {
  T_CALM,
  axeViolations,
  backToList,
  openMenuItem,
  openSettings,
  pasteLink,
  toast,
  totpAt,
} from './accounts-support/helpers';
import { authenticators, expect, openSlotInNode, spyOnPrf, storedHeader, tamperHeader, test } from './support/passkeys';
import type { Page } from './support/fixtures';

const NEW_PASSWORD = 'a brand new password';

function passkeyList(page: Page) {
  return page.getByRole('list', { name: 'Passkeys' });
}

/** Settings → type the vault password → Add a passkey; stays on Settings. */
async function addPasskey(page: Page, password = PASSWORD) {
  await openSettings(page, 'Security');
  await page.getByLabel('Vault password').fill(password);
  await page.getByRole('button', { name: 'Add a passkey' }).click();
}

async function lock(page: Page) {
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
}

const unlockButton = (page: Page) => page.getByRole('button', { name: 'Unlock with passkey' });
const accounts = (page: Page) => page.getByRole('list', { name: 'Accounts', exact: true });

/** A vault with one account whose code is known, and one passkey on a platform authenticator. */
async function vaultWithPasskey(page: Page) {
  await page.clock.setFixedTime(T_CALM);
  const prfSeen = await spyOnPrf(page);
  const webauthn = await authenticators(page);
  const device = await webauthn.add();
  await createVault(page);
  await pasteLink(page, otpauth('Example Bank', 'alice'));
  await addPasskey(page);
  await expect(toast(page)).toContainText('Passkey added');
  await expect(passkeyList(page).getByRole('listitem')).toHaveCount(1);
  await backToList(page);
  return { webauthn, device, prfSeen };
}

test('add a passkey, lock, unlock with it (codes right); after a reload it is offered at once; a password change keeps it', async ({
  page,
}) => {
  const { webauthn, device, prfSeen } = await vaultWithPasskey(page);
  expect(await webauthn.credentialCount(device)).toBe(1);

  await lock(page);
  // The passkey comes first; the password stays offered.
  await expect(unlockButton(page)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unlock', exact: true })).toBeVisible();
  await unlockButton(page).click();
  expect(await shownCode(page, 'Example Bank')).toBe(totpAt(T_CALM));

  // A cold start: the passkey is asked for without a tap.
  await page.reload();
  await expect(accounts(page)).toBeVisible();
  expect(await shownCode(page, 'Example Bank')).toBe(totpAt(T_CALM));
  await openSettings(page, 'Security');
  await expect(passkeyList(page).getByRole('listitem')).toContainText('last used');

  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(toast(page)).toContainText('Your passkeys still work', { timeout: 20_000 });
  await backToList(page);
  await lock(page);
  await unlockButton(page).click();
  expect(await shownCode(page, 'Example Bank')).toBe(totpAt(T_CALM));
  await lock(page);
  await unlock(page, NEW_PASSWORD);
  await expect(accounts(page)).toBeVisible();

  // Nothing secret of the passkey is stored: not its PRF outputs, nor the key derived from one, nor the master key
  // it unwraps. The derivation is redone here in Node from docs/vault-format.md, so the check cannot be empty.
  // Registration, the unlock after Lock, the one at the reload, the one after the password change.
  const seen = [...new Set(prfSeen)];
  expect(prfSeen).toHaveLength(4);
  expect(seen).toHaveLength(1); // the same salt each time: one PRF output
  const slot = (await storedHeader(page)).slots.find((s) => s.type === 'passkey')!;
  const opened = seen.map((prf) => openSlotInNode(slot, prf));
  const masterKeyHex = opened.find((o) => o.masterKeyHex)?.masterKeyHex;
  expect(masterKeyHex).toMatch(/^[0-9a-f]{64}$/);
  const dump = await dumpIndexedDb(page);
  const webStorage = await page.evaluate(() => JSON.stringify([{ ...localStorage }, { ...sessionStorage }]));
  for (const hex of [...seen, ...opened.map((o) => o.slotKeyHex), masterKeyHex!]) {
    expect(dump).not.toContain(hex);
    expect(webStorage).not.toContain(hex);
    expect(dump).not.toContain(Buffer.from(hex, 'hex').toString('base64'));
  }
});

test('two passkeys: removing one asks first; the other still opens, the removed one is refused in words', async ({
  page,
}) => {
  const { webauthn, device } = await vaultWithPasskey(page);
  // A security key beside the fingerprint reader; the reader stays silent while the key is made.
  await webauthn.answers(device, false);
  const key = await webauthn.add({ transport: 'usb' });
  await addPasskey(page);
  await expect(passkeyList(page).getByRole('listitem')).toHaveCount(2);
  await webauthn.answers(device, true);

  const onDevice = passkeyList(page).getByRole('listitem').filter({ hasText: 'This device' });
  await onDevice.getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('no longer open Latchkey');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(passkeyList(page).getByRole('listitem')).toHaveCount(2);
  await onDevice.getByRole('button', { name: 'Remove' }).click();
  await dialog.getByRole('button', { name: 'Remove passkey' }).click();
  await expect(toast(page)).toContainText('removed');
  await expect(passkeyList(page).getByRole('listitem')).toHaveCount(1);
  await expect(passkeyList(page)).toContainText('Security key or phone');
  // The browser was told the removed credential is gone (signalUnknownCredential), so it no longer offers it.
  expect(await webauthn.credentialCount(device)).toBe(0);

  await backToList(page);
  await lock(page);
  await unlockButton(page).click();
  await expect(accounts(page)).toBeVisible();

  // Only the device whose passkey was removed is at hand now.
  await webauthn.remove(key);
  await lock(page);
  await unlockButton(page).click();
  await expect(page.getByRole('alert')).toContainText('removed in Settings no longer opens it');
  await expect(accounts(page)).toBeHidden();
  await unlock(page);
  await expect(accounts(page)).toBeVisible();
});

test('the passkey screens are accessible: axe clean, keyboard reaches every control', async ({ page }) => {
  await vaultWithPasskey(page);
  await openSettings(page, 'Security');
  expect(await axeViolations(page), 'Security with a passkey').toEqual([]);
  await passkeyList(page).getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused(); // the safe choice first
  expect(await axeViolations(page), 'the Remove dialog').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(passkeyList(page).getByRole('listitem')).toHaveCount(1);
  await backToList(page);
  // After Lock the passkey waits for a tap: the button has the focus, and Enter is that tap.
  await lock(page);
  await expect(unlockButton(page)).toBeFocused();
  expect(await axeViolations(page), 'the lock screen with a passkey').toEqual([]);
  await page.keyboard.press('Enter');
  await expect(accounts(page)).toBeVisible();
});

test('an authenticator without PRF: said plainly, nothing stored, and the half-made passkey withdrawn', async ({
  page,
}) => {
  const webauthn = await authenticators(page);
  const device = await webauthn.add({ hasPrf: false });
  await createVault(page);
  await addPasskey(page);
  await expect(page.getByRole('alert')).toContainText('does not support the PRF extension');
  await expect(passkeyList(page)).toHaveCount(0);
  expect((await storedHeader(page)).slots.map((s) => s.type)).toEqual(['password']);
  expect(await webauthn.credentialCount(device)).toBe(0);
  await backToList(page);
  await lock(page);
  await expect(unlockButton(page)).toHaveCount(0);
});

test('a browser whose getClientCapabilities lacks extension:prf: said plainly, no passkey made', async ({ page }) => {
  await page.addInitScript(() => {
    PublicKeyCredential.getClientCapabilities = async () => ({ 'extension:prf': false, conditionalGet: true });
  });
  const webauthn = await authenticators(page);
  const device = await webauthn.add();
  await createVault(page);
  await addPasskey(page);
  await expect(page.getByRole('alert')).toContainText('This browser cannot use passkeys to open Latchkey');
  await expect(passkeyList(page)).toHaveCount(0);
  expect((await storedHeader(page)).slots.map((s) => s.type)).toEqual(['password']);
  expect(await webauthn.credentialCount(device)).toBe(0);
});

test('user verification that fails: no passkey is added, and unlocking stays locked with a message', async ({
  page,
}) => {
  const { webauthn, device } = await vaultWithPasskey(page);
  await webauthn.verifiesUser(device, false);

  await lock(page);
  await unlockButton(page).click();
  await expect(page.getByRole('alert')).toContainText('could not verify you');
  await expect(accounts(page)).toBeHidden();
  // Offered at a cold start and refused: the lock screen waits quietly, password and button offered.
  await page.reload();
  await expect(page.getByText('or type your password', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await unlock(page);
  await expect(accounts(page)).toBeVisible();

  // Adding one on an authenticator that cannot verify the person.
  await webauthn.remove(device);
  const other = await webauthn.add({ isUserVerified: false });
  await addPasskey(page);
  await expect(page.getByRole('alert')).toContainText('No passkey was made');
  await expect(passkeyList(page).getByRole('listitem')).toHaveCount(1);
  expect(await webauthn.credentialCount(other)).toBe(0);
  // A wrong vault password is refused before any passkey is made.
  await webauthn.verifiesUser(other, true);
  await page.getByLabel('Vault password').fill('not the password');
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByRole('alert')).toContainText('password');
  expect(await webauthn.credentialCount(other)).toBe(0);
});

for (const field of ['ciphertext', 'salt'] as const) {
  test(`a passkey slot with a changed ${field}: a clear error, and the password still opens`, async ({ page }) => {
    await vaultWithPasskey(page);
    await tamperHeader(page, 1, field);
    await page.reload();
    // Offered at once, and refused in words: this is no cancelled dialog.
    await expect(page.getByRole('alert')).toContainText('damaged or was changed outside Latchkey');
    await expect(accounts(page)).toBeHidden();
    await unlock(page);
    expect(await shownCode(page, 'Example Bank')).toBe(totpAt(T_CALM));
  });
}

test('re-encrypting under a new password removes the passkeys and says so', async ({ page }) => {
  const { webauthn, device } = await vaultWithPasskey(page);
  await openSettings(page, 'Security');
  await page.getByLabel('Current password').fill(PASSWORD);
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await page.getByLabel('Also re-encrypt everything with a new key').check();
  await expect(page.getByText('This also removes your passkeys')).toBeVisible();
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(toast(page)).toContainText('Your passkeys were removed', { timeout: 20_000 });
  await expect(passkeyList(page)).toHaveCount(0);
  expect(await webauthn.credentialCount(device)).toBe(0);
  await backToList(page);
  await lock(page);
  await expect(unlockButton(page)).toHaveCount(0);
  await unlock(page, NEW_PASSWORD);
  await expect(accountItem(page, 'Example Bank')).toBeVisible();
});

test('the confirmation before a secret is shown accepts a passkey', async ({ page }) => {
  await page.clock.install({ time: T_CALM });
  const webauthn = await authenticators(page);
  await webauthn.add();
  await createVault(page);
  await pasteLink(page, otpauth('Example Bank', 'alice'));
  await addPasskey(page);
  await expect(passkeyList(page).getByRole('listitem')).toHaveCount(1);
  await backToList(page);
  await page.clock.runFor(65_000);
  await openMenuItem(page, 'Example Bank', 'Show QR code');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Use passkey' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
});

ipTest('opened by an IP address, adding a passkey says why it cannot, and stores nothing', async ({ page }) => {
  const webauthn = await authenticators(page);
  await webauthn.add();
  await createVault(page);
  await addPasskey(page);
  await expect(page.getByRole('alert')).toContainText('not by an IP address');
  expect((await storedHeader(page)).slots).toHaveLength(1);
});
