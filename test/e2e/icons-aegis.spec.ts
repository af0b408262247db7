/** Icons in Aegis files and Aegis icon packs (the rest of icons: icons.spec.ts). */
import { zipSync } from 'fflate';
import { test, expect } from './support/fixtures';
import { RFC_SECRET, createVault, dumpIndexedDb, otpauth, unlock } from './support/app';
import { exportPlain, importUris, list, openSettings } from './accounts-support/helpers';
import { HOSTILE_SVG, icon, openChangeIcon, pngOf, saveEdit, shownImage } from './icons-support/helpers';

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

  const exported = JSON.parse(
    await exportPlain(page, 'Export plain Aegis file', info.outputPath('aegis.json')),
  ) as typeof aegis;
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
