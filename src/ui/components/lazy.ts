import { useEffect, useState } from 'preact/hooks';

/**
 * Loads a module the first time a component needs it (a dynamic import() so the bundler splits it off).
 * Null while loading, 'failed' when the chunk cannot be fetched (an old tab after an update, say).
 */
export function useLazyModule<T>(load: () => Promise<T>): T | null | 'failed' {
  const [module, setModule] = useState<T | null | 'failed'>(null);
  useEffect(() => {
    let live = true;
    load().then(
      (loaded) => live && setModule(() => loaded),
      () => live && setModule('failed'),
    );
    return () => {
      live = false;
    };
  }, []);
  return module;
}
