import { test as base, expect } from '@playwright/test';
import { slowSealing } from './slow-sealing';

export interface Watch {
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** Every request URL the context made (pages and service workers). */
  requests: string[];
}

/**
 * Every test runs under a watch: any request that leaves the app's origin, any uncaught error and any CSP
 * violation fails the test that caused it, so the "nothing leaves the device" promise is checked suite-wide.
 */
export const test = base.extend<{ watch: Watch }>({
  watch: [
    async ({ context, baseURL }, use) => {
      const watch: Watch = { errors: [], requests: [] };
      const origin = new URL(baseURL!).origin;
      context.on('request', (request) => watch.requests.push(request.url()));
      context.on('weberror', (error) => watch.errors.push(String(error.error())));
      context.on('console', (message) => {
        if (message.type() === 'error') watch.errors.push(message.text());
      });
      await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
        });
      });
      // A race finder, off by default: STRESS_SEAL_MS=300 npm run test:e2e makes every save that much slower.
      if (process.env.STRESS_SEAL_MS) await context.addInitScript(slowSealing, Number(process.env.STRESS_SEAL_MS));
      await use(watch);
      const foreign = watch.requests.filter((url) => !isOwn(url, origin));
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
