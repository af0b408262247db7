/**
 * Serves the sync relay frame (sync-frame.html) with its CSP's "connect-src 'none'" replaced by the sync origin
 * the page stored in Cache Storage (platform/sync-relay.ts): the one place Latchkey may connect to another origin,
 * and only that one (docs/sync.md). Anything but a plain origin there leaves 'none'.
 */
import { isPlainOrigin, SYNC_ORIGIN_CACHE, SYNC_ORIGIN_KEY } from '../sync-frame/relay-messages';

async function configuredOrigin(): Promise<string | null> {
  const cache = await caches.open(SYNC_ORIGIN_CACHE);
  const stored = await cache.match(SYNC_ORIGIN_KEY);
  const origin = stored ? (await stored.text()).trim() : '';
  return isPlainOrigin(origin) ? origin.toLowerCase() : null;
}

export async function serveSyncRelay(precached: () => Promise<Response | undefined>): Promise<Response> {
  const page = await precached();
  if (!page) return new Response('Latchkey is still installing. Reload the page.', { status: 503 });
  const origin = await configuredOrigin();
  // Only inside the policy's content attribute: nothing else in the page can widen it.
  const html = (await page.text()).replace(
    /(http-equiv="Content-Security-Policy"\s+content="[^"]*)connect-src 'none'/,
    (_all, before: string) => `${before}connect-src ${origin ?? "'none'"}`,
  );
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}
