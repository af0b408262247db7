import { useEffect, useState } from 'preact/hooks';
import { describeDuration, judgeClock } from '../../app/clock-check';
import { readServerTime } from '../../platform/clock';
import { tellIfFails } from '../components/toast';
import { useSession } from '../components/session-context';

/** Server time minus device time, measured once per page load (and again when the device comes back online). */
let measured: number | null = null;
let measuring: Promise<number | null> | null = null;

function measure(): Promise<number | null> {
  measuring ??= readServerTime().then((time) => {
    measuring = null;
    if (time) measured = time.serverMs - time.deviceMs;
    return measured;
  });
  return measuring;
}

/**
 * Warns when the device clock is too far off for time-based codes and offers to correct the codes by the measured
 * offset. A polite live region, not an alert: it is advice, and the screen's errors keep the one alert role.
 */
export function ClockCheck({ appliedMs }: { appliedMs: number }) {
  const session = useSession();
  const [offset, setOffset] = useState(measured);
  const [dismissed, setDismissed] = useState(false);

  useEffect(() => {
    let live = true;
    const check = () => {
      if (navigator.onLine) void measure().then((value) => live && setOffset(value));
    };
    if (measured === null) check();
    window.addEventListener('online', check);
    return () => {
      live = false;
      window.removeEventListener('online', check);
    };
  }, []);

  const apply = (ms: number) => tellIfFails(session.updateSettings({ clockOffsetMs: ms }));
  const verdict = offset === null ? null : judgeClock(offset, appliedMs);

  const warn = verdict?.kind === 'off' && !dismissed ? verdict : null;
  // The live region is always in the page, so the warning is announced when it appears. Not role="status": the
  // toast host owns that role on this screen, and one status per screen keeps it unambiguous.
  return (
    <div aria-live="polite" class="clock-status">
      {warn ? (
        <div class="warning clock-warning">
          <p>{warn.message}</p>
          <div class="actions">
            <button type="button" onClick={() => setDismissed(true)}>
              Dismiss
            </button>
            {warn.canCorrect && (
              <button type="button" class="primary" onClick={() => apply(warn.offsetMs)}>
                {warn.offsetMs === 0 ? 'Stop correcting' : 'Correct codes'}
              </button>
            )}
          </div>
        </div>
      ) : (
        appliedMs !== 0 && (
          <p class="hint clock-note">
            Codes are corrected for a device clock {describeDuration(Math.abs(appliedMs))}{' '}
            {appliedMs < 0 ? 'ahead' : 'behind'}.{' '}
            <button type="button" class="link" onClick={() => apply(0)}>
              Stop correcting
            </button>
          </p>
        )
      )}
    </div>
  );
}
