import { useEffect, useState } from 'preact/hooks';
import { judgeClock, type ClockVerdict } from '../../app/clock-check';
import { readServerTime } from '../../platform/clock';
import { tellIfFails } from '../components/toast';
import { useSession } from '../components/session-context';
import { t } from '../i18n/t';
import { durationText } from '../i18n/duration';

/** Server time minus device time, measured once per page load (and again when the device comes back online). */
let measured: number | null = null;
let measuring: Promise<number | null> | null = null;
/** Dismissed for this page load: the list is drawn afresh after every other screen, and must not nag again. */
let dismissedThisLoad = false;

function measure(): Promise<number | null> {
  measuring ??= readServerTime().then((time) => {
    measuring = null;
    if (time) measured = time.serverMs - time.deviceMs;
    return measured;
  });
  return measuring;
}

export interface ClockCheckState {
  /** The device clock is too far off for time-based codes (and the warning was not dismissed). */
  warning: Extract<ClockVerdict, { kind: 'off' }> | null;
  dismiss(): void;
  /** Corrects codes by this offset (0 stops correcting). */
  apply(ms: number): void;
}

/** Measures the device clock against the server's and judges it against the correction in use. */
export function useClockCheck(appliedMs: number): ClockCheckState {
  const session = useSession();
  const [offset, setOffset] = useState(measured);
  const [dismissed, setDismissed] = useState(dismissedThisLoad);

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

  const verdict = offset === null ? null : judgeClock(offset, appliedMs);
  return {
    warning: verdict?.kind === 'off' && !dismissed ? verdict : null,
    dismiss: () => setDismissed((dismissedThisLoad = true)),
    apply: (ms) => tellIfFails(session.updateSettings({ clockOffsetMs: ms })),
  };
}

/** The verdict (app/clock-check.ts) as a sentence: how far off, which way, and what can be done. */
function clockWarning(warn: Extract<ClockVerdict, { kind: 'off' }>): string {
  if (warn.offsetMs === 0) return t('clock.rightAgain');
  const duration = durationText(Math.abs(warn.offsetMs));
  const ahead = warn.offsetMs < 0;
  if (warn.canCorrect) return t(ahead ? 'clock.aheadCorrectable' : 'clock.behindCorrectable', { duration });
  return t(ahead ? 'clock.aheadFar' : 'clock.behindFar', { duration });
}

export function ClockBanner({ clock }: { clock: ClockCheckState }) {
  const warn = clock.warning;
  if (!warn) return null;
  return (
    <div class="banner warning clock-warning">
      <p>{clockWarning(warn)}</p>
      <div class="actions">
        <button type="button" class="quiet" onClick={clock.dismiss}>
          {t('reminder.dismiss')}
        </button>
        {warn.canCorrect && (
          <button type="button" class="primary" onClick={() => clock.apply(warn.offsetMs)}>
            {warn.offsetMs === 0 ? t('clock.stopCorrecting') : t('clock.correct')}
          </button>
        )}
      </div>
    </div>
  );
}

/** A quiet line while codes are corrected, with the way to stop. */
export function ClockNote({ clock, appliedMs }: { clock: ClockCheckState; appliedMs: number }) {
  if (appliedMs === 0) return null;
  return (
    <p class="hint clock-note">
      {t(appliedMs < 0 ? 'clock.ahead' : 'clock.behind', { duration: durationText(Math.abs(appliedMs)) })}{' '}
      <button type="button" class="link" onClick={() => clock.apply(0)}>
        {t('clock.stopCorrecting')}
      </button>
    </p>
  );
}
