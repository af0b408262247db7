/**
 * Account icons (issue 17): brand icons matched from the names, drawn from the app's own lazy chunk; Change icon
 * (search, an image of one's own, the letter); images kept only inside sealed records and carried by backups;
 * hostile SVG rebuilt harmless; Aegis icons and icon packs imported. The watch fixture fails any test whose page
 * asks anything of another origin.
 */
import { readFile } from 'node:fs/promises';
import { zipSync } from 'fflate';
import { test, expect, type Page } from './support/fixtures';
import { PASSWORD, RFC_SECRET, accountItem, createVault, dumpIndexedDb, otpauth, unlock } from './support/app';
import { axeViolations, exportBackup, importUris, list, openMenuItem, openSettings } from './accounts-support/helpers';

const HOSTILE_SVG =
  '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "https://evil.example/entity">]>' +
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 24 24" ' +
  'onload="top.pwned=1"><script>top.pwned=2</script><style>@import url(https://evil.example/s.css);</style>' +
  '<image xlink:href="https://evil.example/i.png" width="24" height="24"/>' +
  '<foreignObject><iframe xmlns="http://www.w3.org/1999/xhtml" src="https://evil.example/f"/></foreignObject>' +
  '<a href="javascript:top.pwned=3"><path d="M0 0h24v24H0z" fill="url(https://evil.example/p#g)"/></a>' +
  '<circle cx="12" cy="12" r="8" fill="#c00" onclick="top.pwned=4" style="fill:url(https://evil.example/c)"/>' +
  '<set attributeName="fill" to="url(https://evil.example/a)"/></svg>';

const icon = (page: Page, row: string) => accountItem(page, row).locator('[data-icon]');

/** A picture the browser draws itself (a PNG of width × height, opaque colour blocks), as the bytes of a file. */
async function pngOf(page: Page, width: number, height: number): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ([w, h]) => {
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [w!, h!];
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#1d4ed8';
      context.fillRect(0, 0, w!, h!);
      context.fillStyle = '#f59e0b';
      context.fillRect(w! / 4, h! / 4, w! / 2, h! / 2);
      return canvas.toDataURL('image/png');
    },
    [width, height],
  );
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

async function openChangeIcon(page: Page, row: string) {
  await openMenuItem(page, row, 'Edit');
  await expect(page.getByRole('heading', { name: 'Edit account' })).toBeVisible();
  await page.getByRole('button', { name: 'Change icon' }).click();
  await expect(page.getByRole('group', { name: 'Choose an icon' })).toBeVisible();
}

async function saveEdit(page: Page) {
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(list(page)).toBeVisible();
}

/** The Base64 of the image an account's row shows. */
async function shownImage(page: Page, row: string): Promise<{ mime: string; base64: string }> {
  const src = (await icon(page, row).locator('img').getAttribute('src')) ?? '';
  const [, mime = '', base64 = ''] = /^data:([^;]+);base64,(.*)$/.exec(src) ?? [];
  return { mime, base64 };
}

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

test('Aegis: icons in the file are imported (SVG sanitised) and exported again', async ({ page }, info) => {
  await createVault(page);
  const png = await pngOf(page, 64, 64);
  const entry = (issuer: string, extra: object) => ({
    type: 'totp',
    uuid: crypto.randomUUID(),
    name: 'alice',
    issuer,
    note: '',
    favorite: false,
    icon: null,
    info: { secret: RFC_SECRET, algo: 'SHA1', digits: 6, period: 30 },
    groups: [],
    ...extra,
  });
  const aegis = {
    version: 1,
    header: { slots: null, params: null },
    db: {
      version: 3,
      entries: [
        entry('Example Bank', { icon: png.toString('base64'), icon_mime: 'image/png' }),
        entry('Example Shop', { icon: Buffer.from(HOSTILE_SVG).toString('base64'), icon_mime: 'image/svg+xml' }),
        entry('GitHub', {}),
      ],
      groups: [],
    },
  };
  await openSettings(page, 'Import and export');
  await page.getByLabel('Import file').setInputFiles({
    name: 'aegis-export-plain.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(aegis)),
  });
  await page.getByRole('button', { name: /^Import 3 accounts/ }).click();
  await expect(list(page)).toBeVisible();
  await expect(icon(page, 'Example Bank')).toHaveAttribute('data-icon', 'custom');
  expect(await shownImage(page, 'Example Bank')).toEqual({ mime: 'image/png', base64: png.toString('base64') });
  await expect(icon(page, 'Example Shop')).toHaveAttribute('data-icon', 'custom');
  const svg = Buffer.from((await shownImage(page, 'Example Shop')).base64, 'base64').toString('utf8');
  expect(svg).not.toMatch(/script|onload|evil\.example/);
  await expect(icon(page, 'GitHub')).toHaveAttribute('data-icon', 'github');

  await openSettings(page, 'Import and export');
  await page.getByLabel('I understand the file will not be encrypted').check();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export plain Aegis file' }).click();
  const file = info.outputPath('aegis.json');
  await (await downloading).saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8')) as typeof aegis;
  const byIssuer = new Map(exported.db.entries.map((e) => [e.issuer, e as Record<string, unknown>]));
  expect(byIssuer.get('Example Bank')).toMatchObject({ icon: png.toString('base64'), icon_mime: 'image/png' });
  expect(byIssuer.get('Example Shop')).toMatchObject({ icon_mime: 'image/svg+xml' });
  expect(byIssuer.get('GitHub')).toMatchObject({ icon: null });
});

test('an Aegis icon pack joins the search, kept sealed; an icon chosen from it is copied into the account', async ({
  page,
}) => {
  await createVault(page);
  await importUris(page, [otpauth('Example Bank', 'alice')]);
  const png = await pngOf(page, 32, 32);
  const pack = Buffer.from(
    zipSync({
      'pack.json': Buffer.from(
        JSON.stringify({
          uuid: '8b7a6c5d-1234-4abc-9def-0123456789ab',
          name: 'Example Pack',
          version: 3,
          icons: [
            { filename: 'PNG/example_bank.png', name: 'Example Bank', category: 'Finance', issuer: ['example bank'] },
            { filename: 'SVG/shop.svg', name: 'Example Shop', category: 'Shopping', issuer: ['example shop'] },
            { filename: 'SVG/missing.svg', name: 'Missing', category: '', issuer: [] },
          ],
        }),
      ),
      'PNG/example_bank.png': png,
      'SVG/shop.svg': Buffer.from(HOSTILE_SVG),
    }),
  );
  await openChangeIcon(page, 'Example Bank');
  await page
    .getByLabel('Aegis icon pack')
    .setInputFiles({ name: 'pack.zip', mimeType: 'application/zip', buffer: pack });
  await expect(page.getByText('Imported the icon pack “Example Pack”: 2 icons; 1 could not be read')).toBeVisible();
  const packs = page.getByRole('list', { name: 'Icon packs' });
  await expect(packs).toContainText('Example Pack (2 icons)');
  // Suggested from the account's issuer, and found by search.
  const results = page.getByRole('list', { name: 'Icons' });
  await expect(results.getByRole('button', { name: 'Example Bank' })).toBeVisible();
  await page.getByLabel('Search icons').fill('shop');
  await expect(results.getByRole('button', { name: 'Example Shop' })).toBeVisible();
  await page.getByLabel('Search icons').fill('bank');
  await results.getByRole('button', { name: 'Example Bank' }).click();
  await saveEdit(page);
  await expect(icon(page, 'Example Bank')).toHaveAttribute('data-icon', 'custom');
  expect(await shownImage(page, 'Example Bank')).toEqual({ mime: 'image/png', base64: png.toString('base64') });

  // The pack is sealed: neither its name nor its pictures are readable in IndexedDB.
  const dump = await dumpIndexedDb(page);
  expect(dump).toContain('iconpack:');
  for (const needle of ['Example Pack', 'example bank', png.toString('base64').slice(0, 64)]) {
    expect(dump).not.toContain(needle);
  }

  // Still there after a reload; removing it leaves the icon already chosen in place.
  await page.reload();
  await unlock(page);
  await openChangeIcon(page, 'Example Bank');
  await page.getByRole('button', { name: 'Remove icon pack Example Pack' }).click();
  await expect(page.getByText('Removed the icon pack “Example Pack”.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Icon packs' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(icon(page, 'Example Bank')).toHaveAttribute('data-icon', 'custom');
});
