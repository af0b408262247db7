import { expect, type BrowserContext, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

/**
 * App.tsx does not mount the PWA shell yet, so the PWA specs inject it: harness-entry.tsx is bundled once per
 * worker into one classic script and added to every page of the context as an init script (which CSP does not
 * govern, so the app's own policy stays exactly as shipped). Once the app mounts registerServiceWorker,
 * UpdateBanner and InstallPrompt itself, drop installHarness() from the specs and drive the real predicate.
 */
let bundle: Promise<string> | null = null;

function buildHarness(): Promise<string> {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  return build({
    configFile: false,
    root,
    logLevel: 'warn',
    define: { __APP_VERSION__: JSON.stringify('harness') },
    build: {
      write: false,
      minify: false,
      lib: { entry: fileURLToPath(new URL('./harness-entry.tsx', import.meta.url)), formats: ['iife'], name: 'pwa' },
    },
  }).then((result) => {
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    const chunk = outputs.flatMap((o) => o.output).find((file) => file.type === 'chunk');
    if (!chunk || chunk.type !== 'chunk') throw new Error('The harness bundle has no script');
    return chunk.code;
  });
}

/** Mounts the shell in every page of the context; `canApply` is the initial answer of canApplyNow(). */
export async function installHarness(context: BrowserContext, { canApply }: { canApply: boolean }) {
  bundle ??= buildHarness();
  await context.addInitScript((value) => {
    window.__latchkeyCanApply = value;
  }, canApply);
  await context.addInitScript({ content: await bundle });
}

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

/** The app rendered something into its root: enough for the shell tests; journeys assert real screens. */
export async function expectAppRendered(page: Page) {
  await expect(page.locator('#app > *').first()).toBeVisible();
  await expect(page).toHaveTitle(/Latchkey/);
}
