/// <reference lib="webworker" />
// The service worker: precaches every file of the build (lazy chunks, workers and wasm included) so every screen
// works offline, serves index.html to any navigation, receives images shared to the installed app, and waits for
// the page's word before replacing an older version (src/platform/sw-bridge.ts decides when that is safe).
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import { receiveSharedImage, SHARE_TARGET_PATH } from './share-target';

declare const self: ServiceWorkerGlobalScope & typeof globalThis;

/** Messages the page may send; workbox-window's messageSkipWaiting() sends SKIP_WAITING. */
type PageMessage = { type: 'SKIP_WAITING' } | { type: 'GET_VERSION' };

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  const message = event.data as PageMessage | null;
  if (message?.type === 'SKIP_WAITING') void self.skipWaiting();
  // Lets the page (and the update test) ask which version serves it: the answer is this worker's build.
  if (message?.type === 'GET_VERSION') event.ports[0]?.postMessage(__APP_VERSION__);
});

// A first install takes over the open page at once, so lazy chunks it loads later come from the cache even if
// the network drops. An update only activates after SKIP_WAITING, and the page then reloads itself.
clientsClaim();

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  ({ url }) => url.pathname === SHARE_TARGET_PATH,
  ({ request }) => receiveSharedImage(request),
  'POST',
);

// A single-page app: every navigation (deep links, shortcuts) gets the precached shell.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
