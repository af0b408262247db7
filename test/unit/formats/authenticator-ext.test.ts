import { argon2id } from 'hash-wasm';
import { describe, expect, it } from 'vitest';
import { authenticatorExtImporter as ext } from '../../../src/formats/authenticator-ext/import';
import { cryptoJsEncrypt, expectRefusal, json } from './fixtures';

type Entry = Record<string, unknown>;
const ENTRIES: Record<string, Entry> = {
  h1: { account: 'alice', issuer: 'GitHub::github.com', secret: 'JBSWY3DPEHPK3PXP', type: 'totp', index: 1 },
  h2: { account: 'bob', issuer: 'Bank', secret: 'GEZDGNBVGY3TQOJQ', type: 'hotp', counter: 7, index: 0 },
  h3: { account: 'carol', issuer: 'Valve', secret: 'stm-MFRGGZDFMZTWQ2LK', type: 'totp', index: 2 },
  h4: { account: 'dave', issuer: 'HexCo', secret: '3132333435363738393031323334353637383930', type: 'hex', index: 3 },
  h5: { account: 'erin', issuer: 'Blizzard', secret: 'KRUGKIDROVUWG2ZA', type: 'battle', index: 4 },
  h6: {
    account: 'frank',
    issuer: 'Gost',
    secret: 'ONSWG4TFOQ',
    type: 'totp',
    algorithm: 'GOST3411_2012_256',
    index: 5,
  },
  h7: {
    account: 'grace',
    issuer: 'AWS',
    secret: 'MZXW6YTBOI',
    type: 'totp',
    algorithm: 'SHA256',
    digits: 8,
    period: 60,
    index: 6,
  },
};
const plainBackup = () =>
  Object.fromEntries(Object.entries(ENTRIES).map(([hash, e]) => [hash, { ...e, hash, encrypted: false }]));

const EXPECTED = [
  { issuer: 'Bank', name: 'bob', type: 'hotp', counter: 7 },
  { issuer: 'GitHub', name: 'alice', type: 'totp', secret: 'JBSWY3DPEHPK3PXP' },
  { issuer: 'Valve', name: 'carol', type: 'steam', secret: 'MFRGGZDFMZTWQ2LK', digits: 5 },
  { issuer: 'HexCo', name: 'dave', type: 'totp', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' },
  { issuer: 'Blizzard', name: 'erin', type: 'totp', digits: 8 },
  { issuer: 'AWS', name: 'grace', algorithm: 'SHA256', digits: 8, period: 60 },
].map((fields) => expect.objectContaining(fields));

/** Argon2 settings of the extension's sandbox (src/argon.ts upstream). */
const ARGON = { iterations: 2, parallelism: 1, memorySize: 19456, hashLength: 32, outputType: 'encoded' } as const;

async function v8Backup(password: string, keyPassword = password) {
  const keyId = 'key-1';
  const salt = 'a1b2c3d4e5f60718';
  const encoded = await argon2id({ password: keyPassword, salt, ...ARGON });
  const passphrase = encoded.split('$')[5] ?? '';
  const hash = await argon2id({ password: passphrase, salt: '0011223344556677', ...ARGON });
  const out: Record<string, unknown> = { [keyId]: { dataType: 'Key', id: keyId, salt, hash, version: 3 } };
  for (const [h, e] of Object.entries(ENTRIES)) {
    const inner = JSON.stringify({ ...e, hash: h, dataType: 'OTPStorage', encrypted: false });
    out[h] = { dataType: 'EncOTPStorage', keyId, index: e.index, data: cryptoJsEncrypt(inner, passphrase) };
  }
  return out;
}

function legacyBackup(passphrase: string, extraRoot: Record<string, unknown> = {}) {
  const out: Record<string, unknown> = { ...extraRoot };
  for (const [h, e] of Object.entries(ENTRIES)) {
    out[h] = { ...e, hash: h, encrypted: true, secret: cryptoJsEncrypt(String(e.secret), passphrase) };
  }
  return out;
}

describe('Authenticator extension backups', () => {
  it('reads the plain JSON: types, hex secrets, Battle.net, stm- prefix, "::domain" issuers, index order', async () => {
    const input = json(plainBackup());
    expect([ext.detect(input), ext.isEncrypted(input)]).toEqual([true, false]);
    const result = await ext.parse(input);
    expect(result.format).toBe('Authenticator extension');
    expect(result.accounts).toEqual(EXPECTED);
    expect(result.problems).toEqual([{ entry: 'Gost (frank)', reason: expect.stringMatching(/GOST/) }]);
  });

  it('decrypts v8 backups (Argon2id key record + CryptoJS entries) and refuses a wrong password', async () => {
    const input = json(await v8Backup('fixture-password'));
    expect(ext.isEncrypted(input)).toBe(true);
    const result = await ext.parse(input, 'fixture-password');
    expect(result.format).toBe('Authenticator extension (encrypted)');
    expect(result.accounts).toEqual(EXPECTED);
    await expectRefusal(ext.parse(input, 'wrong'), 'wrong-password');
    await expectRefusal(ext.parse(input), 'password-required');
  });

  it('reports v8 entries whose key is missing or that do not decrypt', async () => {
    const backup = await v8Backup('pw');
    const h2 = backup.h2 as Entry;
    backup.h2 = { ...h2, keyId: 'gone' };
    backup.h7 = { ...(backup.h7 as Entry), data: cryptoJsEncrypt('not json', 'other') };
    const result = await ext.parse(json(backup), 'pw');
    expect(result.accounts).toHaveLength(4);
    expect(result.problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/key/),
      expect.stringMatching(/GOST/),
      expect.stringMatching(/decrypted/),
    ]);
  });

  it('decrypts v7 backups with a wrapped key, in both root shapes', async () => {
    const dataKey = 'legacy-inner-key-1234';
    const passphrase = Buffer.from(dataKey).toString('hex');
    const enc = cryptoJsEncrypt(dataKey, 'pw');
    for (const root of [{ key: { enc, hash: 'unused' } }, { enc, hash: 'unused' }]) {
      const result = await ext.parse(json(legacyBackup(passphrase, root)), 'pw');
      expect(result.accounts).toEqual(EXPECTED);
      await expectRefusal(ext.parse(json(legacyBackup(passphrase, root)), 'nope'), 'wrong-password');
    }
  });

  it('checks a v7 wrapped key against its Argon2 hash', async () => {
    const passphrase = Buffer.from('inner').toString('hex');
    const hash = await argon2id({ password: 'something else', salt: 'saltsalt', ...ARGON, memorySize: 64 });
    const backup = legacyBackup(passphrase, { key: { enc: cryptoJsEncrypt('inner', 'pw'), hash } });
    await expectRefusal(ext.parse(json(backup), 'pw'), 'wrong-password');
  });

  it('decrypts v1 backups with the password itself, and refuses when no secret decrypts', async () => {
    const result = await ext.parse(json(legacyBackup('pw')), 'pw');
    expect(result.accounts).toEqual(EXPECTED);
    await expectRefusal(ext.parse(json(legacyBackup('pw')), 'not-it'), 'wrong-password');
  });

  it.each([
    ['an extension backup', plainBackup(), true],
    ['a v8 encrypted backup shape', { k: { dataType: 'Key' }, e: { dataType: 'EncOTPStorage' } }, true],
    ['an Aegis vault', { version: 1, header: { slots: null }, db: { entries: [] } }, false],
    ['an object of unrelated records', { a: { name: 'x' }, b: { name: 'y' } }, false],
    ['a Steam app file', { accounts: { x: { shared_secret: 'a', account_name: 'b' } } }, false],
  ])('detects %s', (_, value, expected) => {
    expect(ext.detect(json(value))).toBe(expected);
  });
});
