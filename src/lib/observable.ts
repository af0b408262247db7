/**
 * The one value store with subscribers, for every layer: the session publishes immutable snapshots through it,
 * the platform adapters their state (an update waiting, installation offered), the UI its toasts and open forms.
 */
export class Observable<T> {
  private listeners = new Set<(value: T) => void>();
  constructor(private current: T) {}

  get value(): T {
    return this.current;
  }

  set(next: T): void {
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }

  update(patch: Partial<T>): void {
    this.set({ ...this.current, ...patch });
  }

  /** Returns the unsubscribe function, so it can be returned from a Preact effect as is. */
  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}
