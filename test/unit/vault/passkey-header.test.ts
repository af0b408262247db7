/** A passkey slot is parsed as strictly as a password slot: exactly its fields, each of its type and size. */
import { beforeAll, describe, expect, it } from 'vitest';
import { isLatchkeyError } from '../../../src/core/errors';
import { createVault, FLOOR_KDF, parseHeader, type PasskeySlot, type VaultHeader } from '../../../src/vault/vault';
import { seededRandom } from './fixtures';

let header: VaultHeader;

const PASSKEY: PasskeySlot = {
  id: 'pk1',
  type: 'passkey',
  credentialId: new Uint8Array([1, 2, 3]),
  salt: new Uint8Array(32).fill(7),
  label: 'This device',
  createdAt: 1_735_689_600_000,
  lastUsedAt: null,
  wrapped: { nonce: new Uint8Array(12), ciphertext: new Uint8Array(48) },
};

beforeAll(async () => {
  ({ header } = await createVault('pw', { kdf: FLOOR_KDF, random: seededRandom(3) }));
});

type Change = (slot: Record<string, unknown>) => void;

const MALFORMED: [string, string, Change][] = [
  ['an unknown field', 'slots[1]', (s) => (s.name = 'x')],
  ['a missing lastUsedAt', 'slots[1]', (s) => delete s.lastUsedAt],
  ['an empty credential id', 'slots[1].credentialId', (s) => (s.credentialId = new Uint8Array(0))],
  ['a 1024-byte credential id', 'slots[1].credentialId', (s) => (s.credentialId = new Uint8Array(1024))],
  ['a Base64 credential id', 'slots[1].credentialId', (s) => (s.credentialId = 'AQID')],
  ['a 16-byte salt', 'slots[1].salt', (s) => (s.salt = new Uint8Array(16))],
  ['an empty label', 'slots[1].label', (s) => (s.label = '')],
  ['a label of 101 characters', 'slots[1].label', (s) => (s.label = 'x'.repeat(101))],
  ['a label that is not text', 'slots[1].label', (s) => (s.label = 5)],
  ['a fractional createdAt', 'slots[1].createdAt', (s) => (s.createdAt = 1.5)],
  ['a negative lastUsedAt', 'slots[1].lastUsedAt', (s) => (s.lastUsedAt = -1)],
  ['a lastUsedAt as text', 'slots[1].lastUsedAt', (s) => (s.lastUsedAt = '2026-01-01')],
  [
    'a 47-byte wrapped key',
    'slots[1].wrapped.ciphertext',
    (s) => (s.wrapped = { ...PASSKEY.wrapped, ciphertext: new Uint8Array(47) }),
  ],
  ['a KDF, as a password slot has', 'slots[1]', (s) => (s.kdf = {})],
];

function refusedAt(value: unknown): string | undefined {
  try {
    parseHeader(value);
  } catch (error) {
    expect(isLatchkeyError(error, 'bad-header')).toBe(true);
    return (error as { detail: { field: string } }).detail.field;
  }
  return undefined;
}

describe('parseHeader with a passkey slot', () => {
  it('accepts a password slot and a passkey slot, used or not, and returns an independent copy', () => {
    const used = { ...PASSKEY, id: 'pk2', credentialId: new Uint8Array([9]), lastUsedAt: 1_735_689_700_000 };
    const value = { ...header, slots: [...header.slots, PASSKEY, used] };
    const parsed = parseHeader(structuredClone(value));
    expect(parsed).toEqual(value);
    expect((parsed.slots[1] as PasskeySlot).credentialId).not.toBe(PASSKEY.credentialId);
  });

  it.each(MALFORMED)('refuses %s as bad-header', (_name, field, change) => {
    const slot = structuredClone(PASSKEY) as unknown as Record<string, unknown>;
    change(slot);
    expect(refusedAt({ ...header, slots: [...header.slots, slot] })).toBe(field);
  });

  it('refuses a header with passkey slots but no password slot: the password always opens the vault', () => {
    expect(refusedAt({ ...header, slots: [PASSKEY] })).toBe('slots.type');
  });

  it('refuses two passkey slots for one credential, which would make an assertion ambiguous', () => {
    expect(refusedAt({ ...header, slots: [...header.slots, PASSKEY, { ...PASSKEY, id: 'pk2' }] })).toBe(
      'slots.credentialId',
    );
  });
});
