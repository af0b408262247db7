/** Where the list was left: the first row showing, and how far from the top of the window it stood. */
export interface ScrollAnchor {
  y: number;
  /** The row's data-id, or null at the very top or with no rows. */
  id: string | null;
  /** The row's top, in pixels from the top of the window. */
  top: number;
}

/**
 * Frames (about 5 s) to hold the row in place: the list renders a slice of rows per frame, off-screen rows only
 * estimate their height until drawn, and the brand icons arrive later; any of these can move the row after it was
 * first put back (a row 9 px off failed app-shell.spec.ts in CI when this stopped after 3 steady frames).
 */
const MAX_FRAMES = 300;

/** The first row at least partly below the app bar, as the list is left for another screen. */
export function listAnchor(): ScrollAnchor {
  const bar = document.querySelector('.app-bar')?.getBoundingClientRect().bottom ?? 0;
  for (const row of Array.from(document.querySelectorAll<HTMLElement>('li[data-id]'))) {
    const box = row.getBoundingClientRect();
    if (box.bottom > bar) return { y: scrollY, id: row.dataset.id ?? null, top: box.top };
  }
  return { y: scrollY, id: null, top: 0 };
}

/**
 * Brings the list back to where it was left (a screen opened from it, then Back): the same row at the same height
 * on screen. The list is drawn afresh over a few frames (useRowWindow.ts), and rows not yet drawn only estimate
 * their height, so a scroll position alone lands elsewhere: for a few seconds each frame puts the row back in
 * place, and the whole thing is given up as soon as the person scrolls, taps or types. Returns a function that stops it.
 */
export function restoreScroll(anchor: ScrollAnchor | undefined): () => void {
  window.scrollTo(0, anchor?.y ?? 0);
  if (!anchor || anchor.y === 0) return () => {};
  let frame = 0;
  let frames = 0;
  const events = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;
  const stop = () => {
    cancelAnimationFrame(frame);
    for (const type of events) window.removeEventListener(type, stop);
  };
  const step = () => {
    const row = anchor.id ? document.querySelector(`li[data-id="${CSS.escape(anchor.id)}"]`) : null;
    const off = row ? row.getBoundingClientRect().top - anchor.top : scrollY - anchor.y;
    if (Math.abs(off) >= 1) {
      if (row) window.scrollBy(0, off);
      else window.scrollTo(0, anchor.y);
    }
    if (++frames > MAX_FRAMES) return stop();
    frame = requestAnimationFrame(step);
  };
  for (const type of events) window.addEventListener(type, stop, { passive: true });
  frame = requestAnimationFrame(step);
  return stop;
}
