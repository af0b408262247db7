/**
 * The Web Locks API for Node (Node 20 has none): exclusive locks by name, granted in request order, as the
 * browser does for the tabs of one origin. `idle()` settles once nothing holds or waits for a lock.
 */
export function fakeLocks() {
  const tails = new Map<string, Promise<unknown>>();
  let active = 0;
  let idleWaiters: (() => void)[] = [];
  const settle = () => {
    if (active === 0) idleWaiters.splice(0).forEach((done) => done());
  };
  return {
    request<T>(name: string, _options: unknown, callback: () => Promise<T> | T): Promise<T> {
      active++;
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous.then(() => callback());
      const tail = run.then(
        () => undefined,
        () => undefined,
      );
      tails.set(name, tail);
      void tail.then(() => {
        active--;
        settle();
      });
      return run;
    },
    idle(): Promise<void> {
      return active === 0 ? Promise.resolve() : new Promise((done) => idleWaiters.push(done));
    },
    reset() {
      idleWaiters = [];
    },
  };
}
