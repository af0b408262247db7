/// <reference lib="webworker" />
// The service worker: precaches every file of the build (lazy chunks, workers and wasm included) so every screen
// works offline, serves index.html to any navigation, receives images shared to the installed app, and waits for
// the page's word before replacing an older version (src/platform/sw-bridge.ts decides when that is safe).
import { cleanupOutdatedCaches, createHandlerBoundToURL, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { clientsClaim } from 'workbox-core';
import { receiveSharedImage, SHARE_TARGET_PATH } from './share-target';
import { serveSyncRelay } from './sync-relay-route';
import { RELAY_PATH } from '../sync-frame/relay-messages';

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

// The sync relay frame, with a CSP that names the configured sync origin (docs/sync.md); registered
// first: the precache route would answer it as built (connect-src 'none'), the shell route with index.html.
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && url.pathname === RELAY_PATH,
  () => serveSyncRelay(() => matchPrecache(RELAY_PATH)),
);

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

registerRoute(
  ({ url }) => url.pathname === SHARE_TARGET_PATH,
  ({ request }) => receiveSharedImage(request),
  'POST',
);

// A single-page app: every navigation (deep links, shortcuts) gets the precached shell.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html')));
