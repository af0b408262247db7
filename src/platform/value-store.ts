/**
 * A value with subscribers, for platform state the UI shows (update waiting, install offered). Same shape as
 * app/observable.ts, kept here because platform/ must not import from app/.
 */
export interface Store<T> {
  readonly value: T;
  set(next: T): void;
  /** Returns the unsubscribe function, so it can be returned from a Preact effect as is. */
  subscribe(listener: (value: T) => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let current = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get value() {
      return current;
    },
    set(next) {
      current = next;
      for (const listener of listeners) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
