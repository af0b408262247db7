import { expect, type Page } from '@playwright/test';

/**
 * Helpers for the PWA specs. The app registers its own service worker and mounts the update banner and the install
 * offer, so these only observe it, plus the one thing a test browser cannot do by itself: make an install offer.
 */

/** Resolves once a service worker controls the page (a first install claims it; no reload needed). */
export async function waitForControl(page: Page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
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
