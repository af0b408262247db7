/**
 * The journeys' fixtures: an engine per worker (a project of playwright.engines.config.ts picks which), and per
 * test a server of its own (so a test can stop it, or make a file fail to load) and a fresh browser profile. Any
 * console error, uncaught error or CSP violation fails the test that caused it, as in the Chromium suite.
 */
import { resolve } from 'node:path';
import { test as base, expect, type TestInfo } from '@playwright/test';
import { startServer } from '../e2e/support/server.mjs';
import { ChromiumDriver, launchChromium } from './chromium';
import { type Driver, type EngineName, PROBE } from './driver';
import { FirefoxDriver, launchFirefox } from './firefox';
import { WebKitDriver, WebKitEngine } from './webkit';

type Server = Awaited<ReturnType<typeof startServer>>;

interface Engine {
  open(origin: string): Promise<Driver>;
  /** WebKit's driver cannot add the probe before a page's scripts: the server puts it into the HTML instead. */
  probeFromServer: boolean;
  stop(): Promise<void>;
}

/** A browser that does not close within 20 s (a loaded machine) is killed: the next worker must not wait on it. */
async function closeOrKill(closing: Promise<void>, kill: () => void): Promise<void> {
  const timeout = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 20_000).unref());
  if ((await Promise.race([closing.then(() => 'closed' as const), timeout])) === 'late') kill();
}

async function startEngine(name: EngineName): Promise<Engine> {
  if (name === 'firefox') {
    const browser = await launchFirefox();
    return {
      open: (origin) => FirefoxDriver.open(browser, origin),
      probeFromServer: false,
      stop: () => closeOrKill(browser.close(), () => browser.process()?.kill('SIGKILL')),
    };
  }
  if (name === 'webkit') {
    const engine = await WebKitEngine.start();
    return {
      open: async (origin) => new WebKitDriver(origin, await engine.session()),
      probeFromServer: true,
      stop: async () => engine.stop(),
    };
  }
  const browser = await launchChromium();
  return {
    open: (origin) => ChromiumDriver.open(browser, origin),
    probeFromServer: false,
    stop: () => browser.close(),
  };
}

/** Console errors a test causes on purpose (a file made to fail); the test says which, so no other one passes. */
export interface Allowed {
  errors: RegExp[];
}

/** Where a failed test left the page (these drivers have no Playwright snapshot): its address, text and errors. */
async function attachPage(driver: Driver, testInfo: TestInfo): Promise<void> {
  const page = await driver
    .evaluate(() => `${location.href}\n\n${document.body.innerText}`)
    .catch((error: unknown) => `the page could not be read: ${String(error)}`);
  const errors = await driver.errors().catch(() => []);
  await testInfo.attach(`${driver.engine} page`, { body: `${page}\n\nerrors:\n${errors.join('\n')}` });
}

async function expectNoErrors(driver: Driver, allowed: Allowed): Promise<void> {
  const errors = (await driver.errors()).filter((e) => !allowed.errors.some((pattern) => pattern.test(e)));
  expect(errors, `console errors in ${driver.engine}`).toEqual([]);
}

export const test = base.extend<
  { server: Server; driver: Driver; allowed: Allowed; secondProfile: () => Promise<Driver> },
  { engineName: EngineName; engine: Engine }
>({
  engineName: ['firefox', { scope: 'worker', option: true }],
  engine: [
    async ({ engineName }, use) => {
      // An engine that cannot start fails every test of its worker with the reason: never a silent skip.
      const engine = await startEngine(engineName);
      await use(engine);
      await engine.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  // Playwright reads the fixtures a fixture needs from its first parameter.
  server: async ({ engine }, use) => {
    const script = engine.probeFromServer ? { path: '/__probe.js', source: PROBE } : undefined;
    const server = await startServer({ root: resolve('dist'), script });
    await use(server);
    await server.close();
  },
  // eslint-disable-next-line no-empty-pattern
  allowed: async ({}, use) => use({ errors: [] }),
  driver: async ({ engine, server, allowed }, use, testInfo) => {
    const driver = await engine.open(server.origin);
    try {
      await use(driver);
      if (testInfo.status !== testInfo.expectedStatus) await attachPage(driver, testInfo);
      await expectNoErrors(driver, allowed);
    } finally {
      await driver.close().catch(() => undefined);
    }
  },
  // Another browser profile of the same engine at the same origin (a new phone), opened when first asked for.
  secondProfile: async ({ engine, server, allowed }, use) => {
    const opened: { driver?: Promise<Driver> } = {};
    await use(() => (opened.driver ??= engine.open(server.origin)));
    if (!opened.driver) return;
    const driver = await opened.driver;
    try {
      await expectNoErrors(driver, allowed);
    } finally {
      await driver.close().catch(() => undefined);
    }
  },
});

export { expect };
