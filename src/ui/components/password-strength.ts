/**
 * A quick, honest hint rather than a gate: length matters most, and common passwords are called out.
 * (zxcvbn would be better but costs ~400 KB, and the first-run screen is on the first paint: rule 7.)
 */
const COMMON = ['password', '12345678', 'qwerty', 'letmein', 'iloveyou', 'admin', 'welcome', 'abc12345'];

export const MIN_PASSWORD_LENGTH = 8;

/** What is wrong with a new password and its confirmation, or null: shared by first run and change password. */
export function newPasswordProblem(password: string, confirm: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `The password is too short: use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (password !== confirm) return 'The two passwords do not match. Type the same password in both fields.';
  return null;
}

export type Strength = { score: 0 | 1 | 2 | 3; label: string };

export function passwordStrength(password: string): Strength {
  if (password.length < 8) return { score: 0, label: 'Too short: use at least 8 characters.' };
  const lower = password.toLowerCase();
  if (COMMON.some((word) => lower.includes(word))) return { score: 0, label: 'Weak: this is a common password.' };
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  const unique = new Set(password).size;
  if (password.length >= 16 && unique >= 8) return { score: 3, label: 'Strong.' };
  if (password.length >= 12 && classes >= 2 && unique >= 6)
    return { score: 2, label: 'Good. A longer passphrase is even better.' };
  return { score: 1, label: 'Fair: a longer passphrase of several words is much harder to guess.' };
}
