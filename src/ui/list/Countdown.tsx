import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { secondsLeft } from '../../core/otp';
import { appNow, onTick } from './ticker';
import { isRendered, trackRow } from './visibility';

/** The last seconds of a code: marked so nobody starts typing a code that is about to change. */
export const EXPIRING_SECONDS = 5;

/**
 * Seconds until the code changes, with a thin bar. It paints itself on the shared tick (no re-render of the row),
 * only while on screen; in the last seconds it marks its account row too, so the code is shown as about to expire.
 */
export function Countdown({ period }: { period: number }) {
  const root = useRef<HTMLSpanElement>(null);
  const painter = useRef<((now: number) => void) | null>(null);
  // The first paint before the frame is drawn (a layout effect), so the row never shows an empty countdown.
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    painter.current = countdownPainter(el, period);
    painter.current(appNow());
  }, [period]);
  // Ticks and visibility tracking after it: tracking asks the browser about layout, which must not run per row
  // between the rows' first writes.
  useEffect(() => {
    const el = root.current;
    const paint = painter.current;
    if (!el || !paint) return;
    // Countdowns in rows the browser skips (off screen) skip their ticks and catch up when the row comes back.
    const watched = el.closest('.account') ?? el;
    const stopTicks = onTick((now) => isRendered(watched) && paint(now));
    const stopTracking = trackRow(watched, () => paint(appNow()));
    return () => {
      stopTicks();
      stopTracking();
    };
  }, [period]);
  return (
    <span ref={root} class="countdown" role="timer">
      {' '}
    </span>
  );
}

/** Writes the seconds left into the countdown (and marks its row in the last seconds); skips unchanged seconds. */
function countdownPainter(el: HTMLElement, period: number): (now: number) => void {
  const text = el.firstChild as Text;
  const row = el.closest('.account');
  let shown = -1;
  return (now) => {
    const left = secondsLeft(now, period);
    if (left === shown) return; // a re-paint for an unchanged second would only cost style work
    shown = left;
    text.data = `${left}s`;
    el.setAttribute('aria-label', `Code changes in ${left} seconds`);
    const expiring = left <= EXPIRING_SECONDS;
    el.classList.toggle('expiring', expiring);
    row?.classList.toggle('expiring', expiring);
    el.style.setProperty('--left', String(left / period));
  };
}
