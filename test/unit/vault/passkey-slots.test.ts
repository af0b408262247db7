/**
 * Passkey slots: HKDF-SHA256 of the PRF output wraps the master key (docs/vault-format.md, "Passkey slots").
 * The fixed vector is the one the docs print; node:crypto recomputes every other one independently.
 */
import { createCipheriv, hkdfSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { passkeySlotKey, unlockPasskeySlot } from '../../../src/vault/passkey-slots';
import {
  changePassword,
  createVault,
  FLOOR_KDF,
  importMasterKey,
  masterKeyBytes,
  openRecord,
  parseHeader,
  passkeySlots,
  sealPasskeySlot,
  sealRecord,
  unlockVault,
  unlockWithPasskey,
  withoutPasskeySlot,
  withPasskeySlot,
  withPasskeyUsed,
  type PasskeySlot,
  type VaultHeader,
} from '../../../src/vault/vault';
import { expectRefusal, flipByte, fromHex, hex, seededRandom } from './fixtures';

/** The worked example's master key (docs/vault-format.md), wrapped here by a passkey slot. */
const MASTER_KEY_HEX = '07a989b900c85c3f0099eb3e58404e16b2f43f67a463fff048e7eaeba28fd0c8';
const VECTOR = {
  slotId: '9f86d081884c7d659a2feaa0c55ad015',
  prfOutput: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
  info: 'latchkey:v1:passkey-slot:9f86d081884c7d659a2feaa0c55ad015',
  slotKey: 'b22f0da1e31cfb74c1a61fb72ef7e420e67f3bbf62ac5bc852fc39d156e5a2c7',
  nonce: 'a0a1a2a3a4a5a6a7a8a9aaab',
  ciphertext: '278c6230b04870a9b27db031458b9b5f58a274efd959e4d213617d25395ce9c060fcec011142f49572bc155e2da51310',
};

/** A random source that hands out the given bytes first (the nonce), then seeded ones. */
function givenFirst(first: Uint8Array<ArrayBuffer>) {
  const rest = seededRandom(5);
  let used = false;
  return (length: number) => {
    if (!used && length === first.length) {
      used = true;
      return first.slice();
    }
    return rest(length);
  };
}

function nodeSlotKey(prfOutput: Uint8Array, slotId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', prfOutput, new Uint8Array(0), `latchkey:v1:passkey-slot:${slotId}`, 32));
}

function nodeWrap(key: Buffer, nonce: Uint8Array, slotId: string, masterKey: Uint8Array): string {
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(Buffer.from(`latchkey:v1:slot:${slotId}`));
  return Buffer.concat([cipher.update(masterKey), cipher.final(), cipher.getAuthTag()]).toString('hex');
}

async function slotFor(slotId: string, prfOutput: Uint8Array, nonce = fromHex(VECTOR.nonce)): Promise<PasskeySlot> {
  return sealPasskeySlot({
    id: slotId,
    credentialId: fromHex('c0ffee'),
    salt: new Uint8Array(32).fill(9),
    label: 'This device',
    createdAt: 1_735_689_600_000,
    masterKeyBytes: fromHex(MASTER_KEY_HEX),
    prfOutput,
    random: givenFirst(nonce),
  });
}

describe('the HKDF derivation and the wrap, against fixed vectors', () => {
  it('matches the documented vector: HKDF-SHA256, empty salt, the slot id in info', async () => {
    expect(nodeSlotKey(fromHex(VECTOR.prfOutput), VECTOR.slotId).toString('hex')).toBe(VECTOR.slotKey);
    const slot = await slotFor(VECTOR.slotId, fromHex(VECTOR.prfOutput));
    expect(hex(slot.wrapped.nonce)).toBe(VECTOR.nonce);
    expect(hex(slot.wrapped.ciphertext)).toBe(VECTOR.ciphertext);
  });

  it.each([
    ['another slot id', 'a-slot', fromHex(VECTOR.prfOutput)],
    ['another PRF output', VECTOR.slotId, new Uint8Array(32).fill(0xa5)],
    ['both', '0123456789abcdef0123456789abcdef', seededRandom(11)(32)],
  ])('wraps as node:crypto does with %s', async (_name, slotId, prfOutput) => {
    const slot = await slotFor(slotId, prfOutput);
    const expected = nodeWrap(nodeSlotKey(prfOutput, slotId), fromHex(VECTOR.nonce), slotId, fromHex(MASTER_KEY_HEX));
    expect(hex(slot.wrapped.ciphertext)).toBe(expected);
  });

  it('keeps the derived key non-extractable and refuses a PRF output that is not 32 bytes', async () => {
    const key = await passkeySlotKey(fromHex(VECTOR.prfOutput), VECTOR.slotId, 'encrypt');
    expect(key.extractable).toBe(false);
    await expect(passkeySlotKey(new Uint8Array(16), VECTOR.slotId, 'encrypt')).rejects.toThrow(TypeError);
  });
});

describe('unlocking a passkey slot', () => {
  let slot: PasskeySlot;
  beforeAll(async () => {
    slot = await slotFor(VECTOR.slotId, fromHex(VECTOR.prfOutput));
  });

  it('opens what the master key sealed, as a non-extractable key', async () => {
    const sealed = await sealRecord(await importMasterKey(fromHex(MASTER_KEY_HEX)), 'acct:1', { issuer: 'Example' });
    const key = await unlockPasskeySlot(slot, fromHex(VECTOR.prfOutput));
    expect(key?.extractable).toBe(false);
    expect(await openRecord(key!, sealed)).toEqual({ issuer: 'Example' });
  });

  it.each<[string, () => [PasskeySlot, Uint8Array]]>([
    ['another PRF output', () => [slot, flipByte(fromHex(VECTOR.prfOutput), 31)]],
    [
      'a changed wrapped key',
      () => [
        { ...slot, wrapped: { ...slot.wrapped, ciphertext: flipByte(slot.wrapped.ciphertext, 3) } },
        fromHex(VECTOR.prfOutput),
      ],
    ],
    [
      'a changed nonce',
      () => [{ ...slot, wrapped: { ...slot.wrapped, nonce: flipByte(slot.wrapped.nonce) } }, fromHex(VECTOR.prfOutput)],
    ],
    ['the wrap moved under another slot id', () => [{ ...slot, id: 'another-slot' }, fromHex(VECTOR.prfOutput)]],
  ])('gives null for %s', async (_name, make) => {
    const [tampered, prfOutput] = make();
    expect(await unlockPasskeySlot(tampered, prfOutput)).toBeNull();
  });
});

describe('passkey slots in the header', () => {
  const PASSWORD = 'pw';
  const prfA = new Uint8Array(32).fill(1);
  const prfB = new Uint8Array(32).fill(2);
  let header: VaultHeader;
  let withTwo: VaultHeader;

  async function passkey(base: VaultHeader, id: string, credential: string, prfOutput: Uint8Array) {
    const bytes = await masterKeyBytes(base, PASSWORD);
    const slot = await sealPasskeySlot({
      id,
      credentialId: fromHex(credential),
      salt: seededRandom(2)(32),
      label: `Key ${id}`,
      createdAt: 1,
      masterKeyBytes: bytes,
      prfOutput,
      random: seededRandom(3),
    });
    return withPasskeySlot(base, slot);
  }

  beforeAll(async () => {
    ({ header } = await createVault(PASSWORD, { kdf: FLOOR_KDF, random: seededRandom(4) }));
    withTwo = await passkey(await passkey(header, 'a', 'aa01', prfA), 'b', 'bb02', prfB);
  });

  it('round-trips through parseHeader, and the password still opens the vault', async () => {
    expect(parseHeader(structuredClone(withTwo))).toEqual(withTwo);
    expect(passkeySlots(withTwo).map((s) => [s.id, s.label, s.lastUsedAt])).toEqual([
      ['a', 'Key a', null],
      ['b', 'Key b', null],
    ]);
    await expect(unlockVault(withTwo, PASSWORD)).resolves.toBeTruthy();
  });

  it('tries only the slot of the credential the assertion names', async () => {
    expect((await unlockWithPasskey(withTwo, fromHex('bb02'), prfB)).slotId).toBe('b');
    // B's PRF output for A's credential: A's slot alone is tried, and it does not open.
    await expectRefusal(unlockWithPasskey(withTwo, fromHex('aa01'), prfB), 'passkey-damaged');
    await expectRefusal(unlockWithPasskey(withTwo, fromHex('cc03'), prfA), 'passkey-unknown');
  });

  it('refuses a removed passkey by name, keeps the other, and never removes the password slot', async () => {
    const without = withoutPasskeySlot(withTwo, 'a');
    expect(passkeySlots(without).map((s) => s.id)).toEqual(['b']);
    const error = await expectRefusal(unlockWithPasskey(without, fromHex('aa01'), prfA), 'passkey-unknown');
    expect(error.message).toMatch(/removed/);
    expect((await unlockWithPasskey(without, fromHex('bb02'), prfB)).slotId).toBe('b');
    const passwordId = header.slots[0]!.id;
    expect(withoutPasskeySlot(withTwo, passwordId).slots.map((s) => s.id)).toContain(passwordId);
  });

  it('records when a passkey was last used, and nothing else', () => {
    const used = withPasskeyUsed(withTwo, 'b', 1234);
    expect(passkeySlots(used).map((s) => s.lastUsedAt)).toEqual([null, 1234]);
    expect({ ...used.slots[2], lastUsedAt: null }).toEqual(withTwo.slots[2]);
  });

  it('keeps every passkey slot through a password change', async () => {
    const next = await changePassword(withTwo, PASSWORD, 'new password', { kdf: FLOOR_KDF });
    expect(passkeySlots(next)).toEqual(passkeySlots(withTwo));
    await expect(unlockWithPasskey(next, fromHex('aa01'), prfA)).resolves.toMatchObject({ slotId: 'a' });
  });

  it('holds at most seven passkeys beside the password', async () => {
    let full = withTwo;
    for (let i = 3; i <= 7; i++) full = await passkey(full, `k${i}`, `0${i}`, prfA);
    expect(full.slots).toHaveLength(8);
    const error = await expectRefusal(passkey(full, 'k8', '08', prfA), 'passkey-limit');
    expect(error.message).toMatch(/at most 7 passkeys/);
  });

  it('gives the raw master key only for the right password', async () => {
    expect(hex(await masterKeyBytes(withTwo, PASSWORD))).toHaveLength(64);
    await expectRefusal(masterKeyBytes(withTwo, 'wrong'), 'wrong-password');
  });
});
