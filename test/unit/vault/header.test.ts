import { beforeAll, describe, expect, it } from 'vitest';
import {
  createVault,
  FLOOR_KDF,
  openRecord,
  parseHeader,
  unlockVault,
  type VaultHeader,
} from '../../../src/vault/vault';
import { isLatchkeyError } from '../../../src/core/errors';
import { expectHumanSentence, passwordSlotOf, seededRandom } from './fixtures';

let header: VaultHeader;

beforeAll(async () => {
  ({ header } = await createVault('pw', { kdf: FLOOR_KDF, random: seededRandom(3) }));
});

type Mutation = (h: Record<string, unknown>, slot: Record<string, unknown>) => unknown;

/** Sets `kdf.salt`-style paths inside the first slot and returns the header. */
const setSlot =
  (path: string, value: unknown): Mutation =>
  (h, slot) => {
    const [group, field] = path.split('.') as [string, string];
    (slot[group] as Record<string, unknown>)[field] = value;
    return h;
  };

/** Each entry damages a deep copy of a valid header in one way; `field` is what the refusal should point at. */
const MALFORMED: [string, string, Mutation][] = [
  ['null', 'header', () => null],
  ['an array', 'header', () => []],
  ['a string', 'header', () => 'header'],
  ['a missing version', 'header', (h) => ({ slots: h.slots })],
  ['version 0', 'version', (h) => ({ ...h, version: 0 })],
  ['version "1" as text', 'version', (h) => ({ ...h, version: '1' })],
  ['an unknown top-level field', 'header', (h) => ({ ...h, extra: true })],
  ['no slots', 'slots', (h) => ({ ...h, slots: [] })],
  ['slots not a list', 'slots', (h) => ({ ...h, slots: {} })],
  ['nine slots', 'slots', (h, s) => ({ ...h, slots: Array.from({ length: 9 }, (_, i) => ({ ...s, id: `s${i}` })) })],
  ['two slots with one id', 'slots.id', (h, s) => ({ ...h, slots: [s, s] })],
  ['an unknown slot type', 'slots[0].type', (_h, s) => ((s.type = 'fingerprint'), _h)],
  ['a password slot typed as a passkey', 'slots[0]', (_h, s) => ((s.type = 'passkey'), _h)],
  ['a slot id with a colon', 'slots[0].id', (_h, s) => ((s.id = 'a:b'), _h)],
  ['argon2i instead of argon2id', 'slots[0].kdf.algorithm', setSlot('kdf.algorithm', 'argon2i')],
  ['a 64-byte output', 'slots[0].kdf.hashLength', setSlot('kdf.hashLength', 64)],
  ['an 8-byte salt', 'slots[0].kdf.salt', setSlot('kdf.salt', new Uint8Array(8))],
  ['a Base64 salt', 'slots[0].kdf.salt', setSlot('kdf.salt', 'AAAAAAAAAAAAAAAAAAAAAA==')],
  ['fractional memory', 'slots[0].kdf.memoryKiB', setSlot('kdf.memoryKiB', 19456.5)],
  ['negative passes', 'slots[0].kdf.iterations', setSlot('kdf.iterations', -2)],
  ['lanes as text', 'slots[0].kdf.parallelism', setSlot('kdf.parallelism', '1')],
  ['an 11-byte nonce', 'slots[0].wrapped.nonce', setSlot('wrapped.nonce', new Uint8Array(11))],
  ['a 47-byte wrapped key', 'slots[0].wrapped.ciphertext', setSlot('wrapped.ciphertext', new Uint8Array(47))],
  ['no wrapped key', 'slots[0]', (_h, s) => (delete s.wrapped, _h)],
];

function damagedCopy(mutate: Mutation): unknown {
  const copy = structuredClone(header) as unknown as Record<string, unknown>;
  return mutate(copy, (copy.slots as Record<string, unknown>[])[0]!);
}

describe('parseHeader', () => {
  it('returns an equal, independent copy of a valid header', () => {
    const parsed = parseHeader(structuredClone(header));
    expect(parsed).toEqual(header);
    expect(passwordSlotOf(parsed).kdf.salt).not.toBe(passwordSlotOf(header).kdf.salt);
  });

  it('accepts byte fields stored as ArrayBuffers', () => {
    const copy = structuredClone(header);
    const slot = passwordSlotOf(copy);
    (slot.kdf as { salt: unknown }).salt = slot.kdf.salt.buffer;
    expect(parseHeader(copy)).toEqual(header);
  });

  it.each(MALFORMED)('refuses %s as bad-header', (_name, field, mutate) => {
    const damaged = damagedCopy(mutate);
    let thrown: unknown;
    try {
      parseHeader(damaged);
    } catch (error) {
      thrown = error;
    }
    expect(isLatchkeyError(thrown, 'bad-header')).toBe(true);
    const error = thrown as { message: string; detail: { field: string } };
    expectHumanSentence(error.message);
    expect(error.message).toMatch(/^The vault header is damaged/);
    expect(error.detail.field).toBe(field);
  });

  it('says a header from a newer version needs a reload, not that it is damaged', () => {
    let thrown: unknown;
    try {
      parseHeader({ ...header, version: 2 });
    } catch (error) {
      thrown = error;
    }
    expect(isLatchkeyError(thrown, 'bad-header')).toBe(true);
    expect((thrown as Error).message).toMatch(/newer version of Latchkey\. Reload the page/);
  });
});

/** The worked example of docs/vault-format.md, as the DevTools snippet there dumps it (bytes in Base64). */
const DOC_EXAMPLE = {
  header: {
    version: 1,
    slots: [
      {
        id: '3ecffa0346616b761ca2c3521c79dab5',
        type: 'password',
        kdf: {
          algorithm: 'argon2id',
          memoryKiB: 65536,
          iterations: 3,
          parallelism: 1,
          salt: 'FY/wfqpwEtKdzQV6vADnDA==',
          hashLength: 32,
        },
        wrapped: {
          nonce: '7JRJgJhXdKpvUCi6',
          ciphertext: 'dXJTrakLadYCFiF9ywgRVKaf0iq1nZzs64rrODtjHWrg72EAsJwLu/yFARUaLqYp',
        },
      },
    ],
  },
  record: {
    id: 'acct:5b0d2c9e-1f4a-4c3b-9a8e-2d6f7c1b0e93',
    v: 1,
    nonce: 'NZv0uC76BZ1LpAh8',
    data:
      'RvMzlT5AXD7zoJAE5bK5g/VMS3lEcnm7CTu3ftdPjwUhshDraCsrJa2tEEpctkkLv0RuniRhDic+fzTWXW8NITS9jlUM+G2hDp+Egh4jAkeponki' +
      'XWblYM2Fgr76bmIVhMNKO1b27teFa9hvC0yHoite9gEWWk2ZPYGmeqS08OPK5YxuNHpC49tQz83M/YcN8aBb9dMlxVcVHp/N7Nq6L2/oPfApQtPo' +
      'dOq11rZUsQvzJeCuAUmbcxZn78iKNrSU3xRG1KOEhCUOSTOpmqXPXNLi8VQc4pVn9nyZY7zFtYqOBc8H3Up52O9HAeRSAjZTgWGEo5U7hDG5z2XZ' +
      'XzQvRY5Ou/wtZOQucx5tCi3X/PY=',
  },
};

/** Turns every Base64 string under a byte field name back into bytes, as a reader of the dump would. */
function fromDump(value: unknown, key = ''): unknown {
  if (typeof value === 'string' && ['salt', 'nonce', 'ciphertext', 'data'].includes(key)) {
    return new Uint8Array(Buffer.from(value, 'base64'));
  }
  if (Array.isArray(value)) return value.map((v) => fromDump(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromDump(v, k)]));
  }
  return value;
}

describe('docs/vault-format.md worked example (default costs)', () => {
  it('opens with its password and yields the documented account', async () => {
    const key = await unlockVault(parseHeader(fromDump(DOC_EXAMPLE.header)), 'correct horse battery staple');
    const account = await openRecord(key, fromDump(DOC_EXAMPLE.record) as never);
    expect(account).toEqual({
      id: 'acct:5b0d2c9e-1f4a-4c3b-9a8e-2d6f7c1b0e93',
      type: 'totp',
      secret: 'JBSWY3DPEHPK3PXP',
      issuer: 'Example',
      name: 'alice@example.com',
      algorithm: 'SHA1',
      digits: 6,
      period: 30,
      counter: 0,
      createdAt: 1735689600000,
      updatedAt: 1735689600000,
      order: 0,
    });
  });
});

describe('one password slot is tried', () => {
  it('a header listing several password slots opens with the first one only', async () => {
    const other = await createVault('second password', { kdf: FLOOR_KDF, random: seededRandom(9) });
    const both: VaultHeader = { ...header, slots: [...header.slots, ...other.header.slots] };
    expect(await unlockVault(both, 'pw')).toBeTruthy();
    // A tampered header cannot make one unlock cost a derivation per slot: the second slot is never tried.
    await expect(unlockVault(both, 'second password')).rejects.toMatchObject({ code: 'wrong-password' });
  });
});
