/**
 * Receives an image shared to the installed app (Web Share Target level 2: the OS POSTs a multipart form to the
 * manifest's share_target.action). A static host cannot take a POST, so the service worker answers it: it keeps
 * the image in a Cache for the page to pick up, then sends the browser on to the app with a 303 (POST → GET).
 * src/platform/share-target.ts reads and deletes it; its constants must match these (test/unit/manifest.test.ts).
 */
export const SHARE_TARGET_PATH = '/share-target';
export const SHARE_FILE_FIELD = 'image';
export const SHARE_CACHE = 'latchkey-share';
export const SHARED_IMAGE_KEY = '/shared-image';
export const SHARED_AT_HEADER = 'x-latchkey-shared-at';
export const AFTER_SHARE_URL = '/?action=scan-shared';
/** A photo of a QR code is a few MB at most; anything larger is not what we expect and is not kept. */
const MAX_SHARED_BYTES = 25 * 1024 * 1024;

export interface ShareContext {
  storage?: CacheStorage;
  origin?: string;
  now?: number;
}

/**
 * Only the browser's own share navigation is taken: a share sheet's POST carries no Origin header, or the app's
 * own. Another site can post a form here too (its Origin says so; Chromium does not show Sec-Fetch-Site to a
 * service worker): it is sent home, and nothing it sent is kept.
 */
export function isOwnShare(request: Request, origin: string): boolean {
  const from = request.headers.get('origin');
  return from === null || from === origin;
}

export async function receiveSharedImage(
  request: Request,
  { storage = caches, origin = self.location.origin, now = Date.now() }: ShareContext = {},
): Promise<Response> {
  if (!isOwnShare(request, origin)) return Response.redirect(new URL('/', origin).href, 303);
  const cache = await storage.open(SHARE_CACHE);
  // An older share must never be scanned in place of this one, whatever happens next.
  await cache.delete(SHARED_IMAGE_KEY);
  const image = await readImage(request);
  if (image) {
    const headers = { 'content-type': image.type || 'application/octet-stream', [SHARED_AT_HEADER]: String(now) };
    await cache.put(SHARED_IMAGE_KEY, new Response(image, { headers }));
  }
  // With no image the app finds nothing to scan and says so; a redirect is still the right answer to the POST.
  return Response.redirect(new URL(AFTER_SHARE_URL, origin).href, 303);
}

async function readImage(request: Request): Promise<File | null> {
  try {
    const form = await request.formData();
    const file = form.get(SHARE_FILE_FIELD);
    if (!(file instanceof File) || file.size === 0 || file.size > MAX_SHARED_BYTES) return null;
    // Some share sheets send no type at all; the scanner rejects what is not an image anyway.
    return file.type === '' || file.type.startsWith('image/') ? file : null;
  } catch {
    return null; // not a multipart form: nothing was shared
  }
}
