// Renders every PNG the manifest names from the single source, public/icon.svg, in Debian's Chromium:
//   node test/tools/make-icons.mjs               icons only
//   node test/tools/make-icons.mjs --screenshots icons, then app screenshots from dist/ (run `npx vite build` first)
// The PNGs are committed, so neither a build nor the tests need a browser to produce them.
import { chromium } from 'playwright-core';
import { mkdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServer } from '../e2e/support/server.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const publicDir = `${repo}public`;

/**
 * `fullBleed` squares the background off (launchers and iOS cut their own shape; transparent corners would show
 * as black). `glyphScale` shrinks the glyph about the centre: a maskable icon must keep everything that matters
 * inside the central circle of 80% diameter (https://w3c.github.io/manifest/#icon-masks).
 */
const ICONS = [
  { file: 'icons/icon-192.png', size: 192, fullBleed: false, glyphScale: 1 },
  { file: 'icons/icon-512.png', size: 512, fullBleed: false, glyphScale: 1 },
  { file: 'icons/maskable-512.png', size: 512, fullBleed: true, glyphScale: 0.8 },
  // Safari asks for /apple-touch-icon.png by itself; iOS ignores manifest icons before 16.4.
  { file: 'apple-touch-icon.png', size: 180, fullBleed: true, glyphScale: 0.9 },
];

/** Narrow: a phone at 360x640 CSS px, DPR 3. Wide: a laptop at 1280x720, DPR 1.5. */
const SCREENSHOTS = [
  { file: 'screenshots/narrow.png', width: 360, height: 640, scale: 3 },
  { file: 'screenshots/wide.png', width: 1280, height: 720, scale: 1.5 },
];

/** Made-up accounts with fixed secrets, so the store screenshots show codes, not a password form. */
const DEMO_ACCOUNTS = [
  { issuer: 'Northwind Mail', name: 'alex@example.com', secret: 'JBSWY3DPEHPK3PXP' },
  { issuer: 'Contoso Cloud', name: 'alex', secret: 'KRSXG5CTMVRXEZLU' },
  { issuer: 'Fabrikam Bank', name: 'A. Example', secret: 'MFRGGZDFMZTWQ2LK' },
];

const browser = await chromium.launch({
  executablePath: process.env.LATCHKEY_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  await mkdir(`${publicDir}/icons`, { recursive: true });
  const svg = await readFile(`${publicDir}/icon.svg`, 'utf8');
  for (const icon of ICONS) await renderIcon(svg, icon);
  if (process.argv.includes('--screenshots')) await renderScreenshots();
} finally {
  await browser.close();
}

async function renderIcon(svg, { file, size, fullBleed, glyphScale }) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent('<!doctype html><style>html,body{margin:0}svg{display:block}</style>');
  // The SVG is parsed as XML and adopted as DOM nodes: no string is ever fed to the HTML parser.
  await page.evaluate(
    ({ svg, size, fullBleed, glyphScale }) => {
      const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
      root.setAttribute('width', String(size));
      root.setAttribute('height', String(size));
      if (fullBleed) root.querySelector('#background')?.setAttribute('rx', '0');
      const glyph = root.querySelector('#glyph');
      if (!glyph) throw new Error('icon.svg needs a <g id="glyph">');
      glyph.setAttribute('transform', `translate(256 256) scale(${glyphScale}) translate(-256 -256)`);
      document.body.append(document.importNode(root, true));
    },
    { svg, size, fullBleed, glyphScale },
  );
  await page.screenshot({ path: `${publicDir}/${file}`, omitBackground: !fullBleed });
  await page.close();
  console.log(`public/${file} ${size}x${size}`);
}

async function renderScreenshots() {
  const dist = `${repo}dist`;
  if (!existsSync(`${dist}/index.html`)) throw new Error('No build in dist/: run `npx vite build` first.');
  await mkdir(`${publicDir}/screenshots`, { recursive: true });
  const server = await startServer({ root: dist });
  try {
    for (const shot of SCREENSHOTS) {
      const context = await browser.newContext({
        viewport: { width: shot.width, height: shot.height },
        deviceScaleFactor: shot.scale,
        colorScheme: 'light',
        serviceWorkers: 'block',
      });
      const page = await context.newPage();
      await page.goto(server.origin, { waitUntil: 'networkidle' });
      await showDemoAccounts(page).catch((error) =>
        console.warn(`No demo accounts (${error.message}): first-run screen`),
      );
      await page.screenshot({ path: `${publicDir}/${shot.file}` });
      await context.close();
      console.log(`public/${shot.file} ${shot.width * shot.scale}x${shot.height * shot.scale}`);
    }
  } finally {
    await server.close();
  }
}

/** Creates a vault and adds the demo accounts through the UI, by the accessible names of docs/ui-contract. */
async function showDemoAccounts(page) {
  const timeout = 20_000;
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery staple');
  await page.getByLabel('Confirm password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Create vault' }).click();
  for (const account of DEMO_ACCOUNTS) {
    await page.getByRole('button', { name: 'Add account' }).click({ timeout });
    await page.getByRole('button', { name: 'Enter manually' }).click({ timeout });
    await page.getByLabel('Issuer').fill(account.issuer);
    await page.getByLabel('Account name').fill(account.name);
    await page.getByLabel('Secret key').fill(account.secret);
    await page.getByRole('button', { name: 'Continue' }).click(); // the manual form leads to the review
    await page.getByRole('button', { name: 'Save', exact: true }).click({ timeout });
    await page.getByRole('listitem').filter({ hasText: account.issuer }).waitFor({ timeout });
  }
  await page.getByText(/^Saved /).waitFor({ state: 'hidden', timeout }); // the last "Saved …" toast
}
