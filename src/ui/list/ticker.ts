/**
 * One 1 Hz clock for the whole UI. Countdowns write their own text node on each tick instead of re-rendering
 * their account rows, so a list of 1,000 accounts costs a few text writes per second, not a virtual-DOM diff.
 */
type Tick = (now: number) => void;
const subscribers = new Set<Tick>();
const offsetListeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;
let offsetMs = 0;

/** The corrected clock (device time plus the offset the user accepted after a clock check). */
export function appNow(): number {
  return Date.now() + offsetMs;
}

export function clockOffset(): number {
  return offsetMs;
}

/** Applies a clock correction; codes and countdowns recompute at once rather than at the next boundary. */
export function setClockOffset(ms: number): void {
  if (ms === offsetMs) return;
  offsetMs = ms;
  for (const listener of offsetListeners) listener();
  const now = appNow();
  for (const tick of subscribers) tick(now);
}

export function onClockOffsetChange(listener: () => void): () => void {
  offsetListeners.add(listener);
  return () => offsetListeners.delete(listener);
}

function schedule() {
  // Align to whole seconds so every countdown flips together, right at the boundary.
  timer = setTimeout(
    () => {
      const now = appNow();
      for (const tick of subscribers) tick(now);
      schedule();
    },
    1000 - (appNow() % 1000) + 5,
  );
}

export function onTick(tick: Tick): () => void {
  subscribers.add(tick);
  if (timer === undefined) schedule();
  return () => {
    subscribers.delete(tick);
    if (subscribers.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

/**
 * Calls `fn` once, on the first shared tick at or after `at`: in the same task as the countdowns' repaint, so what
 * it writes (the codes of a new period) is drawn in the same frame as the new seconds, never a frame apart.
 * Returns the function that cancels it.
 */
export function onFirstTickFrom(at: number, fn: Tick): () => void {
  const stop = onTick((now) => {
    if (now < at) return;
    stop();
    fn(now);
  });
  return stop;
}
