/** What the lock screen and settings show of the passkeys, from the header alone, and how each one is named. */
import { beforeAll, describe, expect, it } from 'vitest';
import { passkeyLabel } from '../../../../src/app/session/passkeys';
import { passkeysOf } from '../../../../src/app/session/session-passkeys';
import { createVault, FLOOR_KDF, type PasskeySlot, type VaultHeader } from '../../../../src/vault/vault';
import { seededRandom } from '../../vault/fixtures';

const ADDED = Date.UTC(2026, 11, 7, 8, 30);

describe('passkeyLabel', () => {
  it.each<[string | null, string | undefined, string]>([
    ['platform', 'Android', 'This device (Android)'],
    ['platform', undefined, 'This device'],
    ['cross-platform', 'Windows', 'Security key or phone'],
    [null, 'macOS', 'Passkey added 2026-12-07'],
    ['something new', undefined, 'Passkey added 2026-12-07'],
  ])('%s on %s → %s', (attachment, system, label) => {
    expect(passkeyLabel(attachment, ADDED, system)).toBe(label);
  });
});

describe('passkeysOf', () => {
  let header: VaultHeader;
  const slot = (id: string, credential: number, lastUsedAt: number | null): PasskeySlot => ({
    id,
    type: 'passkey',
    credentialId: new Uint8Array([credential]),
    salt: new Uint8Array(32).fill(credential),
    label: `Key ${id}`,
    createdAt: ADDED,
    lastUsedAt,
    wrapped: { nonce: new Uint8Array(12), ciphertext: new Uint8Array(48) },
  });
  beforeAll(async () => {
    ({ header } = await createVault('pw', { kdf: FLOOR_KDF, random: seededRandom(4) }));
  });

  it('lists each passkey slot, nothing of the password slot, no byte field', () => {
    const withTwo = { ...header, slots: [...header.slots, slot('a', 1, null), slot('b', 2, ADDED + 1)] };
    expect(passkeysOf(withTwo)).toEqual([
      { id: 'a', label: 'Key a', createdAt: ADDED, lastUsedAt: null },
      { id: 'b', label: 'Key b', createdAt: ADDED, lastUsedAt: ADDED + 1 },
    ]);
  });

  it.each<[string, unknown]>([
    ['no header (a new vault)', null],
    ['only the password slot', 'password-only'],
    ['a damaged header (unlocking says so)', { version: 1, slots: [{ type: 'passkey' }] }],
  ])('is empty with %s', (_name, value) => {
    expect(passkeysOf(value === 'password-only' ? header : value)).toEqual([]);
  });
});
