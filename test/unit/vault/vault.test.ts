import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  changePassword,
  createVault,
  DEFAULT_KDF,
  FLOOR_KDF,
  openRecord,
  sealRecord,
  unlockVault,
  verifyPassword,
  type MasterKey,
  type PasswordSlot,
  type SealedRecord,
  type VaultHeader,
} from '../../../src/vault/vault';
import { expectRefusal, flipByte, passwordSlotOf, seededRandom } from './fixtures';
import { b32, accountId } from '../../support/brands';

const PASSWORD = 'correct horse battery staple';
const ACCOUNT = {
  id: accountId('acct:1'),
  issuer: 'Example',
  name: 'alice@example.com',
  secret: b32('JBSWY3DPEHPK3PXP'),
  digits: 6,
};

let header: VaultHeader;
let masterKey: MasterKey;
let record: SealedRecord;

beforeAll(async () => {
  ({ header, masterKey } = await createVault(PASSWORD, { kdf: FLOOR_KDF, random: seededRandom(7) }));
  record = await sealRecord(masterKey, 'acct:1', ACCOUNT);
});

describe('create and unlock', () => {
  it('creates a header with one password slot at the given costs and a fresh 16-byte salt', () => {
    expect(header.version).toBe(1);
    expect(header.slots).toHaveLength(1);
    expect(header.slots[0]).toMatchObject({ type: 'password', kdf: { algorithm: 'argon2id', ...FLOOR_KDF } });
    expect(passwordSlotOf(header).kdf.salt).toHaveLength(16);
    expect(header.slots[0]?.wrapped.ciphertext).toHaveLength(48);
  });

  it('keeps the master key non-extractable, when created and when unlocked', async () => {
    expect(masterKey.extractable).toBe(false);
    expect((await unlockVault(header, PASSWORD)).extractable).toBe(false);
  });

  it('unlocks with the password and opens what the creating session sealed', async () => {
    const key = await unlockVault(header, PASSWORD);
    expect(await openRecord(key, record)).toEqual(ACCOUNT);
  });

  it.each(['correct horse battery stapl', 'Correct horse battery staple', '', ' correct horse battery staple'])(
    'refuses the wrong password %j',
    async (wrong) => {
      const error = await expectRefusal(unlockVault(header, wrong), 'wrong-password');
      expect(error.message).toBe('That password is not right. Check it and try again; Caps Lock may be on.');
    },
  );

  it('verifies a password without unlocking anything', async () => {
    expect(await verifyPassword(header, PASSWORD)).toBe(true);
    expect(await verifyPassword(header, 'nope')).toBe(false);
  });

  it('refuses an empty password when creating', async () => {
    await expectRefusal(createVault('', { kdf: FLOOR_KDF }), 'empty-password');
  });

  it.each([
    ['too little memory', { memoryKiB: 8192 }],
    ['too many passes', { iterations: 50 }],
  ])('refuses to create a vault with %s', async (_name, kdf) => {
    await expectRefusal(createVault(PASSWORD, { kdf: { ...FLOOR_KDF, ...kdf } }), 'kdf-params');
  });

  it('gives a different salt, nonce and master key to each vault', async () => {
    const other = await createVault(PASSWORD, { kdf: FLOOR_KDF });
    expect(passwordSlotOf(other.header).kdf.salt).not.toEqual(passwordSlotOf(header).kdf.salt);
    await expectRefusal(openRecord(other.masterKey, record), 'damaged-record');
  });

  it('uses 64 MiB, 3 passes by default, and unlocks at the defaults', async () => {
    const created = await createVault(PASSWORD);
    expect(passwordSlotOf(created.header).kdf).toMatchObject(DEFAULT_KDF);
    const key = await unlockVault(created.header, PASSWORD);
    const sealed = await sealRecord(created.masterKey, 'state', { groups: ['Work'] });
    expect(await openRecord(key, sealed)).toEqual({ groups: ['Work'] });
  });
});

describe('records', () => {
  it.each([
    ['an account', ACCOUNT],
    ['unicode labels', { issuer: 'Bänk 🔑', name: '名前' }],
    ['an empty object', {}],
    ['an array', [1, 'two', null]],
    ['a string', 'plain'],
    ['a long note', { note: 'x'.repeat(10_000) }],
  ])('seals and opens %s', async (_name, value) => {
    const sealed = await sealRecord(masterKey, 'state', value);
    expect(await openRecord(masterKey, sealed)).toEqual(value);
  });

  it('awaits `between` between its steps (a large state is not sealed in one task), and opens the same', async () => {
    const encrypt = vi.spyOn(crypto.subtle, 'encrypt');
    const pauses: (() => void)[] = [];
    const between = () => new Promise<void>((resume) => pauses.push(resume));
    const value = { titles: { a: 'x'.repeat(1000) } };
    const sealing = sealRecord(masterKey, 'state', value, { between });
    for (const step of [1, 2]) {
      await vi.waitFor(() => expect(pauses).toHaveLength(step));
      expect(encrypt, `nothing encrypted while paused at step ${step}`).not.toHaveBeenCalled();
      pauses[step - 1]!();
    }
    const sealed = await sealing;
    expect(encrypt).toHaveBeenCalledOnce();
    expect(await openRecord(masterKey, sealed)).toEqual(value);
    encrypt.mockRestore();
  });

  it('uses a fresh nonce on every write of the same value', async () => {
    const a = await sealRecord(masterKey, 'acct:1', ACCOUNT);
    const b = await sealRecord(masterKey, 'acct:1', ACCOUNT);
    expect(a.nonce).not.toEqual(b.nonce);
    expect(a.data).not.toEqual(b.data);
  });

  it('pads stored sizes to 64-byte steps so label lengths do not show', async () => {
    const short = await sealRecord(masterKey, 'acct:1', { name: 'a' });
    const longer = await sealRecord(masterKey, 'acct:1', { name: 'a'.repeat(40) });
    expect(short.data.length).toBe(64 + 16);
    expect(longer.data.length).toBe(64 + 16);
  });

  it.each([
    ['a ciphertext byte', (r: SealedRecord) => ({ ...r, data: flipByte(r.data, 3) })],
    ['the tag', (r: SealedRecord) => ({ ...r, data: flipByte(r.data, -1) })],
    ['the nonce', (r: SealedRecord) => ({ ...r, nonce: flipByte(r.nonce) })],
    ['the id (a record copied under another id)', (r: SealedRecord) => ({ ...r, id: accountId('acct:2') })],
    ['the format version', (r: SealedRecord) => ({ ...r, v: 2 as 1 })],
    ['a truncated ciphertext', (r: SealedRecord) => ({ ...r, data: r.data.slice(0, 10) })],
    ['a short nonce', (r: SealedRecord) => ({ ...r, nonce: r.nonce.slice(0, 8) })],
    ['a missing field', ({ data: _data, ...r }: SealedRecord) => r as SealedRecord],
    ['not an object', () => null as unknown as SealedRecord],
  ])('refuses a record with a changed %s as damaged, naming nothing secret', async (_name, tamper) => {
    const error = await expectRefusal(openRecord(masterKey, tamper(record)), 'damaged-record');
    expect(error.message).not.toMatch(/Example|alice|JBSWY/);
  });

  it.each([
    ['an empty id', ''],
    ['an id with a space', 'acct: 1'],
  ])('rejects %s as a programming error', async (_name, id) => {
    await expect(sealRecord(masterKey, id, {})).rejects.toThrow(TypeError);
  });

  it('rejects a value JSON cannot hold', async () => {
    await expect(sealRecord(masterKey, 'state', undefined)).rejects.toThrow(TypeError);
  });
});

describe('header tampering', () => {
  const slotOf = passwordSlotOf;
  // Tables are built before beforeAll runs, so each entry is a function of the header made there.
  const withSlot = (patch: (s: PasswordSlot) => object) => (): VaultHeader => ({
    ...header,
    slots: [{ ...slotOf(header), ...patch(slotOf(header)) } as VaultHeader['slots'][number]],
  });

  it.each([
    [
      'a wrapped-key byte',
      withSlot((s) => ({ wrapped: { ...s.wrapped, ciphertext: flipByte(s.wrapped.ciphertext, 5) } })),
    ],
    [
      'the wrapped-key tag',
      withSlot((s) => ({ wrapped: { ...s.wrapped, ciphertext: flipByte(s.wrapped.ciphertext, -1) } })),
    ],
    ['the wrapping nonce', withSlot((s) => ({ wrapped: { ...s.wrapped, nonce: flipByte(s.wrapped.nonce) } }))],
    ['the slot id (bound as additional data)', withSlot(() => ({ id: accountId('another-slot') }))],
    ['the salt', withSlot((s) => ({ kdf: { ...s.kdf, salt: flipByte(s.kdf.salt) } }))],
    ['the passes, raised within bounds', withSlot((s) => ({ kdf: { ...s.kdf, iterations: 3 } }))],
  ])('a changed %s cannot be told from a wrong password', async (_name, tamper) => {
    await expectRefusal(unlockVault(tamper(), PASSWORD), 'wrong-password');
  });

  it.each([
    ['memory lowered below 19 MiB', withSlot((s) => ({ kdf: { ...s.kdf, memoryKiB: 1024 } }))],
    ['passes lowered to 1 at 19 MiB', withSlot((s) => ({ kdf: { ...s.kdf, iterations: 1 } }))],
    ['memory raised over 1 GiB', withSlot((s) => ({ kdf: { ...s.kdf, memoryKiB: 4 * 1024 * 1024 } }))],
    ['passes raised over 10', withSlot((s) => ({ kdf: { ...s.kdf, iterations: 1000 } }))],
    ['lanes raised over 4', withSlot((s) => ({ kdf: { ...s.kdf, parallelism: 16 } }))],
  ])('refuses costs with %s as kdf-params, for unlock, verify and change', async (_name, tamper) => {
    const tampered = tamper();
    await expectRefusal(unlockVault(tampered, PASSWORD), 'kdf-params');
    await expectRefusal(verifyPassword(tampered, PASSWORD), 'kdf-params');
    await expectRefusal(changePassword(tampered, PASSWORD, 'new', { kdf: FLOOR_KDF }), 'kdf-params');
  });

  it('refuses a malformed header as bad-header', async () => {
    const { slots: _slots, ...noSlots } = header;
    const error = await expectRefusal(unlockVault(noSlots as VaultHeader, PASSWORD), 'bad-header');
    expect(error.message).toMatch(/^The vault header is damaged/);
  });
});

describe('change password', () => {
  it('makes the old password stop working, the new one work, and keeps records readable', async () => {
    const next = await changePassword(header, PASSWORD, 'a new passphrase', { kdf: FLOOR_KDF });
    await expectRefusal(unlockVault(next, PASSWORD), 'wrong-password');
    const key = await unlockVault(next, 'a new passphrase');
    expect(await openRecord(key, record)).toEqual(ACCOUNT);
    expect(next.slots[0]?.id).toBe(header.slots[0]?.id);
    expect(passwordSlotOf(next).kdf.salt).not.toEqual(passwordSlotOf(header).kdf.salt);
    expect(next.slots[0]?.wrapped.nonce).not.toEqual(header.slots[0]?.wrapped.nonce);
    // The header given in is untouched: nothing changes until the caller stores the new one.
    expect(await verifyPassword(header, PASSWORD)).toBe(true);
  });

  it('refuses a wrong old password and an empty new one', async () => {
    await expectRefusal(changePassword(header, 'wrong', 'new', { kdf: FLOOR_KDF }), 'wrong-password');
    await expectRefusal(changePassword(header, PASSWORD, '', { kdf: FLOOR_KDF }), 'empty-password');
  });

  it('can raise the costs while changing the password', async () => {
    const kdf = { memoryKiB: 47104, iterations: 1, parallelism: 1 };
    const next = await changePassword(header, PASSWORD, 'stronger', { kdf });
    expect(passwordSlotOf(next).kdf).toMatchObject(kdf);
    expect(await verifyPassword(next, 'stronger')).toBe(true);
  });
});
