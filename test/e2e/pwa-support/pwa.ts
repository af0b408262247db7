import { expect, type Page } from '@playwright/test';

/**
 * Helpers for the PWA specs. The app registers its own service worker and mounts the update banner and the install
 * offer, so these only observe it, plus the one thing a test browser cannot do by itself: make an install offer.
 */

/**
 * How far the service worker's lifecycle got, for a failure message. Twice in about 250 runs on the loaded 2-core
 * test machine a lifecycle step never came (no controller, no waiting worker); this tells the next one apart.
 */
function lifecycle(page: Page): Promise<string> {
  return page
    .evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const states = registration
        ? `installing ${registration.installing?.state ?? '-'}, waiting ${registration.waiting?.state ?? '-'}, ` +
          `active ${registration.active?.state ?? '-'}`
        : 'no registration';
      return `${states}; controlled: ${navigator.serviceWorker.controller !== null}; document ${document.readyState}`;
    })
    .catch((error: unknown) => `unknown (${String(error)})`);
}

/** Runs a wait on the service worker; if it times out, the error says where the lifecycle stood. */
async function onWorker(page: Page, what: string, wait: Promise<unknown>): Promise<void> {
  try {
    await wait;
  } catch (error) {
    throw new Error(`${what}: ${String(error)}\nservice worker: ${await lifecycle(page)}`);
  }
}

/** Time for a lifecycle step: the install precaches every file of the build, which a loaded machine can slow. */
const LIFECYCLE_TIMEOUT = 30_000;

/** Resolves once a service worker controls the page (a first install claims it; no reload needed). */
export function waitForControl(page: Page): Promise<void> {
  const controlled = page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: LIFECYCLE_TIMEOUT,
  });
  return onWorker(page, 'no service worker took control', controlled);
}

/** Resolves once a new worker is installed and waits to take over. */
export function waitForWaitingWorker(page: Page): Promise<void> {
  const waiting = expect
    .poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)), {
      timeout: LIFECYCLE_TIMEOUT,
    })
    .toBe(true);
  return onWorker(page, 'no new worker came to wait', waiting);
}

/** The version of the build that serves the page, as its service worker reports it. */
export function workerVersion(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const controller = navigator.serviceWorker.controller;
        if (!controller) return reject(new Error('no service worker controls the page'));
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(String(event.data));
        controller.postMessage({ type: 'GET_VERSION' }, [channel.port2]);
      }),
  );
}

/** The version of the files the document runs: src/platform/version.ts marks it on <html>. */
export const documentVersion = (page: Page) => page.locator('html').getAttribute('data-latchkey-version');

/** Asks the browser to look for a newer sw.js now, as it does by itself on navigations and every 24 h. */
export function checkForUpdate(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) throw new Error('the app registered no service worker');
    await registration.update();
  });
}

/** Tags the current document, so a reload (which drops the tag) can be told from no reload. */
export const tagDocument = (page: Page) =>
  page.evaluate(() => document.documentElement.setAttribute('data-test-tag', 'before'));
export const isSameDocument = (page: Page) =>
  page.evaluate(() => document.documentElement.getAttribute('data-test-tag') === 'before');

export const updateBanner = (page: Page) => page.getByRole('status').filter({ hasText: 'Update available' });

/**
 * Chromium fires beforeinstallprompt only for an engaged, installable visit, which a test cannot earn: a stand-in
 * with the same members is dispatched. Returns whether the app took it (preventDefault, to offer it later).
 */
export function offerInstall(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: async () => void ((window as { prompted?: number }).prompted = 1),
      userChoice: Promise.resolve({ outcome: 'accepted' }),
    });
    window.dispatchEvent(offer);
    return offer.defaultPrevented;
  });
}
export const promptedInstall = (page: Page) => page.evaluate(() => (window as { prompted?: number }).prompted === 1);

/** The app rendered something into its root: enough for the shell tests; journeys assert real screens. */
export async function expectAppRendered(page: Page) {
  await expect(page.locator('#app > *').first()).toBeVisible();
  await expect(page).toHaveTitle(/Latchkey/);
}
