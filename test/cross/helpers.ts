/**
 * The steps the journeys share, written against the Driver interface with the names of ../shared/ui-contract.md.
 * Names a journey needs that the contract does not have yet are marked "not in the contract".
 */
import { createHmac } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import { expect } from '@playwright/test';
import { PASSWORD } from '../e2e/support/app';
import { dumpStores } from '../e2e/support/idb-dump';
import { aegisEncrypted } from '../unit/formats/fixtures';
import type { Download, Driver, Target } from './driver';

export { PASSWORD };

export const ACCOUNTS: Target = { role: 'list', name: 'Accounts', exact: true };
export const row = (text: string): Target => ({ role: 'listitem', text, within: ACCOUNTS });
export const button = (name: string, exact = false): Target => ({ role: 'button', name, exact });

export async function createVault(driver: Driver, password = PASSWORD): Promise<void> {
  await driver.goto('/');
  await fillNewPassword(driver, password);
  await driver.click(button('Create vault'));
  await driver.waitForElement(button('Add account'), 60_000);
}

export async function fillNewPassword(driver: Driver, password = PASSWORD): Promise<void> {
  await driver.fill('Password', password, { exact: true });
  await driver.fill('Confirm password', password);
}

export async function unlock(driver: Driver, password = PASSWORD): Promise<void> {
  await driver.fill('Password', password, { exact: true });
  await driver.click(button('Unlock'));
}

export async function unlockAndWait(driver: Driver, password = PASSWORD): Promise<void> {
  await unlock(driver, password);
  await driver.waitForElement(button('Add account'), 60_000);
}

/** Opens an enrollment link as a phone does (`/#add=<uri>` loaded afresh), unlocks, and saves the review. */
export async function addByLink(driver: Driver, uri: string): Promise<void> {
  await driver.goto(`/#add=${encodeURIComponent(uri)}`);
  await driver.reload(); // a fragment alone does not load a page that is already on the app
  await unlock(driver);
  await driver.click(button('Save', true));
  await driver.waitForElement(ACCOUNTS);
}

export const otpauthLink = (type: 'totp' | 'hotp', issuer: string, name: string, secret: string, extra = '') =>
  `otpauth://${type}/${encodeURIComponent(issuer)}:${encodeURIComponent(name)}?secret=${secret}` +
  `&issuer=${encodeURIComponent(issuer)}${extra}`;

/** A row's text without spaces (the app groups digits for reading). */
export async function rowText(driver: Driver, text: string): Promise<string> {
  return (await driver.text(row(text))).replace(/\s/g, '');
}

/**
 * Waits until the row shows the code Node computes for the page's own time, in this step or the one before (the
 * row may be painted a moment before the step changes): no fake clock, so the engine's own Date is what is tested.
 */
export async function expectCodeNow(driver: Driver, text: string, codeAt: (time: number) => string, periodS = 30) {
  await driver.waitFor(`the right code in the row ${text}`, async () => {
    const shown = await rowText(driver, text);
    const now = await driver.evaluate(() => Date.now());
    return [now, now - periodS * 1000].some((time) => shown.includes(codeAt(time)));
  });
}

export function totpAt(secret: string, algorithm: string, digits: number, period: number) {
  return (time: number) => new OTPAuth.TOTP({ secret, algorithm, digits, period }).generate({ timestamp: time });
}

export const hotpAt = (secret: string, counter: number, algorithm = 'SHA1', digits = 6) =>
  new OTPAuth.HOTP({ secret, algorithm, digits }).generate({ counter });

/** Steam Guard, written out here from Steam's rules (RFC 4226 truncation, five characters of its alphabet). */
export function steamAt(secret: string) {
  return (time: number) => {
    const counter = Buffer.alloc(8);
    counter.writeBigUInt64BE(BigInt(Math.floor(time / 30_000)));
    const mac = createHmac('sha1', Buffer.from(OTPAuth.Secret.fromBase32(secret).bytes))
      .update(counter)
      .digest();
    let value = mac.readUInt32BE(mac[19]! & 0xf) & 0x7fffffff;
    let code = '';
    for (let i = 0; i < 5; i++) {
      code += '23456789BCDFGHJKMNPQRTVWXY'[value % 26];
      value = Math.floor(value / 26);
    }
    return code;
  };
}

/** Everything stored in IndexedDB and web storage, as text (bytes as hex, Base64 and UTF-8), where the engine can. */
export function dumpStorage(driver: Driver): Promise<string> {
  return driver.evaluate(dumpStores);
}

export async function expectNoPlaintext(driver: Driver, needles: string[]): Promise<void> {
  const stored = await dumpStorage(driver);
  expect(stored.length).toBeGreaterThan(100); // the vault is there, sealed
  for (const needle of needles) expect(stored, `storage in ${driver.engine} holds ${needle}`).not.toContain(needle);
}

export type SettingsPage = 'Security' | 'Appearance' | 'Backup and restore' | 'Import and export' | 'Tools' | 'About';

/** Settings, and one of its pages when named (as test/e2e/accounts-support/helpers.ts openSettings does). */
export async function openSettings(driver: Driver, section?: SettingsPage): Promise<void> {
  await driver.click(button('Settings'));
  await driver.waitForElement({ role: 'heading', name: 'Settings' });
  if (!section) return;
  await driver.click(button(section));
  await driver.waitForElement({ role: 'heading', name: section });
}

/** The app bar's Back, as many times as it takes to reach the list. */
export async function backToList(driver: Driver): Promise<void> {
  for (let i = 0; i < 4 && !(await driver.has(button('Add account'))); i++) {
    const title = await driver.evaluate(() => document.querySelector('h1')?.textContent ?? '');
    await driver.click(button('Back', true));
    await driver.waitFor(`a screen other than "${title}"`, async () =>
      driver.evaluate((before) => (document.querySelector('h1')?.textContent ?? '') !== before, title),
    );
  }
  await driver.waitForElement(button('Add account'));
}

/** Imports a file through Settings → Import and export → Import file; an encrypted one asks for its password. */
export async function importFile(driver: Driver, name: string, bytes: Uint8Array | string, password?: string) {
  await openSettings(driver, 'Import and export');
  await driver.setFiles('Import file', [{ name, bytes }]);
  if (password !== undefined) {
    await driver.fill('Backup password', password);
    await driver.click(button('Open file')); // not in the contract: the button that opens an encrypted file
  }
}

/** Adds an account the way a user pastes a link on the Add screen: no reload, so no unlock in between. */
export async function pasteLink(driver: Driver, uri: string): Promise<void> {
  await driver.click(button('Add account'));
  await driver.fill('paste a link', uri);
  await driver.click(button('Add from link'));
  await driver.click(button('Save', true));
  await driver.waitForElement(ACCOUNTS);
}

/** The account's menu (`More actions for <title>`), then one of its items. */
export async function openMenuItem(driver: Driver, title: string, item: string): Promise<void> {
  await driver.click(button(`More actions for ${title}`));
  await driver.click({ role: 'menuitem', name: item });
}

/** Settings → Backup and restore → Export backup under the vault password: the file the app offered. */
export async function exportBackup(driver: Driver, password = PASSWORD): Promise<Download> {
  await openSettings(driver, 'Backup and restore');
  await driver.click(button('Export backup'));
  await driver.fill('Vault password', password, { exact: true });
  await driver.click(button('Export backup'));
  // The password is checked (Argon2id), the file written and read back (Argon2id again) before it is offered.
  return driver.waitFor(
    'the backup download',
    async () => (await driver.downloads()).find((file) => file.name.startsWith('latchkey-backup')),
    60_000,
  );
}

/** An Aegis export encrypted under `password`, as Aegis writes it: SHA-1, 6 digits, TOTP every 30 s. */
export function aegisFile(
  password: string,
  accounts: { issuer: string; name: string; secret: string; hotpCounter?: number }[],
): string {
  const entries = accounts.map(({ issuer, name, secret, hotpCounter }, index) => ({
    type: hotpCounter === undefined ? 'totp' : 'hotp',
    uuid: String(index),
    name,
    issuer,
    icon: null,
    info: {
      secret,
      algo: 'SHA1',
      digits: 6,
      ...(hotpCounter === undefined ? { period: 30 } : { counter: hotpCounter }),
    },
  }));
  return JSON.stringify(aegisEncrypted({ version: 2, entries }, password));
}
