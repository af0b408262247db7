import type { CodeView } from '../app/codes';

type Watcher = (view: CodeView | undefined) => void;

/**
 * The list's current codes, held outside Preact state. Each row watches its own entry and writes the new code
 * straight into its text node, so the refresh at a period boundary costs one text write per row instead of
 * re-rendering every row (the same approach as the countdowns in ticker.ts).
 */
export class CodeStore {
  #codes: ReadonlyMap<string, CodeView> = new Map();
  #watchers = new Map<string, Set<Watcher>>();

  get(id: string): CodeView | undefined {
    return this.#codes.get(id);
  }

  /** Calls `watcher` now with the current entry, then whenever it changes. Returns the function that stops it. */
  watch(id: string, watcher: Watcher): () => void {
    let set = this.#watchers.get(id);
    if (!set) this.#watchers.set(id, (set = new Set()));
    set.add(watcher);
    watcher(this.#codes.get(id));
    return () => {
      set.delete(watcher);
      if (set.size === 0) this.#watchers.delete(id);
    };
  }

  publish(next: ReadonlyMap<string, CodeView>): void {
    const old = this.#codes;
    this.#codes = next;
    for (const [id, watchers] of this.#watchers) {
      const before = old.get(id);
      const after = next.get(id);
      if (before?.code === after?.code && before?.next === after?.next) continue;
      for (const watcher of watchers) watcher(after);
    }
  }
}
