import { language } from './t';

/** A date and time in the language in use (Intl), e.g. for when the last backup was made. */
export function dateTimeText(ms: number): string {
  return new Date(ms).toLocaleString(language.value);
}

/** A time of day in the language in use. */
export function timeText(ms: number): string {
  return new Date(ms).toLocaleTimeString(language.value);
}

/** A day in the language in use, e.g. "7 Dec 2026". */
export function dateText(ms: number): string {
  return new Date(ms).toLocaleDateString(language.value, { dateStyle: 'medium' });
}
