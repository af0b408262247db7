/**
 * The vault's crypto (Argon2id, key slots, sealing) and the code of an unlocked vault, as lazy chunks: needed
 * from the first Unlock on, not to draw the lock screen, so they load after the first paint (rule 7,
 * Session.preloadEngine). A failed load is retried the next time it is asked for.
 *
 * Firefox keeps a failed import() for the life of the document (the HTML standard's module map keeps the failure;
 * Chromium and WebKit fetch again), and a fresh URL cannot help, since the chunk's own imports failed with it. So
 * when a retry fails although the network is back (the chunk the engine names in its error, or the app's own page
 * where it names none, can be fetched now), the failure is the engine's memory, and the page reloads, which clears
 * it (test/cross/engine-findings.spec.ts). WebKit keeps the failure too, and names no URL.
 */
import { LatchkeyError } from '../../core/errors';

/** Whether the module the error names (Firefox and Chromium name it), else the app's page, can be fetched now. */
async function fetchableNow(error: unknown): Promise<boolean> {
  const url = /https?:\/\/\S+?\.js\b/.exec(String(error))?.[0] ?? import.meta.env.BASE_URL;
  try {
    return (await fetch(url, { cache: 'no-store' })).ok;
  } catch {
    return false;
  }
}

export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  let failedBefore = false;
  return () =>
    (loading ??= load().catch(async (error: unknown) => {
      loading = null; // a later try may succeed once the connection is back
      if (failedBefore && (await fetchableNow(error))) {
        location.reload();
        return new Promise<T>(() => undefined); // the page is going away
      }
      failedBefore = true;
      throw new LatchkeyError(
        'reload-needed',
        'Part of Latchkey could not be loaded. Check your connection once, then reload; after that it works offline.',
        { cause: String(error) },
      );
    }));
}

export const loadVault = loadOnce(() => import('../../vault/vault'));
export const loadEngine = loadOnce(() => import('./engine'));
