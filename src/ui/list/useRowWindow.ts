import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { afterNextPaint } from '../../lib/after-paint';
import { WINDOW_ABOVE, rowWindow, sameWindow, withRowsAfter, type RowWindow } from './list-window';

/**
 * Rows rendered at once, then per frame, for a whole (short) list: more than a phone screen shows, so the first
 * codes appear right after unlocking; the rest follows a slice per frame instead of in one task.
 */
const FIRST_ROWS = 24;
const ROWS_PER_FRAME = 60;
/** A guess at a row's height plus the gap until the first rows are measured (4.5rem rows, 0.5rem gap). */
const FIRST_PITCH = 80;
/**
 * Rows rendered beyond the viewport, above and below, in viewport heights. Every rendered row costs its share of
 * each frame (the countdown tick, a code refresh): half a screen instead of a whole one (24 rows instead of 32 in
 * the benchmark's 1280 × 720 window) cut the traced frame at a period boundary with 1,000 accounts from about
 * 25 ms to about 16 ms on a slow day of the benchmark machine. Half a screen is still several rows, far more than
 * a scroll moves in one frame, and more than list libraries overscan by default.
 */
const OVERSCAN_SCREENS = 0.5;

function useProgressiveCount(total: number, enabled: boolean): number {
  const [count, setCount] = useState(FIRST_ROWS);
  useEffect(() => {
    if (!enabled || count >= total) return;
    // One slice per frame, each after the frame that draws the one before (a rAF callback alone would run
    // before that paint and make the first frame draw both).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setCount((c) => c + ROWS_PER_FRAME))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [count, total, enabled]);
  return Math.min(count, total);
}

/** Lines kept rendered past the focused row, so Tab always has a next row to go to. */
const FOCUS_LEAD_LINES = 4;

/** The index of the row holding focus, or -1. */
function focusedRow(list: HTMLElement): number {
  const row = document.activeElement?.closest('li[aria-posinset]');
  return row && list.contains(row) ? Number(row.getAttribute('aria-posinset')) - 1 : -1;
}

interface Measured {
  columns: number;
  pitch: number;
}

/** Rows per line (from the grid's resolved columns) and the distance between lines, from the rows on screen. */
function measure(list: HTMLElement, previous: Measured): Measured {
  const tracks = getComputedStyle(list)
    .gridTemplateColumns.split(' ')
    .filter((t) => t.endsWith('px')).length;
  const columns = Math.max(1, tracks);
  const rows = list.children;
  const lastLine = Math.floor((rows.length - 1) / columns);
  if (lastLine < 1) return { columns, pitch: previous.pitch };
  const first = rows[0] as HTMLElement;
  const last = rows[lastLine * columns] as HTMLElement;
  const pitch = (last.offsetTop - first.offsetTop) / lastLine;
  // Sub-pixel wobble between windows must not re-render the list again and again.
  return { columns, pitch: Math.abs(pitch - previous.pitch) < 0.5 || pitch <= 0 ? previous.pitch : pitch };
}

/**
 * The rows of a list of `total` to render now. A list of up to WINDOW_ABOVE rows is rendered whole (a slice per
 * frame); a longer one only around the viewport, following the page's scrolling (see list-window.ts).
 */
export function useRowWindow(list: RefObject<HTMLElement>, total: number): RowWindow & { windowed: boolean } {
  const windowed = total > WINDOW_ABOVE;
  const count = useProgressiveCount(total, !windowed);
  const geometry = useRef<Measured>({ columns: 1, pitch: FIRST_PITCH });
  const settling = useRef(0);
  const [win, setWin] = useState<RowWindow>({ start: 0, end: FIRST_ROWS, before: 0, after: 0 });
  // The first frame renders just the rows on screen; the screenful above and below follows right after it.
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    let mounted = true;
    void afterNextPaint().then(() => mounted && setDrawn(true));
    return () => {
      mounted = false;
    };
  }, []);

  // Re-measured after every render of the window: the first render's guesses are corrected before it is painted.
  useLayoutEffect(() => {
    const el = list.current;
    if (!windowed || !el) return;
    let frame = 0;
    /** An update caused by the user (a scroll, a resize, a focus move), not by the window's own last render. */
    const fresh = () => {
      settling.current = 0;
      update();
    };
    const later = () => (frame ||= requestAnimationFrame(fresh));
    const update = () => {
      frame = 0;
      // A window that keeps changing by itself (rows that change height as they render, say) settles over
      // frames instead of looping within one task.
      if (settling.current++ > 2) {
        frame = requestAnimationFrame(fresh);
        return;
      }
      geometry.current = measure(el, geometry.current);
      const { columns, pitch } = geometry.current;
      const top = -el.getBoundingClientRect().top;
      const geometryNow = {
        total,
        columns,
        pitch,
        top,
        height: innerHeight,
        overscan: drawn ? innerHeight * OVERSCAN_SCREENS : 0,
      };
      const next = withRowsAfter(rowWindow(geometryNow), focusedRow(el), FOCUS_LEAD_LINES, geometryNow);
      setWin((old) => (sameWindow(old, next) ? old : next));
    };
    update();
    addEventListener('scroll', later, { passive: true });
    addEventListener('resize', later);
    // Focus at once, not on the next frame: Tab can move focus faster than frames come when the page is busy.
    el.addEventListener('focusin', fresh);
    return () => {
      cancelAnimationFrame(frame);
      removeEventListener('scroll', later);
      removeEventListener('resize', later);
      el.removeEventListener('focusin', fresh);
    };
  }, [windowed, total, win, list, drawn]);

  if (!windowed) return { start: 0, end: count, before: 0, after: 0, windowed };
  return { ...win, end: Math.min(win.end, total), windowed };
}
