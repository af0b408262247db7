/**
 * The page's side of the sync relay (docs/sync.md, "Which server the app may reach"). The page's own CSP allows
 * connections to its origin only, and stays so. Requests to the sync server go through a hidden frame,
 * /sync-frame.html, which the service worker serves with a CSP naming the one origin configured (stored here, in
 * Cache Storage, where the worker reads it). `relayFetch` is a `fetch` for the WebDAV adapter.
 */
import { LatchkeyError } from '../core/errors';
import {
  isPlainOrigin,
  RELAY_PATH,
  SYNC_ORIGIN_CACHE,
  SYNC_ORIGIN_KEY,
  type RelayAnswer,
  type RelayReady,
  type RelayRequest,
} from '../sync-frame/relay-messages';

interface Relay {
  origin: string;
  frame: HTMLIFrameElement;
  port: MessagePort;
  waiting: Map<number, (answer: RelayAnswer) => void>;
}

let relay: Promise<Relay> | null = null;
let nextId = 1;

/** The relay cannot work: this page is not served by Latchkey's service worker (yet). */
function relayUnavailable(why: string): LatchkeyError {
  return new LatchkeyError(
    'sync-failed',
    "Sync needs Latchkey's offline worker, which is not running in this tab yet. Reload the page once, then try again.",
    { why },
  );
}

/** Stores the origin the relay may reach ('' for none): the worker serves the next relay frame with it. */
export async function allowSyncOrigin(origin: string): Promise<void> {
  if (origin && !isPlainOrigin(origin)) throw new TypeError(`Not an origin: ${origin}`);
  const cache = await caches.open(SYNC_ORIGIN_CACHE);
  if (origin) await cache.put(SYNC_ORIGIN_KEY, new Response(origin));
  else await cache.delete(SYNC_ORIGIN_KEY);
}

/**
 * Removes the frame; the next request makes a new one. A request still waiting for its answer fails as a network
 * failure would: the frame that would answer it is gone, and a promise left waiting held the sync round, and every
 * later "Sync now", for the rest of the page's life (Lock during a round).
 */
export function closeRelay(): void {
  const current = relay;
  relay = null;
  void current?.then(
    (r) => {
      for (const [id, settle] of r.waiting) settle({ id, failed: true });
      r.waiting.clear();
      r.port.close();
      r.frame.remove();
    },
    () => undefined,
  );
}

function openRelay(origin: string): Promise<Relay> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.hidden = true;
    frame.title = 'Sync connection';
    frame.setAttribute('aria-hidden', 'true');
    frame.src = RELAY_PATH;
    frame.addEventListener('load', () => {
      const channel = new MessageChannel();
      const waiting = new Map<number, (answer: RelayAnswer) => void>();
      channel.port1.onmessage = (event: MessageEvent<RelayAnswer | RelayReady>) => {
        const data = event.data;
        if ('ready' in data) {
          if (data.controlled) resolve({ origin, frame, port: channel.port1, waiting });
          else {
            frame.remove();
            reject(relayUnavailable('The relay frame is not served by the service worker.'));
          }
          return;
        }
        waiting.get(data.id)?.(data);
        waiting.delete(data.id);
      };
      frame.contentWindow?.postMessage({ type: 'latchkey-relay' }, location.origin, [channel.port2]);
    });
    setTimeout(() => reject(relayUnavailable('The relay frame did not start.')), 10_000);
    document.body.append(frame);
  });
}

/** On a first visit the service worker takes over a few seconds after the page loads: waits for it that long. */
async function controlled(timeoutMs = 15_000): Promise<boolean> {
  const container = navigator.serviceWorker;
  if (!container) return false;
  if (container.controller) return true;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      container.removeEventListener('controllerchange', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    container.addEventListener('controllerchange', done);
  });
  return container.controller !== null;
}

async function relayFor(origin: string): Promise<Relay> {
  const current = await relay?.catch(() => null);
  if (current?.origin === origin) return current;
  closeRelay();
  if (!(await controlled())) throw relayUnavailable('No service worker controls this page.');
  await allowSyncOrigin(origin);
  relay = openRelay(origin);
  relay.catch(() => (relay = null));
  return relay;
}

function bodyOf(body: BodyInit | null | undefined): Uint8Array<ArrayBuffer> | string | null {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new Uint8Array(body);
  throw new TypeError('The sync relay sends strings and bytes only.');
}

/** A `fetch` that runs in the relay frame (for the WebDAV adapter: string URLs, plain header objects). */
export const relayFetch: typeof fetch = async (input, init = {}) => {
  const url = new URL(String(input));
  const r = await relayFor(url.origin);
  const id = nextId++;
  const request: RelayRequest = {
    id,
    url: url.href,
    method: init.method ?? 'GET',
    headers: { ...(init.headers as Record<string, string> | undefined) },
    body: bodyOf(init.body),
    mode: init.mode ?? 'cors',
    timeoutMs: 60_000,
  };
  const signal = init.signal;
  signal?.throwIfAborted();
  const answer = await new Promise<RelayAnswer>((resolve, reject) => {
    const onAbort = () => {
      r.waiting.delete(id);
      r.port.postMessage({ abort: id });
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    r.waiting.set(id, (a) => {
      signal?.removeEventListener('abort', onAbort);
      resolve(a);
    });
    r.port.postMessage(request);
  });
  if ('failed' in answer) throw new TypeError('Failed to fetch');
  if ('opaque' in answer) return Response.error();
  return new Response(answer.body, { status: answer.status, statusText: answer.statusText, headers: answer.headers });
};
