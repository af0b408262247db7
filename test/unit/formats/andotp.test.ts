import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../../src/core/account';
import { andotpImporter } from '../../../src/formats/andotp/import';
import { looksEncrypted } from '../../../src/formats/andotp/detect';
import { detectFormat } from '../../../src/formats/index';
import {
  EIGHT,
  bytesInput,
  expectRefusal,
  gcmSealParts,
  json,
  pbkdf2,
  randomBytes,
  sha256,
  textInput,
} from './fixtures';

/** An andOTP entry as the app writes it (secrets padded, types upper case). */
function entry(a: AccountDraft, extra: Record<string, unknown> = {}) {
  const base = {
    secret: `${a.secret}======`,
    issuer: a.issuer,
    label: a.name,
    digits: a.digits,
    type: a.type.toUpperCase(),
    algorithm: a.algorithm,
    thumbnail: 'Default',
    last_used: 0,
    used_frequency: 0,
    tags: [],
  };
  return { ...base, ...(a.type === 'hotp' ? { counter: a.counter } : { period: a.period }), ...extra };
}

const SEVEN = EIGHT.slice(0, 7);

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** New format: iterations || salt || nonce || ct || tag, key = PBKDF2-SHA1. */
function encryptNew(entries: unknown, password: string, iterations = 140_000): Uint8Array {
  const salt = randomBytes(12);
  const nonce = randomBytes(12);
  const { ct, tag } = gcmSealParts(
    pbkdf2(password, salt, iterations, 'sha1'),
    nonce,
    Buffer.from(JSON.stringify(entries)),
  );
  return Buffer.concat([int32(iterations), salt, nonce, ct, tag]);
}

/** Old format: nonce || ct || tag, key = SHA-256(password). */
function encryptOld(entries: unknown, password: string): Uint8Array {
  const nonce = randomBytes(12);
  const { ct, tag } = gcmSealParts(sha256(password), nonce, Buffer.from(JSON.stringify(entries)));
  return Buffer.concat([nonce, ct, tag]);
}

describe('andOTP importer', () => {
  it('reads the plain JSON array, padded secrets and all types', async () => {
    const result = await andotpImporter.parse(json(SEVEN.map((a) => entry(a))));
    expect(result).toEqual({ format: 'andOTP', accounts: SEVEN, problems: [] });
  });

  it('splits old "Issuer:account" labels, keeps the first tag as group, reports MOTP', async () => {
    const old = { ...entry(EIGHT[0]!), issuer: undefined, label: 'Deno:Mason', tags: ['Work', 'Home'] };
    const older = { ...entry(EIGHT[2]!), issuer: undefined, label: 'Airbnb - Airbnb:Elijah' };
    const dashed = { ...entry(EIGHT[2]!), issuer: undefined, label: 'Air - bnb:Elijah' };
    const motp = entry(EIGHT[1]!, { type: 'MOTP' });
    const result = await andotpImporter.parse(json([old, older, dashed, motp]));
    expect(result.accounts).toEqual([{ ...EIGHT[0], group: 'Work' }, EIGHT[2], { ...EIGHT[2], issuer: 'Air - bnb' }]);
    expect(result.problems).toEqual([{ entry: 'SPDX (James)', reason: expect.stringMatching(/mOTP/) }]);
  });

  it.each([
    [
      'new format',
      () =>
        encryptNew(
          SEVEN.map((a) => entry(a)),
          'test',
          12_345,
        ),
    ],
    [
      'old format',
      () =>
        encryptOld(
          SEVEN.map((a) => entry(a)),
          'test',
        ),
    ],
  ])('detects and decrypts the %s', async (_name, make) => {
    const input = bytesInput(make());
    expect(detectFormat(input)).toBe(andotpImporter);
    expect(andotpImporter.isEncrypted(input)).toBe(true);
    const result = await andotpImporter.parse(input, 'test');
    expect(result.format).toBe('andOTP (encrypted)');
    expect(result.accounts).toEqual(SEVEN);
  });

  it('reads an old-format file whose nonce happens to look like an iteration count', async () => {
    const nonce = Buffer.concat([int32(145_776), randomBytes(8)]);
    const { ct, tag } = gcmSealParts(sha256('test'), nonce, Buffer.from(JSON.stringify([entry(EIGHT[0]!)])));
    const bytes = Buffer.concat([nonce, ct, tag]);
    expect(andotpImporter.detect(bytesInput(bytes))).toBe(true);
    expect((await andotpImporter.parse(bytesInput(bytes), 'test')).accounts).toEqual([EIGHT[0]]);
  });

  it('refuses a wrong password, a missing password and damaged or truncated files', async () => {
    const good = encryptNew([entry(EIGHT[0]!)], 'test', 20_000);
    await expectRefusal(andotpImporter.parse(bytesInput(good), 'wrong'), 'wrong-password');
    await expectRefusal(andotpImporter.parse(bytesInput(encryptOld([], 'test')), 'wrong'), 'wrong-password');
    await expectRefusal(andotpImporter.parse(bytesInput(good)), 'password-required');
    await expectRefusal(andotpImporter.parse(bytesInput(good.subarray(0, 20)), 'test'), 'damaged-file');
    const cut = bytesInput(good.subarray(0, good.length - 5));
    expect(detectFormat(cut)).toBe(andotpImporter);
    await expectRefusal(andotpImporter.parse(cut, 'test'), 'wrong-password');
    const notJson = Buffer.concat([int32(20_000), randomBytes(24)]);
    const plainJunk = (() => {
      const salt = notJson.subarray(4, 16);
      const { ct, tag } = gcmSealParts(pbkdf2('test', salt, 20_000, 'sha1'), notJson.subarray(16, 28), randomBytes(40));
      return Buffer.concat([notJson, ct, tag]);
    })();
    await expectRefusal(andotpImporter.parse(bytesInput(plainJunk), 'test'), 'damaged-file');
    const truncatedJson = textInput(JSON.stringify([entry(EIGHT[0]!)]).slice(0, -20));
    expect(detectFormat(truncatedJson)).toBe(andotpImporter);
    await expectRefusal(andotpImporter.parse(truncatedJson), 'damaged-file');
  });

  it('leaves unrelated files alone so detectFormat says unsupported-format', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);
    const zip = Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(500)]);
    const structured = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i % 7 === 0 ? 0xff : i % 5)));
    const font = Buffer.concat([Buffer.from([0, 1, 0, 0]), Buffer.alloc(400)]);
    const unrelated = [png, zip, structured, font, Buffer.from('just some notes\n'), Buffer.from('[]')];
    for (const bytes of unrelated) {
      await expectRefusal(() => detectFormat(bytesInput(bytes)), 'unsupported-format');
    }
    expect(andotpImporter.detect(json([{ name: 'x' }]))).toBe(false);
  });

  it('tells ciphertext-like bytes from structured ones by entropy', () => {
    expect(looksEncrypted(randomBytes(100))).toBe(true);
    expect(looksEncrypted(randomBytes(5000))).toBe(true);
    expect(looksEncrypted(deflateSync(Buffer.from('a'.repeat(10_000))))).toBe(true); // short: too little evidence
    expect(looksEncrypted(Buffer.from('{"secret":"JBSWY3DP","label":"x"}'.repeat(20)))).toBe(false);
    expect(looksEncrypted(Buffer.alloc(64))).toBe(false);
  });
});
