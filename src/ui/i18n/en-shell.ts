/**
 * English for the lock screen, storage problems and the shared components they use: eager, because these draw
 * before anything else loads. The first run's English is in en-setup.ts, loaded with it. Everything the unlocked app says is in en-app.ts (lazy).
 * Placeholders are `{name}`; a message that counts is `{ one, other }` (docs/i18n.md).
 */
export const shellMessages = {
  'common.password': 'Password',
  'common.cancel': 'Cancel',
  'common.reload': 'Reload',
  'common.somethingWrong': 'Something went wrong. Nothing was changed. Please try again.',
  'common.partNotLoaded':
    'Part of Latchkey could not be loaded. Check your connection once, then reload; after that it works offline.',
  'lock.title': 'Latchkey is locked',
  'lock.prompt': 'Type your password to see your codes.',
  'lock.promptPasskey': 'Use your passkey, or type your password, to see your codes.',
  'lock.withPasskey': 'Unlock with passkey',
  'lock.waitingPasskey': 'Waiting for your passkey…',
  'lock.orPassword': 'or type your password',
  'lock.typePassword': 'Type your password to unlock.',
  'lock.unlock': 'Unlock',
  'lock.unlocking': 'Unlocking…',
  'lock.addFromLink': 'Unlock to add the account from the link you opened.',
  'lock.noStorage': 'Latchkey cannot open its storage',
} as const;
