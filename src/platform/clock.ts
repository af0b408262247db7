/**
 * Reads the time from the app's own web server: the `Date` header of a same-origin HEAD request (nothing else
 * leaves the device). The query string makes the request miss the service worker's precache, whose stored
 * responses carry the date they were cached, and `no-store` keeps the HTTP cache out of the way too.
 */
export interface ServerTime {
  /** The server's time (ms), taken as the middle of the second its header names. */
  serverMs: number;
  /** The device's time (ms) halfway through the request, the moment that best matches the header. */
  deviceMs: number;
}

export async function readServerTime(
  fetchImpl: typeof fetch = fetch,
  deviceNow: () => number = Date.now,
  path = '/robots.txt',
): Promise<ServerTime | null> {
  const sent = deviceNow();
  let response: Response;
  try {
    response = await fetchImpl(`${path}?clock-check=${sent}`, { method: 'HEAD', cache: 'no-store' });
  } catch {
    return null; // offline or the server is gone: no verdict rather than a wrong one
  }
  const received = deviceNow();
  const header = response.headers.get('date');
  const parsed = header ? Date.parse(header) : NaN;
  // A slow answer cannot be placed in time precisely enough to judge a 15-second difference.
  if (!response.ok || Number.isNaN(parsed) || received - sent > 5_000) return null;
  return { serverMs: parsed + 500, deviceMs: (sent + received) / 2 };
}
