/**
 * The user journeys the benchmark times, through the accessible names of docs/ui-contract.md like the end-to-end
 * suite. Durations are differences of the page's own performance.now() readings (see probe.mjs).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PASSWORD = 'correct horse battery staple';
const SLOW = { timeout: 120_000 };

export async function createVault(page) {
  await page.goto('/');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('button', { name: 'Add account' }).waitFor(SLOW);
}

// Wrapped in an object: evaluateHandle would otherwise wait for the promise instead of handing it back.
export const arm = (page, state, arg) =>
  page.evaluateHandle(([s, a]) => ({ promise: window.__bench.waitFor(s, a) }), [state, arg]);
/** Waits for an armed state; one never reached fails the run after 3 minutes instead of hanging it. */
export const settle = (handle) =>
  handle
    .evaluate((h) =>
      Promise.race([
        h.promise,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('the state was not reached in 3 minutes')), 180_000),
        ),
      ]),
    )
    .finally(() => handle.dispose());
const marks = (page) => page.evaluate(() => ({ ...window.__bench.marks }));

/**
 * The file as a path, as a person's file chooser gives it: handed over as bytes, Playwright decodes them from
 * Base64 in the page, which for the 10,000-account list was a 580 ms task of its own counted as the app's.
 */
function onDisk({ name, buffer }) {
  const folder = mkdtempSync(join(tmpdir(), 'latchkey-bench-'));
  writeFileSync(join(folder, name), buffer);
  // The browser reads a chosen file when the app does, so it is removed once the import is done.
  return { path: join(folder, name), remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * Settings → Import and export → Import file, then the review's `Import N accounts`. Returns the time from choosing the file (or
 * pressing `Open file` after typing the password of an encrypted one) to the review, and from pressing Import to
 * the list showing every account with its code.
 */
export async function importFile(page, file, count, total = count, password) {
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Import and export' }).click();
  const review = await arm(page, 'review', count);
  const chosen = onDisk(file);
  try {
    await page.getByLabel('Import file').setInputFiles(chosen.path);
    return await finishImport(page, review, count, total, password);
  } finally {
    chosen.remove();
  }
}

async function finishImport(page, review, count, total, password) {
  if (password !== undefined) {
    await page.getByLabel('Backup password').fill(password);
    await page.getByRole('button', { name: 'Open file' }).click();
  }
  const reviewShown = await settle(review);
  const listed = await arm(page, 'codes', total);
  const label = `Import ${count.toLocaleString('en')} account${count === 1 ? '' : 's'}`; // as the app writes it
  await page.getByRole('button', { name: label }).click();
  const codesShown = await settle(listed);
  const m = await marks(page);
  const from = password !== undefined ? m['click:Open file'] : m.fileChosen;
  return {
    read: reviewShown.frame - from,
    save: codesShown.frame - m[`click:${label}`],
  };
}

/**
 * Reloads (a new page load starts locked), types the password and presses Unlock. Returns the time from the
 * press to the list with every code on screen and to the first screenful of codes, the part of it after the KDF
 * worker replied, and the time after the KDF until the first screenful of rows shows its codes.
 */
export async function unlockTimed(page, count) {
  await page.goto('/');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  const firstScreen = await arm(page, 'firstCodes');
  const shown = await arm(page, 'codes', count);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  const first = await settle(firstScreen);
  const { frame } = await settle(shown);
  const m = await marks(page);
  return {
    total: frame - m['click:Unlock'],
    first: first.frame - m['click:Unlock'],
    kdf: m.workerReply - m['click:Unlock'],
    afterKdf: frame - m.workerReply,
    firstAfterKdf: first.frame - m.workerReply,
  };
}
