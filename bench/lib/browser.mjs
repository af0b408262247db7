/**
 * Chromium as the end-to-end suite drives it: the same executable and flags, read from
 * test/e2e/support/browser.ts itself (type-stripped with Vite's Oxc transform, since Node 20 cannot import .ts),
 * so the two can never drift apart.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { transformWithOxc } from 'vite';
import { installProbe } from './probe.mjs';

async function suiteBrowserSettings() {
  const path = resolve('test/e2e/support/browser.ts');
  const { code } = await transformWithOxc(await readFile(path, 'utf8'), path);
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

export async function launchChromium() {
  const { chromiumPath, CHROMIUM_ARGS } = await suiteBrowserSettings();
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  return { browser, executablePath };
}

/** A fresh profile (its own IndexedDB and service worker) with the timing probe in every page. */
export async function newAppContext(browser, origin, options = {}) {
  const context = await browser.newContext({ baseURL: origin, serviceWorkers: 'allow', ...options });
  await installProbe(context);
  return context;
}
