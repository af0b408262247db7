/**
 * The vault's crypto (Argon2id, key slots, sealing) and the code of an unlocked vault, as lazy chunks: needed
 * from the first Unlock on, not to draw the lock screen, so they load after the first paint (rule 7,
 * Session.preloadEngine). A failed load is retried the next time it is asked for.
 *
 * Engines differ in what a retry does (test/cross/engine-findings.spec.ts). Chromium fetches the chunk again.
 * WebKit keeps the failed script in its memory cache, also for the page a reload makes, until a fetch() of the
 * same URL replaces it; its error names no URL. Firefox keeps a failed import() for the life of the document (the
 * HTML standard's module map keeps the failure), and a fresh URL cannot help, since the chunk's own imports failed
 * with it. So when a retry fails although the network is back, the chunks are fetched (which is the check that the
 * network is back, and what WebKit needs), the import is tried once more, and if that fails too the page reloads,
 * which clears Firefox's memory of it.
 *
 * That reload must answer the person's request, never outlive it: a caller needing both chunks shows a failure
 * only once both loads have settled (lib/all-settled.ts). With Promise.all, the first click's error showed while
 * the other chunk's check was still retrying; the network came back, the check passed, and the page reloaded
 * under the password being typed (Firefox, engine-findings.spec.ts).
 */
import { LatchkeyError } from '../../core/errors';

/**
 * The chunks a failed import needed: the one the engine names (Firefox, Chromium), else the modules the bundler's
 * preload links list for the imports tried so far (WebKit names none), else the app's page.
 */
function neededUrls(error: unknown): string[] {
  const named = /https?:\/\/\S+?\.js\b/.exec(String(error))?.[0];
  if (named) return [named];
  const preloaded = [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].map((l) => l.href);
  return preloaded.length > 0 ? preloaded : [import.meta.env.BASE_URL];
}

/** Whether they can all be fetched now; fetching them also replaces what WebKit remembered of the failure. */
async function fetchableNow(error: unknown): Promise<boolean> {
  try {
    const responses = await Promise.all(neededUrls(error).map((url) => fetch(url)));
    return responses.every((response) => response.ok);
  } catch {
    return false;
  }
}

export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  let failedBefore = false;
  return () =>
    (loading ??= load().catch(async (error: unknown) => {
      if (failedBefore && (await fetchableNow(error))) {
        try {
          return await load();
        } catch {
          location.reload();
          return new Promise<T>(() => undefined); // the page is going away
        }
      }
      loading = null; // a later try may succeed once the connection is back
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
export type Engine = typeof import('./engine');
