import { t } from '../i18n/t';

/**
 * A passkey's name in the language in use. The name is stored when the passkey is added, in the words of
 * app/session/passkeys.ts's `passkeyLabel()` ("This device (Windows)", "Security key or phone", "Passkey added
 * 2026-12-07"): those words stand for a kind of authenticator and are said afresh here; any other name is shown as
 * it is.
 */
export function passkeyName(label: string): string {
  const device = /^This device(?: \((.+)\))?$/.exec(label);
  if (device) return device[1] ? t('passkeys.thisDeviceOn', { system: device[1] }) : t('passkeys.thisDevice');
  if (label === 'Security key or phone') return t('passkeys.securityKey');
  const added = /^Passkey added (\d{4}-\d\d-\d\d)$/.exec(label);
  return added ? t('passkeys.addedLabel', { date: added[1]! }) : label;
}
