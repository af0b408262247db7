import { describe, expect, it } from 'vitest';
import { toImportInput } from '../../../src/formats/index';
import { stratumImporter } from '../../../src/formats/stratum';
import { argon2Key, bytesOf, cbcSeal, expectRefusal, gcmSeal, json, pbkdf2Sha1, utf8 } from './fixtures';

const entry = (fields: Record<string, unknown>) => ({
  Type: 2,
  Icon: null,
  Issuer: 'Deno',
  Username: 'Mason',
  Secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ',
  Pin: null,
  Algorithm: 0,
  Digits: 6,
  Period: 30,
  Counter: 0,
  Ranking: 0,
  ...fields,
});
const BACKUP = {
  Authenticators: [
    entry({}),
    entry({ Type: 1, Issuer: 'WWE', Secret: '5VAML3X35THCEBVRLV24CGBKOY', Algorithm: 2, Digits: 8, Counter: 10300 }),
    entry({ Type: 4, Issuer: 'Steam', Secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI', Digits: 5 }),
    entry({ Type: 3, Issuer: 'Old mOTP', Secret: 'abcdef0123456789', Pin: '1234' }),
    entry({ Issuer: 'Weird', Algorithm: 7 }),
  ],
  Categories: [{ Id: 'c1', Name: 'Work', Ranking: 0 }],
  AuthenticatorCategories: [{ CategoryId: 'c1', AuthenticatorSecret: '5VAML3X35THCEBVRLV24CGBKOY', Ranking: 0 }],
  CustomIcons: [],
};

async function strong(plain: Uint8Array, password: string) {
  const salt = bytesOf(16, 1);
  const iv = bytesOf(12, 2);
  const key = await argon2Key(password, salt, 64 * 1024, 3, 4);
  return Uint8Array.from([...utf8('AUTHENTICATORPRO'), ...salt, ...iv, ...gcmSeal(key, iv, plain)]);
}

function legacy(plain: Uint8Array, password: string) {
  const salt = bytesOf(20, 3);
  const iv = bytesOf(16, 4);
  const body = cbcSeal(pbkdf2Sha1(password, salt, 64_000), iv, plain);
  return Uint8Array.from([...utf8('AuthenticatorPro'), ...salt, ...iv, ...body]);
}

describe('Stratum / Authenticator Pro', () => {
  it('reads the plain backup: types, algorithms, counters, categories; unsupported entries are problems', async () => {
    const result = await stratumImporter.parse(json(BACKUP));
    expect(result.format).toBe('Stratum');
    expect(result.accounts).toEqual([
      expect.objectContaining({ type: 'totp', issuer: 'Deno', name: 'Mason', algorithm: 'SHA1' }),
      expect.objectContaining({
        type: 'hotp',
        issuer: 'WWE',
        algorithm: 'SHA512',
        digits: 8,
        counter: 10300,
        group: 'Work',
      }),
      expect.objectContaining({ type: 'steam', issuer: 'Steam', digits: 5 }),
    ]);
    expect(result.problems.map((p) => p.entry)).toEqual(['Old mOTP (Mason)', 'Weird (Mason)']);
    expect(result.problems[0]?.reason).toMatch(/MOTP/i);
  });

  it.each([
    ['current (Argon2id + AES-GCM)', strong],
    ['legacy (PBKDF2-SHA1 + AES-CBC)', async (p: Uint8Array, pw: string) => legacy(p, pw)],
  ])('decrypts the %s encrypted backup and refuses a wrong password', async (_, encrypt) => {
    const input = toImportInput(await encrypt(utf8(JSON.stringify(BACKUP)), 'hunter2'));
    expect([stratumImporter.detect(input), stratumImporter.isEncrypted(input)]).toEqual([true, true]);
    const result = await stratumImporter.parse(input, 'hunter2');
    expect(result.format).toBe('Stratum (encrypted)');
    expect(result.accounts).toHaveLength(3);
    await expectRefusal(stratumImporter.parse(input, 'hunter3'), 'wrong-password');
    await expectRefusal(stratumImporter.parse(input), 'password-required');
  });

  it('refuses truncated files and decrypted data that is not a backup', async () => {
    const full = await strong(utf8(JSON.stringify(BACKUP)), 'pw');
    await expectRefusal(stratumImporter.parse(toImportInput(full.subarray(0, 40)), 'pw'), 'damaged-file');
    const cut = legacy(utf8(JSON.stringify(BACKUP)), 'pw');
    await expectRefusal(stratumImporter.parse(toImportInput(cut.subarray(0, cut.length - 5)), 'pw'), 'damaged-file');
    await expectRefusal(stratumImporter.parse(toImportInput(await strong(utf8('[1,2]'), 'pw')), 'pw'), 'damaged-file');
    await expectRefusal(
      stratumImporter.parse(toImportInput(await strong(utf8('not json'), 'pw')), 'pw'),
      'damaged-file',
    );
  });

  it.each([
    ['plain JSON', json(BACKUP), true],
    ['the header with other case', toImportInput(utf8('AuthenticatorPRO and more')), false],
    ['JSON without Authenticators', json({ authenticators: [] }), false],
  ])('detects %s', (_, input, expected) => {
    expect(stratumImporter.detect(input)).toBe(expected);
  });
});
