import { test, expect } from './support/fixtures';
import { createVault, otpauth } from './support/app';
import { backToList, openSettings } from './accounts-support/helpers';

/**
 * Headless Chromium cannot click through a folder picker, so the picker is replaced by the origin-private file
 * system, which implements the same FileSystemDirectoryHandle the real picker returns.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { showDirectoryPicker: () => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker = () =>
      navigator.storage.getDirectory();
  });
});

async function listBackups(page: import('@playwright/test').Page) {
  return page.evaluate(async () => {
    const dir = await navigator.storage.getDirectory();
    // The listing itself can trip over an entry that vanished mid-way: then read the folder again.
    for (let attempt = 0; ; attempt++) {
      const files: Record<string, string> = {};
      try {
        for await (const [name, handle] of dir as unknown as AsyncIterable<[string, FileSystemFileHandle]>) {
          // Chromium writes through a temporary "name.crswap" that vanishes when the write commits; a file being
          // written right now is read on the next poll.
          if (name.endsWith('.crswap')) continue;
          try {
            files[name] = await (await handle.getFile()).text();
          } catch {
            continue;
          }
        }
        return files;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  });
}

test('automatic backup writes a verified file after each change and keeps 5 previous versions', async ({ page }) => {
  await createVault(page);
  await openSettings(page, 'Backup and restore');
  await page.getByLabel('Password for automatic backups').fill('backup password 1');
  await page.getByRole('button', { name: 'Choose backup folder' }).click();
  await expect(page.getByText(/Automatic backup is on/)).toBeVisible();
  let files = await listBackups(page);
  expect(Object.keys(files)).toEqual(['latchkey-backup.json']);
  expect(JSON.parse(files['latchkey-backup.json']!).format).toBe('latchkey-backup');

  await backToList(page);
  for (let i = 1; i <= 6; i++) {
    const before = (await listBackups(page))['latchkey-backup.json'];
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.getByLabel('Or paste a link').fill(otpauth(`Service ${i}`, `user${i}`));
    await page.getByRole('button', { name: 'Add from link' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(new RegExp(`Service ${i}`)).first()).toBeVisible();
    // Each change is backed up a moment later; wait for it so every change gets its own version.
    await expect.poll(async () => (await listBackups(page))['latchkey-backup.json']).not.toBe(before);
  }
  await expect
    .poll(async () => Object.keys(await listBackups(page)).sort(), { timeout: 20_000 })
    .toEqual([
      'latchkey-backup.1.json',
      'latchkey-backup.2.json',
      'latchkey-backup.3.json',
      'latchkey-backup.4.json',
      'latchkey-backup.5.json',
      'latchkey-backup.json',
    ]);
  files = await listBackups(page);
  for (const text of Object.values(files)) {
    expect(text).not.toContain('Service');
    expect(text).not.toContain('GEZDGNBV');
  }

  // The newest file restores every account with the automatic-backup password.
  const newest = files['latchkey-backup.json']!;
  await openSettings(page, 'Import and export');
  await page.getByLabel('Import file').setInputFiles({
    name: 'latchkey-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(newest),
  });
  await page.getByLabel('Backup password').fill('backup password 1');
  await page.getByRole('button', { name: 'Open file' }).click();
  await expect(page.getByText('already in Latchkey')).toHaveCount(6);
});
