import { useEffect, useState } from 'preact/hooks';
import type { Observable } from '../../lib/observable';

/**
 * The one store-subscription hook: renders with the store's current value and again on every change. Reads the
 * value afresh when subscribing, so a change between the first render and the effect is not missed.
 */
export function useStore<T>(store: Observable<T>): T {
  const [value, setValue] = useState(store.value);
  useEffect(() => {
    setValue(store.value);
    return store.subscribe((next) => setValue(() => next));
  }, [store]);
  return value;
}
