import { t } from './t';

/** "2 minutes 5 seconds", "1 hour 3 minutes", "20 seconds", in the language in use (app/clock-check.ts's rule). */
export function durationText(ms: number): string {
  const total = Math.round(ms / 1000);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const parts = days
    ? [days && t('duration.days', { count: days }), hours && t('duration.hours', { count: hours })]
    : hours
      ? [t('duration.hours', { count: hours }), minutes && t('duration.minutes', { count: minutes })]
      : [minutes && t('duration.minutes', { count: minutes }), seconds && t('duration.seconds', { count: seconds })];
  return parts.filter(Boolean).join(' ') || t('duration.seconds', { count: 0 });
}
