/**
 * English for the codes of Latchkey's errors (core/errors.ts), said in another language instead of the error's own
 * English sentence (components/Alert.tsx). Not eager: English speakers read the error's sentence, which has more
 * detail, and every other language's chunk carries its own. The compiler holds it to every code: a new code without
 * a sentence here does not build.
 */
import type { ErrorCode } from '../../core/errors';

export const errorMessages = {
  'error.not-otpauth': 'This is not an account link (otpauth://).',
  'error.input-too-long': 'This is too long to be an account link or secret key.',
  'error.missing-secret': 'The secret key is missing.',
  'error.bad-secret': 'The secret key is not valid. Check it and type it again.',
  'error.bad-digits': 'The number of digits is not valid: a code has 6 to 10 digits.',
  'error.bad-period': 'The period is not valid: use a whole number of seconds, at least 1.',
  'error.bad-counter': 'The counter is not valid: use a whole number from 0 up.',
  'error.bad-algorithm': 'Latchkey does not support this algorithm.',
  'error.bad-type': 'Latchkey does not know this code type.',
  'error.bad-label': 'The issuer or account name is not valid.',
  'error.wrong-password': 'That password is not right. Try again.',
  'error.bad-header': 'The vault on this device is damaged or from a newer version of Latchkey.',
  'error.kdf-params': 'The password settings of this file are outside the limits Latchkey accepts.',
  'error.damaged-record': 'An account could not be read: it may have been changed or removed in another tab.',
  'error.storage-unavailable':
    'This browser does not let Latchkey store data here. Open Latchkey in a normal window, or allow site data for it, and try again.',
  'error.quota-exceeded':
    'Your device is out of storage space for Latchkey. Nothing was saved; free some space and try again.',
  'error.locked': 'The vault is locked. Unlock it and try again.',
  'error.empty-password': 'Choose a password; it cannot be empty. Nothing was changed.',
  'error.kdf-failed': 'The password could not be checked on this device. Reload the page and try again.',
  'error.reload-needed': 'Latchkey was updated in another tab. Reload this page; what was saved before is safe.',
  'error.unsupported-format': 'Latchkey does not recognise this file. Choose a backup or an export of another app.',
  'error.damaged-file': 'The file looks damaged or cut short. Export it again.',
  'error.password-required': 'This file is encrypted: type its password.',
  'error.bad-migration': 'This Google Authenticator export could not be read. Export it again.',
  'error.too-large': 'The file is too large or holds too many accounts to read safely.',
  'error.entry-skipped': 'It was left out: the other app had it in its trash.',
  'error.passkey-unknown':
    'That passkey does not open this vault: it was removed from Latchkey, or it belongs to another vault. Use another passkey, or your password.',
  'error.passkey-damaged':
    'This passkey’s entry in the vault is damaged, so the passkey cannot open it. Unlock with your password, then remove this passkey and add it again.',
  'error.passkey-limit': 'Latchkey keeps only a few passkeys. Remove one in Settings before adding another.',
  'error.passkey-cancelled':
    'The passkey was not used: it was cancelled, timed out or could not verify you. Nothing was changed; try again, or use your password.',
  'error.passkey-unsupported':
    'This browser or authenticator cannot make a passkey that opens Latchkey. Nothing was changed; your password still opens it.',
  'error.passkey-exists':
    'This authenticator already holds a passkey for this vault. Use another device or security key, or remove that passkey first.',
  'error.sync-failed': 'Sync could not be done. Nothing here was changed; try again.',
  'error.sync-blocks':
    'Re-encrypting makes a new key that your other devices and the synced copy do not have, so it cannot be done while sync is on. Turn sync off in Settings → Sync first; afterwards, connect to a new, empty folder and join it from your other devices. Nothing was changed.',
  'error.icon.unsupported-format':
    'This file is not a picture Latchkey can use as an icon. Choose a PNG, JPEG or WebP image, or a plain SVG file.',
  'error.icon.too-large': 'This picture has too much detail to keep as an icon. Choose a simpler one, such as a logo.',
  'error.icon.damaged-file':
    'This SVG picture could not be read as plain SVG. Save it again as plain SVG, or choose a PNG or JPEG.',
  'error.iconPack.unsupported-format':
    'This file is not an Aegis icon pack (a zip with pack.json). Choose the icon pack file itself.',
  'error.iconPack.too-large': 'This icon pack holds more icons than Latchkey keeps in one pack.',
  'error.iconPack.damaged-file': 'The icon pack looks damaged or cut short. Get the file again.',
} as const satisfies Record<`error.${ErrorCode}`, string> & Record<`error.${string}`, string>;
