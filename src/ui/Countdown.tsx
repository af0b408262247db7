import { useEffect, useRef } from 'preact/hooks';
import { appNow, onTick } from './ticker';

function secondsLeft(now: number, period: number): number {
  return period - (Math.floor(now / 1000) % period);
}

/** Seconds until the code changes, with a bar; marked when the code is about to expire. */
export function Countdown({ period }: { period: number }) {
  const root = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const paint = (now: number) => {
      const el = root.current;
      if (!el) return;
      const left = secondsLeft(now, period);
      const text = el.firstChild as Text;
      text.data = `${left}s`;
      el.setAttribute('aria-label', `Code changes in ${left} seconds`);
      el.classList.toggle('expiring', left <= 5);
      el.style.setProperty('--left', String(left / period));
    };
    paint(appNow());
    return onTick(paint);
  }, [period]);
  return (
    <span ref={root} class="countdown" role="timer">
      {' '}
    </span>
  );
}
