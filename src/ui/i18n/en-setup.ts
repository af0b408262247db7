/**
 * English for the first run and the password fields and screens shared with the unlocked app (lazy: it loads with
 * the first-run screen or the unlocked app, whichever comes first, registered with the runtime by uses-setup.ts).
 */
export const setupMessages = {
  'common.confirmPassword': 'Confirm password',
  'common.back': 'Back',
  'common.continue': 'Continue',
  'common.creatingVault': 'Creating vault…',
  'common.updatedElsewhere':
    'Latchkey was updated in another tab, so this tab cannot open this screen. Reload to use the new version; nothing you saved is lost.',
  'common.screenNotLoaded':
    'This part of Latchkey could not be loaded. Check your connection, then reload; after that it works offline.',
  'setup.title': 'Welcome to Latchkey',
  'setup.intro': 'Choose a password. It encrypts every account on this device; nobody else ever sees it.',
  'setup.noRecovery': 'Latchkey cannot recover a forgotten password. Keep it safe, and back up once you have accounts.',
  'setup.create': 'Create vault',
  'setup.or': 'or',
  'setup.restore': 'Restore from a backup',
  'setup.join': 'Join a synced vault',
  'password.atLeast': 'At least {min} characters.',
  'password.tooShortError': 'The password is too short: use at least {min} characters.',
  'password.mismatch': 'The two passwords do not match. Type the same password in both fields.',
  'password.tooShort': 'Too short: use at least {min} characters.',
  'password.common': 'Weak: this is a common password.',
  'password.strong': 'Strong.',
  'password.good': 'Good. A longer passphrase is even better.',
  'password.fair': 'Fair: a longer passphrase of several words is much harder to guess.',
} as const;
