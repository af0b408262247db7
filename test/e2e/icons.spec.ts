/**
 * Account icons (issue 17): brand icons matched from the names, drawn from the app's own lazy chunk; Change icon
 * (search, an image of one's own, the letter); images kept only inside sealed records and carried by backups;
 * hostile SVG rebuilt harmless (Aegis icons and icon packs: icons-aegis.spec.ts). The watch fixture fails any
 * test whose page asks anything of another origin.
 */
import { readFile } from 'node:fs/promises';
import { test, expect } from './support/fixtures';
import { PASSWORD, RFC_SECRET, createVault, dumpIndexedDb, otpauth, unlock } from './support/app';
import { axeViolations, exportBackup, importUris, openSettings } from './accounts-support/helpers';
import { HOSTILE_SVG, icon, openChangeIcon, pngOf, saveEdit, shownImage } from './icons-support/helpers';

test('brand icons by issuer and by the domain of a name; an unknown issuer keeps its letter', async ({ page }) => {
  await createVault(page);
  await importUris(page, [
    otpauth('GitHub', 'octocat'),
    otpauth('Google', 'alice@gmail.com'),
    otpauth('Microsoft', 'alice@outlook.com'),
    otpauth('Steam', 'gaben'),
    `otpauth://totp/alice%40gitlab.com?secret=${RFC_SECRET}`,
    otpauth('Example Unknown Co', 'alice'),
  ]);
  await expect(icon(page, 'GitHub')).toHaveAttribute('data-icon', 'github');
  await expect(icon(page, 'Google')).toHaveAttribute('data-icon', 'google');
  await expect(icon(page, 'Microsoft')).toHaveAttribute('data-icon', 'microsoft');
  await expect(icon(page, 'Steam')).toHaveAttribute('data-icon', 'steam');
  await expect(icon(page, 'alice@gitlab.com')).toHaveAttribute('data-icon', 'gitlab');
  await expect(icon(page, 'Example Unknown Co')).toHaveAttribute('data-icon', 'letter');
  await expect(icon(page, 'Example Unknown Co')).toHaveText('E');
  // Decorative: the issuer beside it is the text; the brand is drawn from the app's own data, not fetched.
  await expect(icon(page, 'GitHub')).toHaveAttribute('aria-hidden', 'true');
  await expect(icon(page, 'GitHub').locator('svg path')).toHaveAttribute('d', /^M12 \.297/);

  // The brand's colour where it stands out from the row, the row's text colour where it does not.
  const fill = (row: string) =>
    icon(page, row)
      .locator('svg')
      .evaluate((svg) => getComputedStyle(svg).fill);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await fill('GitHub')).toBe('rgb(24, 23, 23)'); // #181717
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await fill('GitHub')).toBe('rgb(241, 245, 249)'); // --text of the dark theme

  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    expect(await axeViolations(page), `list (${theme})`).toEqual([]);
  }
  await openChangeIcon(page, 'GitHub');
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    expect(await axeViolations(page), `Change icon (${theme})`).toEqual([]);
  }
});

test('Change icon: a brand found by search, the letter, and back to matching the name', async ({ page }) => {
  await createVault(page);
  await importUris(page, [otpauth('Example Bank', 'alice'), otpauth('GitHub', 'octocat')]);
  await expect(icon(page, 'Example Bank')).toHaveAttribute('data-icon', 'letter');

  await openChangeIcon(page, 'Example Bank');
  await page.getByLabel('Search icons').fill('gitla');
  const results = page.getByRole('list', { name: 'Icons' });
  await results.getByRole('button', { name: 'GitLab' }).click();
  await expect(results.getByRole('button', { name: 'GitLab' })).toHaveAttribute('aria-pressed', 'true');
  // Enter in the search does not save the form behind it.
  await page.getByLabel('Search icons').press('Enter');
  await expect(page.getByRole('heading', { name: 'Edit account' })).toBeVisible();
  await saveEdit(page);
  await expect(icon(page, 'Example Bank')).toHaveAttribute('data-icon', 'gitlab');

  await openChangeIcon(page, 'GitHub');
  await page.getByRole('button', { name: 'Use the letter' }).click();
  await saveEdit(page);
  await expect(icon(page, 'GitHub')).toHaveAttribute('data-icon', 'letter');

  await page.reload();
  await unlock(page);
  await expect(icon(page, 'Example Bank')).toHaveAttribute('data-icon', 'gitlab');
  await expect(icon(page, 'GitHub')).toHaveAttribute('data-icon', 'letter');
  await openChangeIcon(page, 'GitHub');
  await page.getByRole('button', { name: 'Match the name' }).click();
  await saveEdit(page);
  await expect(icon(page, 'GitHub')).toHaveAttribute('data-icon', 'github');
});

test('a chosen PNG is cropped and shrunk, survives a reload and a backup, and is stored only sealed', async ({
  page,
  browser,
}, info) => {
  test.slow(); // four key derivations: two vaults, an unlock, the backup's password
  await createVault(page);
  await importUris(page, [otpauth('Example Bank', 'alice')]);
  const original = await pngOf(page, 600, 400);

  await openChangeIcon(page, 'Example Bank');
  await page.getByLabel('Icon image').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: original });
  await expect(page.getByText('Your own image')).toBeVisible();
  await saveEdit(page);
  await expect(icon(page, 'Example Bank')).toHaveAttribute('data-icon', 'custom');
  const shown = await shownImage(page, 'Example Bank');
  expect(shown.base64.length).toBeGreaterThan(40);
  // Decoded, cropped to the middle square and made 128 px: re-encoded, so not the file's bytes.
  const size = await icon(page, 'Example Bank')
    .locator('img')
    .evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    });
  expect(size).toEqual([128, 128]);
  expect(shown.base64).not.toBe(original.toString('base64'));

  await page.reload();
  await unlock(page);
  await expect(icon(page, 'Example Bank')).toHaveAttribute('data-icon', 'custom');
  expect(await shownImage(page, 'Example Bank')).toEqual(shown);

  // Stored only inside the sealed record: neither the picture's bytes nor their Base64 are in IndexedDB.
  const bytes = Buffer.from(shown.base64, 'base64');
  const dump = await dumpIndexedDb(page);
  expect(dump).toContain('acct:');
  for (const needle of [shown.base64.slice(0, 64), shown.base64.slice(-64), bytes.subarray(16, 48).toString('hex')]) {
    expect(dump).not.toContain(needle);
  }
  expect(dump).not.toContain(original.toString('base64').slice(0, 64));

  const file = info.outputPath('backup.json');
  await openSettings(page, 'Backup and restore');
  await exportBackup(page, file);
  expect(await readFile(file, 'utf8')).not.toContain(shown.base64.slice(0, 64));
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await createVault(other, 'another password 123');
  await openSettings(other, 'Import and export');
  await other.getByLabel('Import file').setInputFiles(file);
  await other.getByLabel('Backup password').fill(PASSWORD);
  await other.getByRole('button', { name: 'Open file' }).click();
  await other.getByRole('button', { name: /^Import 1 account/ }).click();
  await expect(icon(other, 'Example Bank')).toHaveAttribute('data-icon', 'custom');
  expect(await shownImage(other, 'Example Bank')).toEqual(shown);
  await fresh.close();
});

test('a hostile SVG is rebuilt without scripts, handlers or outside references; a non-picture is refused', async ({
  page,
}) => {
  await createVault(page);
  await importUris(page, [otpauth('Example Bank', 'alice')]);
  await openChangeIcon(page, 'Example Bank');
  await page.getByLabel('Icon image').setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('not a picture'),
  });
  await expect(page.getByRole('alert')).toContainText('not a picture Latchkey can open');

  await page.getByLabel('Icon image').setInputFiles({
    name: 'logo.svg',
    mimeType: 'image/svg+xml',
    buffer: Buffer.from(HOSTILE_SVG),
  });
  await expect(page.getByText('Your own image')).toBeVisible();
  await saveEdit(page);
  await expect(icon(page, 'Example Bank')).toHaveAttribute('data-icon', 'custom');
  const { mime, base64 } = await shownImage(page, 'Example Bank');
  expect(mime).toBe('image/svg+xml');
  const svg = Buffer.from(base64, 'base64').toString('utf8');
  // Rebuilt from the allow-list: the drawing stays; the link goes with what it held, the style with its url().
  expect(svg).toBe(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="8" fill="#c00"></circle></svg>',
  );
  for (const bad of ['script', 'onload', 'onclick', 'evil.example', 'javascript:', 'foreignObject', '<image', '<set']) {
    expect(svg).not.toContain(bad);
  }
  // Shown, and nothing in it ran.
  await icon(page, 'Example Bank')
    .locator('img')
    .evaluate((img: HTMLImageElement) => img.decode());
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
});
