import { resolve } from 'node:path';
import { test as base, expect } from '../support/fixtures';
import { startServer } from '../support/server.mjs';

type Server = Awaited<ReturnType<typeof startServer>>;

export const DIST = resolve('dist');
export const DIST_UPDATE = resolve('dist-update');

/**
 * Tests that stop the server (offline) or swap what it serves (update) get a server of their own, and the
 * page's origin follows it, so the suite-wide watch (no foreign request, no console error) still applies.
 */
export const test = base.extend<{ server: Server }>({
  // Playwright reads the fixtures a fixture needs from its first parameter: none here.
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startServer({ root: DIST });
    await use(server);
    await server.close();
  },
  baseURL: async ({ server }, use) => use(server.origin),
});

export { expect };
