/**
 * Deciding whether the device clock is too far off for time-based codes. Services accept a code for about one
 * 30-second step either way, so a clock more than 15 seconds off starts producing rejected codes.
 */
export const CLOCK_TOLERANCE_MS = 15_000;

export type ClockVerdict =
  | { kind: 'fine' }
  /**
   * `offsetMs` is what to add to the device clock; `message` says how far off and which way. A clock off by a
   * day or more is not corrected (settings refuse such an offset): only fixing the device clock helps then.
   */
  | { kind: 'off'; offsetMs: number; message: string; canCorrect: boolean };

/** The largest correction settings accept (src/app/settings.ts). */
export const MAX_CORRECTION_MS = 864e5 - 1000;

/**
 * @param measuredMs server time minus device time
 * @param appliedMs the correction already in use (settings.clockOffsetMs)
 */
export function judgeClock(measuredMs: number, appliedMs: number, tolerance = CLOCK_TOLERANCE_MS): ClockVerdict {
  // Whole seconds: the Date header has no finer resolution, and a stable number avoids needless re-saves.
  const offsetMs = Math.round(measuredMs / 1000) * 1000;
  if (Math.abs(measuredMs - appliedMs) <= tolerance) return { kind: 'fine' };
  if (appliedMs !== 0 && Math.abs(measuredMs) <= tolerance) {
    const message = 'Your device clock is right again, but Latchkey still corrects it, so codes may be rejected.';
    return { kind: 'off', offsetMs: 0, message, canCorrect: true };
  }
  const canCorrect = Math.abs(offsetMs) <= MAX_CORRECTION_MS;
  const message =
    `Your device clock is ${describeDuration(Math.abs(offsetMs))} ${offsetMs < 0 ? 'ahead' : 'behind'}, so codes ` +
    (canCorrect
      ? 'may be rejected. Set the clock to update automatically, or let Latchkey correct its codes.'
      : 'will be rejected. Set the date and time of the device to update automatically.');
  return { kind: 'off', offsetMs, message, canCorrect };
}

/** "2 minutes 5 seconds", "1 hour 3 minutes", "20 seconds". */
export function describeDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const part = (n: number, unit: string) => (n ? `${n} ${unit}${n === 1 ? '' : 's'}` : '');
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const parts = days
    ? [part(days, 'day'), part(hours, 'hour')]
    : hours
      ? [part(hours, 'hour'), part(minutes, 'minute')]
      : [part(minutes, 'minute'), part(seconds, 'second')];
  return parts.filter(Boolean).join(' ') || '0 seconds';
}
