import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onFirstTickFrom, onTick } from '../../../../src/ui/list/ticker';

// A whole second; the shared tick runs 5 ms after each one (ticker.ts).
const START = 1_700_000_000_000;

describe('onFirstTickFrom', () => {
  beforeEach(() => void vi.useFakeTimers({ now: START + 200 }));
  afterEach(() => void vi.useRealTimers());

  it.each<[string, number, number[]]>([
    ['a moment in the past: the next tick', START - 5_000, [START + 1_005]],
    ['within the coming second: its tick', START + 700, [START + 1_005]],
    ['exactly on a whole second: the tick 5 ms after it', START + 2_000, [START + 2_005]],
    ['a boundary 30 s away: the tick that crosses it, not one before', START + 30_000, [START + 30_005]],
  ])('%s', (_, at, expected) => {
    const calls: number[] = [];
    const stop = onFirstTickFrom(at, (now) => calls.push(now));
    vi.advanceTimersByTime(40_000);
    stop();
    expect(calls).toEqual(expected);
  });

  it('runs in the same tick as the countdowns, after them, so both are drawn in one frame', () => {
    const order: string[] = [];
    const stopCountdown = onTick((now) => order.push(`countdown ${now - START}`));
    const stop = onFirstTickFrom(START + 2_000, (now) => order.push(`codes ${now - START}`));
    vi.advanceTimersByTime(3_000);
    stopCountdown();
    stop();
    expect(order).toEqual(['countdown 1005', 'countdown 2005', 'codes 2005', 'countdown 3005']);
  });

  it('does nothing once cancelled, and stops the shared timer when nobody listens', () => {
    const fn = vi.fn();
    const stop = onFirstTickFrom(START + 2_000, fn);
    expect(vi.getTimerCount()).toBe(1);
    stop();
    vi.advanceTimersByTime(5_000);
    expect(fn).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
