import { argon2id } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import type { Account } from '../../../../src/core/account';
import type { ErrorCode } from '../../../../src/core/errors';
import {
  backupImporter,
  exportBackup,
  readBackup,
  verifyBackup,
  DEFAULT_BACKUP_KDF,
} from '../../../../src/formats/backup/backup';
import { detectFormat } from '../../../../src/formats/index';
import { EIGHT, bytesInput, expectRefusal, gcmOpen, textInput } from '../fixtures';
import { accountId } from '../../../support/brands';

const FAST = { memoryKiB: 8192, iterations: 1, parallelism: 1 };
const NOW = 1_700_000_000_000;

const accounts: Account[] = EIGHT.map((draft, i) => ({
  ...draft,
  id: accountId(`id-${i}`),
  createdAt: NOW - 1000 * i,
  updatedAt: NOW - 10 * i,
  order: 7 - i,
}));
accounts[0] = {
  ...accounts[0]!,
  group: 'Work',
  favorite: true,
  note: 'recovery codes in the safe',
  useCount: 3,
  usedAt: NOW,
};
accounts[3] = { ...accounts[3]!, group: 'Work' };
const state = { groups: ['Work', 'Empty group'], settings: { sort: 'custom' } };
const byOrder = [...accounts].sort((a, b) => a.order - b.order);

const make = (password = 'correct horse', kdf = FAST) => exportBackup(accounts, state, password, { kdf, now: NOW });
const parse = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes));
const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('Latchkey backup', () => {
  it('round-trips every account with every field, in the user order, and the state', async () => {
    const bytes = await make();
    const contents = await readBackup(bytes, 'correct horse');
    expect(contents).toEqual({ exportedAt: NOW, accounts: byOrder, state, problems: [] });
    expect(await verifyBackup(bytes, 'correct horse', accounts.length)).toBe(8);
  });

  it('can be decrypted without Latchkey, exactly as docs/backup-format.md says', async () => {
    const envelope = parse(await make('pässwörd'));
    expect(Object.keys(envelope)).toEqual(['format', 'version', 'kdf', 'nonce', 'data']);
    expect(envelope).toMatchObject({ format: 'latchkey-backup', version: 1, kdf: { name: 'argon2id', ...FAST } });
    const key = await argon2id({
      password: 'pässwörd',
      salt: Buffer.from(envelope.kdf.salt, 'base64'),
      memorySize: envelope.kdf.memoryKiB,
      iterations: envelope.kdf.iterations,
      parallelism: envelope.kdf.parallelism,
      hashLength: 32,
      outputType: 'binary',
    });
    const data = Buffer.from(envelope.data, 'base64');
    const plain = gcmOpen(
      key,
      Buffer.from(envelope.nonce, 'base64'),
      data.subarray(0, -16),
      data.subarray(-16),
      Buffer.from('latchkey-backup:v1'),
    );
    const json = JSON.parse(plain.toString('utf8'));
    expect(json).toMatchObject({ format: 'latchkey-backup-data', version: 1, exportedAt: NOW, state });
    expect(json.accounts).toEqual(accounts);
  });

  it('uses Argon2id with 64 MiB, 3 passes and 1 lane by default', async () => {
    expect(DEFAULT_BACKUP_KDF).toEqual({ memoryKiB: 65536, iterations: 3, parallelism: 1 });
    const started = performance.now();
    const bytes = await exportBackup(accounts.slice(0, 1), {}, 'pw', { now: NOW });
    expect(parse(bytes).kdf).toMatchObject({ memoryKiB: 65536, iterations: 3, parallelism: 1 });
    console.log(`backup export with default Argon2id: ${Math.round(performance.now() - started)} ms`);
  });

  it('is deterministic under a fixed random source and draws fresh salt and nonce otherwise', async () => {
    const random = (n: number) => new Uint8Array(n).fill(7);
    const a = await exportBackup(accounts, state, 'pw', { kdf: FAST, now: NOW, random });
    const b = await exportBackup(accounts, state, 'pw', { kdf: FAST, now: NOW, random });
    expect(a).toEqual(b);
    const [c, d] = [parse(await make()), parse(await make())];
    expect(c.kdf.salt).not.toBe(d.kdf.salt);
    expect(c.nonce).not.toBe(d.nonce);
  });

  it('refuses a wrong, missing or empty password', async () => {
    const bytes = await make();
    await expectRefusal(readBackup(bytes, 'Correct horse'), 'wrong-password');
    await expectRefusal(backupImporter.parse(bytesInput(bytes)), 'password-required');
    await expectRefusal(exportBackup(accounts, state, ''), 'empty-password');
  });

  it('refuses damaged, truncated and newer files with coded errors', async () => {
    const envelope = parse(await make());
    const cases: [string, unknown, ErrorCode][] = [
      ['other format name', { ...envelope, format: 'other' }, 'damaged-file'],
      ['a newer version', { ...envelope, version: 2 }, 'unsupported-format'],
      ['an unknown KDF', { ...envelope, kdf: { ...envelope.kdf, name: 'scrypt' } }, 'damaged-file'],
      ['a short nonce', { ...envelope, nonce: 'AAAA' }, 'damaged-file'],
      ['data that is not Base64', { ...envelope, data: '***' }, 'damaged-file'],
      ['no data', { ...envelope, data: '' }, 'damaged-file'],
    ];
    for (const [, value, code] of cases) await expectRefusal(readBackup(encode(value), 'correct horse'), code);
    const text = JSON.stringify(envelope);
    const truncated = textInput(text.slice(0, text.length - 30));
    expect(detectFormat(truncated)).toBe(backupImporter);
    await expectRefusal(backupImporter.parse(truncated, 'correct horse'), 'damaged-file');
  });

  it('refuses KDF costs out of bounds before running them', async () => {
    const envelope = parse(await make());
    const hostile = [{ memoryKiB: 4 * 1024 * 1024 }, { memoryKiB: 1024 }, { iterations: 1000 }, { parallelism: 0 }];
    for (const kdf of hostile) {
      const started = performance.now();
      await expectRefusal(readBackup(encode({ ...envelope, kdf: { ...envelope.kdf, ...kdf } }), 'x'), 'kdf-params');
      await expectRefusal(exportBackup(accounts, state, 'x', { kdf }), 'kdf-params');
      expect(performance.now() - started).toBeLessThan(200);
    }
  });

  it('keeps good accounts of a hand-edited backup and reports the bad one; verifyBackup refuses it', async () => {
    const broken = [...accounts.slice(0, 2), { ...accounts[2]!, digits: 3 }];
    const bytes = await exportBackup(broken, {}, 'pw', { kdf: FAST });
    const contents = await readBackup(bytes, 'pw');
    expect(contents.accounts.map((a) => a.id)).toEqual(['id-1', 'id-0']);
    expect(contents.problems).toEqual([{ entry: 'Airbnb (Elijah)', reason: expect.stringMatching(/digits/) }]);
    await expectRefusal(verifyBackup(bytes, 'pw'), 'damaged-file');
    await expectRefusal(verifyBackup(await make(), 'correct horse', 9), 'damaged-file');
  });

  it('is picked by detectFormat and read by the importer', async () => {
    const input = bytesInput(await make());
    expect(detectFormat(input)).toBe(backupImporter);
    expect(backupImporter.isEncrypted(input)).toBe(true);
    const result = await backupImporter.parse(input, 'correct horse');
    expect(result).toEqual({ format: 'Latchkey backup', accounts: byOrder, problems: [] });
  });
});
