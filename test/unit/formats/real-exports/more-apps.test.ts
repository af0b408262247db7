/**
 * Real exports of other apps (../shared/compat-samples, GPL test data that is never copied into this repository)
 * read through the whole registry, as the app does. Skipped when the folder is absent.
 */
import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../../../src/core/account';
import { isLatchkeyError } from '../../../../src/core/errors';
import { enteImporter } from '../../../../src/formats/ente';
import { importFile, toImportInput } from '../../../../src/formats/index';
import {
  COMPAT_SAMPLES_PRESENT as present,
  expectedSampleAccounts,
  sampleBytes as read,
} from '../../../support/compat-samples';

interface Expected extends Omit<AccountDraft, 'counter' | 'period'> {
  counter?: number;
  period?: number;
}
const EXPECTED: Expected[] = expectedSampleAccounts<Expected>();
const byIssuer = (issuer: string) => EXPECTED.find((a) => a.issuer === issuer)!;

/**
 * The expected account as this app stores it. `names` replaces issuer and name where the app cannot know them
 * (null: do not compare them).
 */
function shape(e: Expected, names: { issuer: string; name: string } | null = e) {
  return expect.objectContaining({
    type: e.type,
    secret: e.secret,
    algorithm: e.algorithm,
    digits: e.digits,
    ...(e.type === 'hotp' ? { counter: e.counter } : { period: e.period }),
    ...(names ? { issuer: names.issuer, name: names.name } : {}),
  });
}
const issuers = (list: string[]) => list.map((i) => shape(byIssuer(i)));

const TOTP3 = ['Deno', 'SPDX', 'Airbnb'];
const STRATUM7 = [...TOTP3, 'Issuu', 'Air Canada', 'WWE', 'Boeing'];

describe.skipIf(!present)('compatibility with real exports (part B)', () => {
  it.each([
    ['bitwarden/bitwarden.json', 'Bitwarden'],
    ['bitwarden/bitwarden.csv', 'Bitwarden (CSV)'],
  ])('%s: three TOTP links and a steam:// secret', async (path, format) => {
    const result = await importFile(read(path));
    expect(result.format).toBe(format);
    // A steam:// value carries no names: the item name becomes the issuer.
    expect(result.accounts).toEqual([...issuers(TOTP3), shape(byIssuer('Boeing'), null)]);
    expect(result.problems).toEqual([]);
  });

  it('Bitwarden app export: bare Base32 secret, item without TOTP skipped', async () => {
    const result = await importFile(read('bitwarden/proton-testdata/bitwarden_app.json'));
    expect(result.accounts).toEqual([
      expect.objectContaining({ secret: 'KNKVARKSKNCUGUSFKRFUKWJR', issuer: 'ItemWithTOTP', name: 'myusername' }),
    ]);
    expect(result.problems).toEqual([]);
  });

  it('Duo: no issuer; the sample stores its own HOTP counter (3)', async () => {
    const result = await importFile(read('duo/duo.json'));
    expect(result.accounts).toEqual([
      shape(byIssuer('Deno'), { issuer: '', name: 'Mason' }),
      expect.objectContaining({
        type: 'hotp',
        secret: byIssuer('Issuu').secret,
        issuer: '',
        name: 'James',
        counter: 3,
      }),
    ]);
  });

  it('Ente plain export: seven accounts (no Battle.net)', async () => {
    const result = await importFile(read('ente-auth/ente_auth.txt'));
    expect(result.format).toBe('Ente Auth');
    expect(result.accounts).toEqual(issuers(['Air Canada', 'Airbnb', 'Boeing', 'Deno', 'Issuu', 'SPDX', 'WWE']));
  });

  it('Ente plain export with Steam, HOTP and a 90 s period', async () => {
    const result = await importFile(read('ente-auth/plain_with_steam_and_hotp.txt'));
    expect(result.accounts.map((a) => [a.type, a.issuer, a.period, a.counter])).toEqual([
      ['steam', 'Item1happysteam', 30, 0],
      ['hotp', 'Item2hotp', 30, 0],
      ['totp', 'Item3-90sec', 90, 0],
    ]);
    expect(result.accounts[0]?.group).toBe('tag1');
  });

  it('Ente encrypted export, low complexity; wrong password refused', async () => {
    const result = await importFile(read('ente-auth/encrypted.lowcomplexity.txt'), 'password');
    expect(result.format).toBe('Ente Auth (encrypted)');
    expect(result.accounts.map((a) => [a.type, a.issuer, a.name])).toEqual([
      ['hotp', 'dfdf', 'adfasdf'],
      ['totp', 'issuertest', 'accountest'],
      ['steam', 'steam', 'steam'],
    ]);
    await expect(importFile(read('ente-auth/encrypted.lowcomplexity.txt'), 'Password')).rejects.toSatisfy((e) =>
      isLatchkeyError(e, 'wrong-password'),
    );
  });

  // Argon2id with 256 MiB and 16 passes: about 5 s in Node 20 on one core of the CI machine.
  it('Ente encrypted export, nominal complexity, equals encrypted_decrypted.txt', { timeout: 120_000 }, async () => {
    const expected = await enteImporter.parse(toImportInput(read('ente-auth/encrypted_decrypted.txt')));
    const result = await importFile(read('ente-auth/encrypted.nominalcomplexity.txt'), 'password');
    expect(result.accounts).toEqual(expected.accounts);
    expect(result.accounts).toHaveLength(3);
  });

  it('FreeOTP+: stored counter + 1 is the next counter', async () => {
    const result = await importFile(read('freeotp-plus/freeotp_plus.json'));
    expect(result.accounts).toEqual(issuers(['WWE', 'Air Canada', 'Issuu', 'Airbnb', 'SPDX', 'Deno']));
  });

  it('LastPass Authenticator', async () => {
    const result = await importFile(read('lastpass/lastpass.json'));
    expect(result.accounts.map((a) => [a.issuer, a.name, a.algorithm, a.digits, a.period])).toEqual([
      ['issuer', 'account name default', 'SHA1', 6, 30],
      ['other', 'sha256', 'SHA256', 8, 20],
      ['', 'sha512 name', 'SHA512', 6, 30],
    ]);
  });

  it('Proton Authenticator', async () => {
    const result = await importFile(read('proton-authenticator/proton_authenticator.json'));
    expect(result.accounts).toEqual(issuers(TOTP3));
  });

  it('Proton Pass zip: main and custom TOTP fields; the malformed one is a problem', async () => {
    const result = await importFile(read('proton-pass/PassExport.zip'));
    expect(result.format).toBe('Proton Pass');
    expect(result.accounts.map((a) => a.secret)).toEqual([
      'K5UHSIDBOJSSA6LPOUQHAZLFNNUW4ZY',
      'JV4VGZLDOJSXIMJSGM2DKNQ',
      'IN2XG5DPNVDGSZLMMQYQ',
      'IN2XG5DPNVDGSZLMMQZA',
      'JVQWS3SUJ5KFA',
      'IN2XG5DPNVDGSZLMMQYQ',
      'IN2XG5DPNVDGSZLMMQZA',
    ]);
    expect(result.accounts[1]).toMatchObject({ issuer: 'MYISSUER', algorithm: 'SHA256', digits: 8, period: 15 });
    expect(result.problems).toEqual([{ entry: expect.stringContaining('Malformed totp'), reason: expect.any(String) }]);
  });

  it.each(['steam/steam.json', 'steam/steam_old.json'])('%s: issuer Steam', async (path) => {
    const result = await importFile(read(path));
    expect(result.accounts).toEqual([shape(byIssuer('Boeing'), { issuer: 'Steam', name: 'Sophia' })]);
  });

  it.each([
    ['stratum/stratum_plain.json', undefined, 'Stratum'],
    ['stratum/stratum_encrypted.bin', 'test', 'Stratum (encrypted)'],
    ['stratum/stratum_encrypted_legacy.bin', 'test', 'Stratum (encrypted)'],
  ])('%s', async (path, password, format) => {
    const result = await importFile(read(path), password);
    expect(result.format).toBe(format);
    expect(result.accounts).toEqual(issuers(STRATUM7));
    if (password) {
      await expect(importFile(read(path), 'wrong')).rejects.toSatisfy((e) => isLatchkeyError(e, 'wrong-password'));
    }
  });
});
