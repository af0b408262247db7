/** Frames to keep trying: the list renders a slice of rows per frame, so a long one needs several. */
const MAX_FRAMES = 60;

/**
 * Scrolls the window back to `y` (the list left for another screen, then Back). The list is drawn afresh over a
 * few frames (useRowWindow.ts), so the page may be too short at first: the scroll is repeated each frame until it
 * holds, and given up as soon as the person scrolls themselves. Returns a function that stops it.
 */
export function restoreScroll(y: number): () => void {
  window.scrollTo(0, y);
  if (y === 0) return () => {};
  let frame = 0;
  let frames = 0;
  const events = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
  const stop = () => {
    cancelAnimationFrame(frame);
    for (const type of events) window.removeEventListener(type, stop);
  };
  const step = () => {
    if (Math.abs(window.scrollY - y) < 1 || ++frames > MAX_FRAMES) return stop();
    window.scrollTo(0, y);
    frame = requestAnimationFrame(step);
  };
  for (const type of events) window.addEventListener(type, stop, { passive: true });
  frame = requestAnimationFrame(step);
  return stop;
}
