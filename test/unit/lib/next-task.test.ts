import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTask } from '../../../src/lib/next-task';

/** A chain of `length` microtasks; resolves with how many had run when `probe` settled. */
async function microtasksBefore(probe: Promise<void>, length: number): Promise<number> {
  let ran = 0;
  let seen = -1;
  const chain = (n: number): Promise<void> =>
    n === 0 ? Promise.resolve() : Promise.resolve().then(() => (ran++, chain(n - 1)));
  void probe.then(() => (seen = ran));
  await chain(length);
  await probe;
  return seen;
}

describe('nextTask', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('resolves in a new task: a long chain of microtasks queued with it runs first (an await would not)', async () => {
    expect(await microtasksBefore(nextTask(), 5_000)).toBe(5_000);
    expect(await microtasksBefore(Promise.resolve(), 5_000), 'the check itself can fail').toBeLessThan(5_000);
  });

  it('uses scheduler.yield where the browser has it', async () => {
    const yielded = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: yielded });
    await nextTask();
    expect(yielded).toHaveBeenCalledOnce();
  });
});
