/**
 * A quick, honest hint rather than a gate: length matters most, and common passwords are called out.
 * (zxcvbn would be better but costs ~400 KB, and the first-run screen is on the first paint: rule 7.)
 */
import { t } from '../i18n/t';
import '../i18n/uses-setup';

const COMMON = ['password', '12345678', 'qwerty', 'letmein', 'iloveyou', 'admin', 'welcome', 'abc12345'];

export const MIN_PASSWORD_LENGTH = 8;

/** What is wrong with a new password and its confirmation, or null: shared by first run and change password. */
export function newPasswordProblem(password: string, confirm: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return t('password.tooShortError', { min: MIN_PASSWORD_LENGTH });
  }
  if (password !== confirm) return t('password.mismatch');
  return null;
}

export type Strength = { score: 0 | 1 | 2 | 3; label: string };

export function passwordStrength(password: string): Strength {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return { score: 0, label: t('password.tooShort', { min: MIN_PASSWORD_LENGTH }) };
  }
  const lower = password.toLowerCase();
  if (COMMON.some((word) => lower.includes(word))) return { score: 0, label: t('password.common') };
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const unique = new Set(password).size;
  if (password.length >= 16 && unique >= 8) return { score: 3, label: t('password.strong') };
  if (password.length >= 12 && classes >= 2 && unique >= 6) return { score: 2, label: t('password.good') };
  return { score: 1, label: t('password.fair') };
}
