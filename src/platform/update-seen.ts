/**
 * Whether another tab has applied an update while this page runs: the new service worker then takes control of
 * this page too, and the old version's lazy chunks, which this page would still ask for, are gone from its cache.
 * Watched from the start (a few bytes, eager), so a screen that fails to load can say why.
 */
let updatedElsewhere = false;

export function watchForUpdates(
  container: ServiceWorkerContainer | undefined = globalThis.navigator?.serviceWorker,
): void {
  if (!container) return;
  // Without a controller at load, the first controllerchange is the first install taking over: not an update.
  let controlled = Boolean(container.controller);
  container.addEventListener('controllerchange', () => {
    if (controlled) updatedElsewhere = true;
    controlled = true;
  });
}

export function wasUpdatedElsewhere(): boolean {
  return updatedElsewhere;
}
