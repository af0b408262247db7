import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as OTPAuth from 'otpauth';
import { expect, type Page } from '../support/fixtures';
import { PASSWORD, RFC_SECRET, accountItem, otpauth } from '../support/app';

/** At this instant the RFC 6238 SHA-1 seed gives 081804 (6 digits); it is the last second of its 30-s step. */
export const T_EXPIRING = 1111111109_000;
/** 20 s into a step (10 s left): codes are not about to expire. */
export const T_CALM = 1111111100_000;

/** The code Node computes for a TOTP secret at `time`, to compare with what the page shows. */
export function totpAt(time: number, secret = RFC_SECRET, period = 30): string {
  return new OTPAuth.TOTP({ secret, period }).generate({ timestamp: time });
}

export function hotpAt(counter: number, secret = RFC_SECRET): string {
  return new OTPAuth.HOTP({ secret }).generate({ counter });
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * `count` accounts with distinct secrets (every one needs its own HMAC key), named `Service 0000` and so on, every
 * fiftieth on a 60-s period. With `shuffled`, the issuers are numbered in a seeded random order, so that sorting
 * by issuer differs from the order they were added in.
 */
export function manyAccounts(
  count: number,
  { shuffled = false } = {},
): { issuer: string; secret: string; uri: string }[] {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const numbers = Array.from({ length: count }, (_, i) => i);
  if (shuffled) {
    for (let i = count - 1; i > 0; i--) {
      const j = next() % (i + 1);
      [numbers[i], numbers[j]] = [numbers[j]!, numbers[i]!];
    }
  }
  return numbers.map((n, i) => {
    const secret = Array.from({ length: 32 }, () => BASE32[next() % 32]).join('');
    const issuer = `Service ${String(n).padStart(4, '0')}`;
    return { issuer, secret, uri: otpauth(issuer, `user${n}@example.com`, secret, i % 50 === 0 ? '&period=60' : '') };
  });
}

export function list(page: Page) {
  return page.getByRole('list', { name: 'Accounts', exact: true });
}

/**
 * The issuers of the rows, top to bottom. textContent, not innerText: rows use content-visibility, and innerText
 * of a row whose rendering is still skipped (off screen, or before the next frame) reads as empty.
 */
export async function rowIssuers(page: Page): Promise<string[]> {
  return list(page)
    .getByRole('listitem')
    .locator('.issuer')
    .evaluateAll((issuers) =>
      issuers.map((issuer) => {
        // A favourite's star is an icon, and its word is for screen readers: "★ " stands for both here.
        const visible = Array.from(issuer.childNodes)
          .filter((node) => !(node instanceof Element && node.classList.contains('visually-hidden')))
          .map((node) => node.textContent)
          .join('')
          .trim();
        return issuer.querySelector('.star') ? `★ ${visible}` : visible;
      }),
    );
}

/** The toast host (copies, saves, undo). Other banners share role="status", so it is found by its class. */
export function toast(page: Page) {
  return page.locator('.toast-host');
}

/** Adds an account the way a user pastes a link on the Add screen: no reload, so no unlock in between. */
export async function pasteLink(page: Page, uri: string, save = true) {
  await page.getByRole('button', { name: 'Add account' }).click();
  await page.getByLabel(/paste a link/i).fill(uri);
  await page.getByRole('button', { name: 'Add from link' }).click();
  if (save) {
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(list(page)).toBeVisible();
  }
}

/** Imports an otpauth:// list through Settings → Import and export → Import file: the quick way to many accounts. */
export async function importUris(page: Page, uris: readonly string[]) {
  await openSettings(page, 'Import and export');
  await page.getByLabel('Import file').setInputFiles({
    name: 'accounts.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(uris.join('\n') + '\n'),
  });
  await page.getByRole('button', { name: new RegExp(`^Import ${uris.length.toLocaleString('en')} accounts?`) }).click();
  await expect(list(page)).toBeVisible();
}

export async function openMenuItem(page: Page, row: string, item: string) {
  await accountItem(page, row).getByRole('button', { name: 'More actions' }).click();
  await accountItem(page, row).getByRole('menuitem', { name: item }).click();
}

/** Settings, and one of its pages when named (Security, Appearance, Backup and restore, Import and export ...). */
export async function openSettings(page: Page, section?: SettingsPage) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  if (!section) return;
  await page.getByRole('button', { name: section }).click();
  await expect(page.getByRole('heading', { name: section, level: 1 })).toBeVisible();
}

/** The pages of Settings, in the order its index lists them (ui-contract.md, "Navigation"). */
export const SETTINGS_PAGES = [
  'Security',
  'Appearance',
  'Sync',
  'Backup and restore',
  'Import and export',
  'Tools',
  'About',
] as const;
export type SettingsPage = (typeof SETTINGS_PAGES)[number];

/**
 * On Backup and restore: Export backup under the vault password, saved to `path` when given, and "Backup saved"
 * said.
 */
export async function exportBackup(page: Page, path?: string) {
  await page.getByRole('button', { name: 'Export backup' }).click();
  await page.getByLabel('Vault password', { exact: true }).fill(PASSWORD);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  const download = await downloading;
  if (path) await download.saveAs(path);
  await expect(page.getByText(/Backup saved/)).toBeVisible();
}

/** Settings → Import and export's unencrypted export `button`, confirmed, saved to `path`; returns the file's text. */
export async function exportPlain(page: Page, button: string, path: string): Promise<string> {
  await openSettings(page, 'Import and export');
  await page.getByLabel('I understand the file will not be encrypted').check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  await (await downloading).saveAs(path);
  return readFileSync(path, 'utf8');
}

/** The app bar's Back, as many times as it takes to reach the list. */
export async function backToList(page: Page) {
  const add = page.getByRole('button', { name: 'Add account' });
  for (let i = 0; i < 4 && !(await add.isVisible()); i++) {
    const title = (await page.locator('h1').textContent()) ?? '';
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    // The history's popstate arrives asynchronously: wait for the screen to change before looking again.
    await expect(page.locator('h1')).not.toHaveText(title);
  }
  await expect(add).toBeVisible();
}

let axeSource: string | undefined;

/**
 * Waits until the page looks as it will stay: a colour scheme just switched eases the buttons' background over
 * `--duration` while their text colour changes at once, so a contrast check taken in between measures a frame no
 * one keeps looking at (seen failing CI on Change icon). getAnimations() applies pending style changes first, so
 * the transitions a switch starts are among those awaited; no animation frame is awaited, since Playwright's fake
 * clock (some specs install it) holds requestAnimationFrame.
 */
async function settledStyles(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
  });
}

/**
 * Runs axe-core in the page and returns its serious and critical violations, once its styles have settled. The
 * app's CSP forbids inline scripts, so the library is evaluated (evaluate is not subject to CSP) rather than added
 * as a script tag.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await settledStyles(page);
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    interface AxeResults {
      violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
    }
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      text: `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.text);
}
