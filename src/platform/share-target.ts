/**
 * The page's half of the share target: src/sw/share-target.ts keeps an image shared to the installed app in a
 * Cache and redirects to /?action=scan-shared; the app then takes it from here, once. The names below must match
 * the worker's (checked by test/unit/manifest.test.ts).
 */
export const SHARE_CACHE = 'latchkey-share';
export const SHARED_IMAGE_KEY = '/shared-image';
export const SHARED_AT_HEADER = 'x-latchkey-shared-at';
/** A share older than this was never picked up (the app was closed at once); it is dropped, not scanned. */
export const SHARED_IMAGE_MAX_AGE_MS = 5 * 60 * 1000;

/**
 * Deletes a shared image nobody picked up in time (the app was closed straight after sharing): it holds a QR code,
 * unencrypted, so it does not wait in Cache Storage for a next share. Called at start.
 */
export async function dropStaleSharedImage(
  now = Date.now(),
  storage: CacheStorage | undefined = globalThis.caches,
): Promise<void> {
  if (!storage || !(await storage.has(SHARE_CACHE))) return;
  const response = await (await storage.open(SHARE_CACHE)).match(SHARED_IMAGE_KEY);
  const sharedAt = Number(response?.headers.get(SHARED_AT_HEADER));
  if (!(now - sharedAt <= SHARED_IMAGE_MAX_AGE_MS)) await storage.delete(SHARE_CACHE);
}

/**
 * Returns the shared image and deletes it, so a QR code (which holds a secret) does not linger in the cache.
 * Null when nothing was shared, the share is stale, or the browser has no Cache Storage.
 */
export async function takeSharedImage(
  now = Date.now(),
  storage: CacheStorage | undefined = globalThis.caches,
): Promise<Blob | null> {
  if (!storage || !(await storage.has(SHARE_CACHE))) return null;
  const cache = await storage.open(SHARE_CACHE);
  const response = await cache.match(SHARED_IMAGE_KEY);
  await storage.delete(SHARE_CACHE);
  if (!response) return null;
  const sharedAt = Number(response.headers.get(SHARED_AT_HEADER));
  // Written as "not fresh" so a missing or garbled timestamp (NaN) counts as stale too.
  if (!(now - sharedAt <= SHARED_IMAGE_MAX_AGE_MS)) return null;
  return response.blob();
}
