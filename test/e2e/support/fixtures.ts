import { test as base, expect, type BrowserContext } from '@playwright/test';
import { slowSealing } from './slow-sealing';

export interface Watch {
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** Every request URL the context made (pages and service workers). */
  requests: string[];
  /**
   * Origins a test allows besides the app's: the one sync server it configured (docs/sync.md). A failed request
   * to it (the server stopped, a 404 or 401 answered) is logged by Chromium as a console error; those are its
   * own business, not errors of the app.
   */
  allowed: string[];
}

/** Records a browser context's requests, errors and CSP violations into `watch` (the test's, or a second device's). */
export async function observe(context: BrowserContext, watch: Watch): Promise<void> {
  context.on('request', (request) => watch.requests.push(request.url()));
  context.on('weberror', (error) => watch.errors.push(String(error.error())));
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const from = message.location().url;
    const syncServer = watch.allowed.some((origin) => from.startsWith(origin + '/'));
    if (syncServer && /^Failed to load resource/.test(message.text())) return;
    watch.errors.push(message.text());
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  // A race finder, off by default: STRESS_SEAL_MS=300 npm run test:e2e makes every save that much slower.
  if (process.env.STRESS_SEAL_MS) await context.addInitScript(slowSealing, Number(process.env.STRESS_SEAL_MS));
}

/**
 * Every test runs under a watch: any request that leaves the app's origin, any uncaught error and any CSP
 * violation fails the test that caused it, so the "nothing leaves the device" promise is checked suite-wide.
 */
export const test = base.extend<{ watch: Watch }>({
  watch: [
    async ({ context, baseURL }, use) => {
      const watch: Watch = { errors: [], requests: [], allowed: [] };
      const origin = new URL(baseURL!).origin;
      await observe(context, watch);
      await use(watch);
      const foreign = watch.requests.filter((url) => ![origin, ...watch.allowed].some((o) => isOwn(url, o)));
      expect(foreign, 'requests outside the app origin').toEqual([]);
      expect(watch.errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

function isOwn(url: string, origin: string): boolean {
  return url.startsWith(origin + '/') || url.startsWith('data:') || url.startsWith('blob:');
}

export { expect };
export type { Locator, Page } from '@playwright/test';
