/** The messages between the page and the sync relay frame (platform/sync-relay.ts, sync-frame/relay-frame.ts). */

export interface RelayRequest {
  id: number;
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | string | null;
  mode: RequestMode;
  timeoutMs: number;
}

export type RelayAnswer =
  | { id: number; status: number; statusText: string; headers: [string, string][]; body: ArrayBuffer | null }
  /** A no-cors request was answered (opaque): the page learns only that. */
  | { id: number; opaque: true }
  | { id: number; failed: true };

export type RelayControl = { abort: number };

/** What the frame says once it has its port: whether the service worker (and so the sync origin's CSP) serves it. */
export interface RelayReady {
  ready: true;
  controlled: boolean;
}

/** The SW reads the configured sync origin here (Cache Storage, written by the page). */
export const SYNC_ORIGIN_CACHE = 'latchkey-sync-origin';
export const SYNC_ORIGIN_KEY = '/__latchkey/sync-origin';
export const RELAY_PATH = '/sync-frame.html';

/** An origin as the CSP may name it: scheme, host and port only, nothing that could add a directive. */
export function isPlainOrigin(text: string): boolean {
  if (!/^https?:\/\/[a-z0-9.:[\]-]+$/i.test(text)) return false;
  try {
    return new URL(text).origin === text.toLowerCase();
  } catch {
    return false;
  }
}
