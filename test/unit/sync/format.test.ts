/**
 * The synced copy's format (src/sync/format.ts, docs/sync.md): what is written opens again, anything changed or
 * moved is refused, the keys file is checked as strictly as a vault header, and the whole format can be read
 * with nothing but Argon2id and AES-GCM, as docs/sync.md describes (node:crypto and hash-wasm here, no Latchkey).
 */
import { createDecipheriv } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import type { Account, AccountId } from '../../../src/core/account';
import { createVault, unlockVault } from '../../../src/vault/vault';
import { FLOOR_KDF } from '../../../src/vault/kdf-params';
import {
  decodeKeys,
  emptyIndex,
  encodeKeys,
  newObjectName,
  openAccount,
  openIndex,
  sealAccount,
  sealIndex,
} from '../../../src/sync/format';
import { isSyncError } from '../../../src/sync/errors';
import { tickHlc, ZERO_HLC } from '../../../src/sync/hlc';
import { draft } from '../../support/drafts';

const PASSWORD = 'correct horse battery staple';
const id = 'acct:5b0d2c9e-1f4a-4c3b-9a8e-2d6f7c1b0e93' as AccountId;
const clock = tickHlc(ZERO_HLC, Date.UTC(2026, 0, 1), '0a1b2c3d');
const account: Account = {
  ...draft({ issuer: 'Example Bank', name: 'alice@example.com', type: 'hotp', counter: 7 }),
  id,
  createdAt: 1,
  updatedAt: 2,
  order: 0,
  note: 'a note',
};

async function vault() {
  return createVault(PASSWORD, { kdf: FLOOR_KDF });
}

function flip(bytes: Uint8Array, at: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[at] = copy[at]! ^ 1;
  return copy;
}

describe('sealed objects', () => {
  it('an account object opens to the account, padded to 512 bytes', async () => {
    const { masterKey } = await vault();
    const name = newObjectName();
    expect(name).toMatch(/^[0-9a-f]{32}$/);
    const bytes = await sealAccount(masterKey, name, account, clock);
    expect((bytes.length - 1 - 12 - 16) % 512).toBe(0);
    expect(await openAccount(masterKey, name, bytes, { id, clock })).toEqual(account);
  });

  it.each([
    ['a changed byte', async (b: Uint8Array, name: string) => [flip(b, 40), name, id, clock] as const],
    ['another object name', async (b: Uint8Array) => [b, newObjectName(), id, clock] as const],
    ['another account id', async (b: Uint8Array, name: string) => [b, name, 'acct:other' as AccountId, clock] as const],
    ['another stamp', async (b: Uint8Array, name: string) => [b, name, id, tickHlc(clock, 0, '0a1b2c3d')] as const],
    ['a truncated object', async (b: Uint8Array, name: string) => [b.subarray(0, 20), name, id, clock] as const],
  ])('is refused with %s', async (_what, change) => {
    const { masterKey } = await vault();
    const name = newObjectName();
    const bytes = await sealAccount(masterKey, name, account, clock);
    const [changed, as, expectedId, expectedClock] = await change(bytes, name);
    expect(await openAccount(masterKey, as, changed, { id: expectedId, clock: expectedClock })).toBeNull();
  });

  it('the index opens to what was sealed; changed, it is refused as tampered; another key cannot open it', async () => {
    const { masterKey } = await vault();
    const index = emptyIndex();
    index.accounts.set(id, { object: newObjectName(), clock, counter: 7 });
    index.accounts.set('acct:2' as AccountId, { object: newObjectName(), clock, counter: null });
    index.deleted.set('acct:3' as AccountId, clock);
    const bytes = await sealIndex(masterKey, index);
    expect((bytes.length - 1 - 12 - 16) % 4096).toBe(0);
    expect(await openIndex(masterKey, bytes)).toEqual(index);
    await expect(openIndex(masterKey, flip(bytes, 30))).rejects.toSatisfy((e) => isSyncError(e, 'tampered'));
    const other = await vault();
    await expect(openIndex(other.masterKey, bytes)).rejects.toSatisfy((e) => isSyncError(e, 'tampered'));
  });
});

describe('the keys file', () => {
  it('holds the password slot: the password opens the same master key', async () => {
    const { header, masterKey } = await vault();
    const joined = await unlockVault(decodeKeys(encodeKeys(header)), PASSWORD);
    // Same key: what one seals, the other opens.
    const name = newObjectName();
    expect(await openAccount(joined, name, await sealAccount(masterKey, name, account, clock), { id, clock })).toEqual(
      account,
    );
  });

  it.each([
    ['not JSON', () => new TextEncoder().encode('<html>')],
    ['another format', () => new TextEncoder().encode('{"format":"x","version":1,"slot":{}}')],
    ['a slot with a short salt', (keys: string) => keys.replace(/"salt": "[^"]+"/, '"salt": "AAAA"')],
    ['a slot with an extra field', (keys: string) => keys.replace('"type": "password"', '"type": "password", "x": 1')],
    ['a huge file', () => new Uint8Array(20_000).fill(32)],
  ])('is refused when %s', async (_what, change) => {
    const { header } = await vault();
    const keys = new TextDecoder().decode(encodeKeys(header));
    const changed = change(keys);
    const bytes = typeof changed === 'string' ? new TextEncoder().encode(changed) : changed;
    expect(() => decodeKeys(bytes)).toThrow(expect.objectContaining({ problem: 'tampered' }));
  });

  it('with costs above the vault bounds, unlocking refuses before any work', async () => {
    const { header } = await vault();
    const keys = new TextDecoder().decode(encodeKeys(header)).replace(/"memoryKiB": \d+/, '"memoryKiB": 99999999');
    await expect(unlockVault(decodeKeys(new TextEncoder().encode(keys)), PASSWORD)).rejects.toMatchObject({
      code: 'kdf-params',
    });
  });
});

describe('docs/sync.md: decrypting the synced copy without Latchkey', () => {
  it('Argon2id and AES-256-GCM with the documented additional data open the keys, the index and an account', async () => {
    const { header, masterKey } = await vault();
    const name = newObjectName();
    const index = emptyIndex();
    index.accounts.set(id, { object: name, clock, counter: 7 });
    const files = {
      keys: encodeKeys(header),
      index: await sealIndex(masterKey, index),
      [name]: await sealAccount(masterKey, name, account, clock),
    };

    // What docs/sync.md's program does, step by step.
    const keys = JSON.parse(new TextDecoder().decode(files.keys));
    const b64 = (text: string) => Buffer.from(text, 'base64');
    const gcm = (key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad: string) => {
      const decipher = createDecipheriv('aes-256-gcm', key, nonce);
      decipher.setAAD(Buffer.from(aad));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
    };
    const { kdf, wrapped } = keys.slot;
    const slotKey = await argon2id({
      password: PASSWORD.normalize('NFC'),
      salt: b64(kdf.salt),
      iterations: kdf.iterations,
      memorySize: kdf.memoryKiB,
      parallelism: kdf.parallelism,
      hashLength: 32,
      outputType: 'binary',
    });
    const master = gcm(slotKey, b64(wrapped.nonce), b64(wrapped.ciphertext), `latchkey:v1:slot:${keys.slot.id}`);
    const openFile = (bytes: Uint8Array, recordId: string) => {
      expect(bytes[0]).toBe(1);
      return JSON.parse(
        gcm(master, bytes.subarray(1, 13), bytes.subarray(13), `latchkey:v1:record:${recordId}`).toString(),
      );
    };
    const plainIndex = openFile(files.index, 'sync:index');
    expect(plainIndex.accounts[id]).toEqual({ o: name, c: clock, n: 7 });
    const plainAccount = openFile(files[plainIndex.accounts[id].o]!, `sync:${name}`);
    expect(plainAccount).toEqual({ id, clock, account });
  });
});
