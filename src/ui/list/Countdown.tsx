import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { secondsLeft } from '../../core/otp';
import { appNow, onTick } from './ticker';
import { isRendered, trackRow } from './visibility';
import { t } from '../i18n/t';

/** The last seconds of a code: marked so nobody starts typing a code that is about to change. */
export const EXPIRING_SECONDS = 5;

/**
 * Seconds until the code changes: the number inside a ring as long as the time left (colour is only a second cue).
 * It paints itself on the shared tick (no re-render of the row),
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
      <svg viewBox="0 0 36 36" aria-hidden="true" focusable="false">
        <circle class="track" cx="18" cy="18" r="16" />
        {/* pathLength 100: the dash length is the percentage of the period left (list.css). */}
        <circle class="left" cx="18" cy="18" r="16" pathLength={100} />
      </svg>
      <span class="seconds"> </span>
    </span>
  );
}

/** Writes the seconds left into the countdown (and marks its row in the last seconds); skips unchanged seconds. */
function countdownPainter(el: HTMLElement, period: number): (now: number) => void {
  const text = el.querySelector('.seconds')!.firstChild as Text;
  const row = el.closest('.account');
  let shown = -1;
  return (now) => {
    const left = secondsLeft(now, period);
    if (left === shown) return; // a re-paint for an unchanged second would only cost style work
    shown = left;
    text.data = String(left);
    el.setAttribute('aria-label', t('countdown.label', { count: left }));
    const expiring = left <= EXPIRING_SECONDS;
    el.classList.toggle('expiring', expiring);
    row?.classList.toggle('expiring', expiring);
    el.style.setProperty('--left', String(left / period));
  };
}
