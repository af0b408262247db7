// `npm run screenshots`: the manifest's store screenshots (public/screenshots/narrow.png and wide.png), made from
// the real app so they never show an old layout. Builds the app, serves it on 127.0.0.1, drives the suite's
// Chromium through a vault of example accounts at a fixed time, and writes the two PNGs.
// `--all <folder>` also writes every screen in light and dark at 390×844, for reviewing a change of look.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

process.chdir(resolve(dirname(fileURLToPath(import.meta.url)), '..'));

const { startServer } = await import('../test/e2e/support/server.mjs');
const { buildApp } = await import('../bench/lib/build.mjs');
const { launchChromium } = await import('../bench/lib/browser.mjs');

const PASSWORD = 'correct horse battery staple';
/** 2026-12-07 10:00:07 UTC: a moment with most of the period left, so no row is marked as expiring. */
const AT = Date.UTC(2026, 11, 7, 10, 0, 7);
const EXAMPLES = [
  ['GitHub', 'octocat', 'JBSWY3DPEHPK3PXP'],
  ['Example Bank', 'alice@example.com', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'],
  ['Mastodon', '@alice@example.social', 'KRSXG5CTMVRXEZLUKN2XAZLSKNSXS5DF'],
  ['Cloud Console', 'alice@work.example', 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U'],
  ['Password Manager', 'alice', 'ONSWG4TFOQYTEMZUGU3DOOBZGAYTEMZU'],
  ['Domain Registrar', 'alice-dns', 'NBSWY3DPO5XXE3DEEBWWK43TMFTWKIDU'],
].map(
  ([issuer, name, secret]) =>
    `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(name)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`,
);

const args = process.argv.slice(2);
const allDir = args[0] === '--all' ? resolve(args[1] ?? '.cache/screens') : null;

const dist = await buildApp();
const server = await startServer({ root: dist });
const { browser } = await launchChromium();

async function appWithAccounts({ viewport, deviceScaleFactor, colorScheme = 'light' }) {
  const context = await browser.newContext({ baseURL: server.origin, viewport, deviceScaleFactor, colorScheme });
  // The clock check compares the page's clock with the server's Date header: both at the same fixed moment.
  await context.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), date: new Date(AT).toUTCString() } });
  });
  const page = await context.newPage();
  await page.clock.setFixedTime(AT);
  await page.goto('/');
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('button', { name: 'Add account' }).waitFor();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Import and export' }).click();
  await page.getByLabel('Import file').setInputFiles({
    name: 'examples.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(EXAMPLES.join('\n')),
  });
  await page.getByRole('button', { name: /^Import \d+ accounts/ }).click();
  await page
    .getByRole('list', { name: 'Accounts', exact: true })
    .getByRole('listitem')
    .nth(EXAMPLES.length - 1)
    .waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('.code')].every((c) => /\d/.test(c.textContent)));
  return { context, page };
}

async function shoot(page, path) {
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  await page.waitForTimeout(250); // the toast of the import fades, animations settle
  await page.screenshot({ path, animations: 'disabled' });
  console.error(`wrote ${path}`);
}

try {
  await mkdir('public/screenshots', { recursive: true });
  // 360×640 CSS pixels at 3× and 1280×720 at 1.5×: the 1080×1920 and 1920×1080 the manifest declares.
  for (const [name, viewport, deviceScaleFactor] of [
    ['narrow', { width: 360, height: 640 }, 3],
    ['wide', { width: 1280, height: 720 }, 1.5],
  ]) {
    const { context, page } = await appWithAccounts({ viewport, deviceScaleFactor });
    await page.evaluate(() => document.querySelector('.toast-host')?.replaceChildren());
    await shoot(page, `public/screenshots/${name}.png`);
    await context.close();
  }
  if (allDir) await reviewShots(allDir);
} finally {
  await browser.close();
  await server.close();
}

/** Every screen, light and dark, at a phone's 390×844. */
async function reviewShots(dir) {
  await mkdir(dir, { recursive: true });
  for (const scheme of ['light', 'dark']) {
    const { context, page } = await appWithAccounts({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 1,
      colorScheme: scheme,
    });
    const at = (name) => `${dir}/${scheme}-${name}.png`;
    await shoot(page, at('list'));
    await page.getByRole('button', { name: 'More actions' }).last().click();
    await shoot(page, at('menu'));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add account' }).click();
    await shoot(page, at('add'));
    await page.getByRole('button', { name: 'Enter manually' }).click();
    await shoot(page, at('manual'));
    await page.goBack();
    await page.goBack();
    await page.getByRole('button', { name: 'Settings' }).click();
    await shoot(page, at('settings'));
    for (const section of ['Security', 'Appearance', 'Backup and restore', 'Import and export', 'Tools', 'About']) {
      await page.getByRole('button', { name: section }).click();
      await shoot(page, at(`settings-${section.split(' ')[0].toLowerCase()}`));
      await page.goBack();
    }
    await page.goBack();
    await page.getByRole('button', { name: 'Lock' }).click();
    await shoot(page, at('lock'));
    await context.close();
    const fresh = await browser.newContext({
      baseURL: server.origin,
      viewport: { width: 390, height: 844 },
      colorScheme: scheme,
    });
    const first = await fresh.newPage();
    await first.goto('/');
    await first.getByRole('button', { name: 'Create vault' }).waitFor();
    await shoot(first, at('first-run'));
    await fresh.close();
  }
}
