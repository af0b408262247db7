/**
 * Resolves once the next frame has been drawn and the page is idle (or at the latest after `timeout` ms, also in
 * a hidden page, which draws no frames). Work that can wait for the first screen to show goes here: finishing a
 * long list, rendering the rows just off screen.
 */
export function afterNextPaint(timeout = 200): Promise<void> {
  return new Promise((resolve) => {
    const latest = setTimeout(resolve, timeout);
    const done = () => {
      clearTimeout(latest);
      resolve();
    };
    if (typeof requestAnimationFrame !== 'function') return;
    requestAnimationFrame(() => {
      // Idle rather than a timer: a timer queued now would run before the frame's other work is measured done.
      if (typeof requestIdleCallback === 'function') requestIdleCallback(done, { timeout });
      else setTimeout(done, 50);
    });
  });
}
