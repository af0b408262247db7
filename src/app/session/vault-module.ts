/**
 * The vault's crypto (Argon2id, key slots, sealing) and the code of an unlocked vault, as lazy chunks: needed
 * from the first Unlock on, not to draw the lock screen, so they load after the first paint (rule 7,
 * Session.preloadEngine). A failed load is retried the next time it is asked for.
 */
import { LatchkeyError } from '../../core/errors';

export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null; // a later try may succeed once the connection is back
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
