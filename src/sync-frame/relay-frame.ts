/**
 * The sync relay frame: makes the WebDAV requests the page hands it over a MessagePort, under this frame's own
 * CSP, which the service worker sets to the one configured sync origin (docs/sync.md). It accepts a port only from
 * its parent, on Latchkey's own origin.
 */
import type { RelayAnswer, RelayControl, RelayRequest } from './relay-messages';

const running = new Map<number, AbortController>();

async function relay(port: MessagePort, request: RelayRequest): Promise<void> {
  const abort = new AbortController();
  running.set(request.id, abort);
  const signal = AbortSignal.any([abort.signal, AbortSignal.timeout(request.timeoutMs)]);
  let answer: RelayAnswer;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      mode: request.mode,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal,
    });
    if (response.type === 'opaque') answer = { id: request.id, opaque: true };
    else {
      const body = response.status === 204 || response.status === 304 ? null : await response.arrayBuffer();
      answer = {
        id: request.id,
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
        body,
      };
    }
  } catch {
    answer = { id: request.id, failed: true };
  } finally {
    running.delete(request.id);
  }
  port.postMessage(answer, 'body' in answer && answer.body ? [answer.body] : []);
}

window.addEventListener('message', (event: MessageEvent) => {
  const port = event.ports[0];
  if (event.origin !== location.origin || event.source !== window.parent || !port) return;
  port.onmessage = (message: MessageEvent<RelayRequest | RelayControl>) => {
    const data = message.data;
    if ('abort' in data) running.get(data.abort)?.abort();
    else void relay(port, data);
  };
  port.postMessage({ ready: true, controlled: navigator.serviceWorker?.controller != null });
});
