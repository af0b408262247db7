/**
 * 3. Start: from navigation to an interactive lock screen, offline, with the service worker installed, in control
 * and running; against a blank page precached and served by the same worker. Both are timed in the page from its
 * navigation start (performance.now() = 0) to the end of the first frame after the password field and an enabled
 * Unlock button (or the blank page's paragraph) are in the DOM. Navigations alternate, after two warm-up rounds.
 * The scripts and stylesheets fetched by then are listed too: what the first paint really needed.
 */
import { BLANK_PAGE } from '../lib/build.mjs';
import { installProbe } from '../lib/probe.mjs';

/**
 * The in-page time of `state`, awaited without polling from the driver (probe.mjs says why); then the page is let
 * finish what it does after (the app preloads the unlocked app), so that none of it runs into the next timed
 * navigation, whose clock starts while this page is still being left.
 */
async function startedAt(page, state) {
  const { frame } = await page.evaluate(
    (s) =>
      Promise.race([
        window.__bench.started[s],
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${s} after 30 s`)), 30_000)),
      ]),
    state,
  );
  await page.waitForLoadState('load');
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2_000 })));
  return frame;
}

async function timedNavigation(page, path, state) {
  const response = await page.goto(path, { waitUntil: 'commit' });
  if (!response?.fromServiceWorker()) throw new Error(`${path} was not served by the service worker`);
  return startedAt(page, state);
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
  // Which files the lock screen needed: every script and stylesheet the last app load fetched before it was up.
  await timedNavigation(page, '/', 'lockScreen');
  const files = await page.evaluate(() => {
    const ready = window.__bench.start.lockScreen.frame;
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime <= ready && /\.(m?js|css)$/.test(new URL(e.name).pathname))
      .map((e) => new URL(e.name).pathname.slice(1));
  });
  await context.setOffline(false);
  await page.close();
  return { app, blank, files };
}

/**
 * 3. Start, a first visit: a new profile for every navigation (nothing cached, no service worker yet), from
 * navigation to an enabled Create vault button; against the blank page loaded the same way. Served over loopback,
 * so it measures the waterfall (what is fetched after what), not the network.
 */
export async function measureColdStart(browser, origin, { rounds = 7, warmup = 1 } = {}) {
  const once = async (path, state) => {
    const context = await browser.newContext({ baseURL: origin, serviceWorkers: 'block' });
    // Arms the probe's start timing (see probe.mjs) before the probe itself runs.
    await context.addInitScript(() => (window.name = 'latchkey-bench-start'));
    await installProbe(context);
    const page = await context.newPage();
    await page.goto(path, { waitUntil: 'commit' });
    const frame = await startedAt(page, state);
    await context.close();
    return frame;
  };
  const app = [];
  const blank = [];
  for (let i = 0; i < warmup + rounds; i++) {
    const a = await once('/', 'firstRun');
    const b = await once(`/${BLANK_PAGE}`, 'blank');
    if (i < warmup) continue;
    app.push(a);
    blank.push(b);
  }
  return { app, blank };
}
