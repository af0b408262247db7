/**
 * 3. Start: from navigation to an interactive lock screen, offline, with the service worker installed, in control
 * and running; against a blank page precached and served by the same worker. Both are timed in the page from its
 * navigation start (performance.now() = 0) to the end of the first frame after the password field and an enabled
 * Unlock button (or the blank page's paragraph) are in the DOM. Navigations alternate, after two warm-up rounds.
 */
import { BLANK_PAGE } from '../lib/build.mjs';

async function timedNavigation(page, path, state) {
  const response = await page.goto(path);
  if (!response?.fromServiceWorker()) throw new Error(`${path} was not served by the service worker`);
  const handle = await page.waitForFunction((s) => window.__bench.start[s], state);
  const { frame } = await handle.jsonValue();
  return frame;
}

export async function measureStart(context, { rounds = 7, warmup = 2 } = {}) {
  const page = await context.newPage();
  await page.goto('/');
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller))) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await context.setOffline(true);
  await page.evaluate(() => (window.name = 'latchkey-bench-start')); // arms the probe's start timing
  const app = [];
  const blank = [];
  for (let i = 0; i < warmup + rounds; i++) {
    const a = await timedNavigation(page, '/', 'lockScreen');
    const b = await timedNavigation(page, `/${BLANK_PAGE}`, 'blank');
    if (i < warmup) continue;
    app.push(a);
    blank.push(b);
  }
  await context.setOffline(false);
  await page.close();
  return { app, blank };
}
