import type { CodeView } from '../../app/codes';
import type { Session } from '../../app/session/session';

type Watcher = (view: CodeView | undefined) => void;
interface Watch {
  version: string;
  watcher: Watcher;
}

/** The entry if it was computed for this version of the account: never an edited account's old code. */
const forVersion = (view: CodeView | undefined, version: string) => (view?.version === version ? view : undefined);

/**
 * The list's current codes, held outside Preact state. Each row watches its own entry and writes the new code
 * straight into its text node, so the refresh at a period boundary costs one text write per row instead of
 * re-rendering every row (the same approach as the countdowns in ticker.ts).
 */
export class CodeStore {
  #codes: ReadonlyMap<string, CodeView> = new Map();
  #watchers = new Map<string, Set<Watch>>();

  /** The code of account `id` as of its codeVersion, if there is one. */
  get(id: string, version: string): CodeView | undefined {
    return forVersion(this.#codes.get(id), version);
  }

  /**
   * Calls `watcher` now with the entry of account `id` as of `version`, then whenever it changes. Returns the
   * function that stops it.
   */
  watch(id: string, version: string, watcher: Watcher): () => void {
    let set = this.#watchers.get(id);
    if (!set) this.#watchers.set(id, (set = new Set()));
    const entry = { version, watcher };
    set.add(entry);
    watcher(this.get(id, version));
    return () => {
      set.delete(entry);
      if (set.size === 0) this.#watchers.delete(id);
    };
  }

  /** Replaces the codes; rows whose code changed are told. */
  publish(next: ReadonlyMap<string, CodeView>): void {
    const old = this.#codes;
    this.#codes = next;
    for (const [id, watchers] of this.#watchers) {
      const before = old.get(id);
      const after = next.get(id);
      if (before?.code === after?.code && before?.next === after?.next && before?.version === after?.version) continue;
      for (const { version, watcher } of watchers) watcher(forVersion(after, version));
    }
  }
}

let shared: { session: Session; store: CodeStore } | null = null;

/**
 * One store per unlocked session rather than per list: coming back to the list from another screen shows the
 * codes it had at once instead of blank rows until the next batch. Emptied when the vault locks; filled with the
 * codes the session primed when it unlocks.
 */
export function sessionCodeStore(session: Session): CodeStore {
  if (shared?.session !== session) {
    const store = new CodeStore();
    const takePrimed = () => {
      const primed = session.takePrimedCodes();
      if (primed) store.publish(primed);
    };
    // The codes computed while unlocking are there before the list's first render, so it is drawn with them.
    takePrimed();
    session.state.subscribe((snapshot) => {
      if (snapshot.phase !== 'unlocked') store.publish(new Map());
      else takePrimed();
    });
    shared = { session, store };
  }
  return shared.store;
}
