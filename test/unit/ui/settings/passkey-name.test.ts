/** A passkey's stored name is said in the language in use when it is one of the names Latchkey gives. */
import { afterEach, describe, expect, it } from 'vitest';
import { passkeyLabel } from '../../../../src/app/session/passkeys';
import { loadCatalog } from '../../../../src/ui/i18n/chunks';
import { shellMessages } from '../../../../src/ui/i18n/en-shell';
import { setCatalog } from '../../../../src/ui/i18n/t';
import '../../../../src/ui/i18n/uses-app';
import { passkeyName } from '../../../../src/ui/settings/passkey-name';

const added = Date.UTC(2026, 11, 7);

afterEach(() => setCatalog('en', {}));

describe('passkeyName', () => {
  it.each([
    [passkeyLabel('platform', added, 'Windows'), 'This device (Windows)', 'Dieses Gerät (Windows)'],
    [passkeyLabel('platform', added), 'This device', 'Dieses Gerät'],
    [passkeyLabel('cross-platform', added), 'Security key or phone', 'Sicherheitsschlüssel oder Telefon'],
    [passkeyLabel(null, added), 'Passkey added 2026-12-07', 'Passkey hinzugefügt am 2026-12-07'],
    ['My YubiKey', 'My YubiKey', 'My YubiKey'],
    ['This device is mine', 'This device is mine', 'This device is mine'],
  ])('%s: English %s, German %s', async (label, english, german) => {
    expect(passkeyName(label)).toBe(english);
    setCatalog('de', await loadCatalog('de', shellMessages));
    expect(passkeyName(label)).toBe(german);
  });
});
