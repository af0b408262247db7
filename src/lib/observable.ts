/** A minimal value store with subscribers: the session publishes immutable snapshots through it. */
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

  subscribe(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
