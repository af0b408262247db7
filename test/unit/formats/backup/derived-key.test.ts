import { describe, expect, it } from 'vitest';
import type { Account } from '../../../../src/core/account';
import {
  deriveBackupKey,
  exportBackupWithKey,
  readBackup,
  readBackupWithKey,
} from '../../../../src/formats/backup/backup';
import { b32, accountId } from '../../../support/brands';

const LIGHT = { memoryKiB: 8192, iterations: 1, parallelism: 1 };
const account: Account = {
  id: accountId('acct:1'),
  type: 'totp',
  secret: b32('JBSWY3DPEHPK3PXP'),
  issuer: 'Example',
  name: 'me',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  createdAt: 1,
  updatedAt: 1,
  order: 0,
};

describe('backups under a derived key (automatic backups)', () => {
  it('a file written with the derived key opens with the password, and each write uses a fresh nonce', async () => {
    const key = await deriveBackupKey('auto password', { kdf: LIGHT });
    const first = await exportBackupWithKey([account], {}, key);
    const second = await exportBackupWithKey([account], {}, key);
    const nonce = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)).nonce;
    expect(nonce(first)).not.toBe(nonce(second));
    const restored = await readBackup(second, 'auto password');
    expect(restored.accounts.map((a) => a.issuer)).toEqual(['Example']);
    await expect(readBackupWithKey(second, key, 1)).resolves.toBeUndefined();
  });

  it.each([
    [
      'another key',
      async (bytes: Uint8Array) => readBackupWithKey(bytes, await deriveBackupKey('other', { kdf: LIGHT }), 1),
    ],
    [
      'a wrong count',
      async (bytes: Uint8Array, key: Awaited<ReturnType<typeof deriveBackupKey>>) => readBackupWithKey(bytes, key, 2),
    ],
    [
      'a truncated file',
      async (bytes: Uint8Array, key: Awaited<ReturnType<typeof deriveBackupKey>>) =>
        readBackupWithKey(bytes.slice(0, 40), key, 1),
    ],
  ])('read-back verification fails for %s', async (_name, check) => {
    const key = await deriveBackupKey('auto password', { kdf: LIGHT });
    const bytes = await exportBackupWithKey([account], {}, key);
    await expect(check(bytes, key)).rejects.toMatchObject({ code: 'damaged-file' });
  });

  it('refuses an empty password', async () => {
    await expect(deriveBackupKey('', { kdf: LIGHT })).rejects.toMatchObject({ code: 'empty-password' });
  });
});
