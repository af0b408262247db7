/**
 * Compatibility with real files written by other apps (part A formats: otpauth lists, Google Authenticator
 * migration links, Aegis, 2FAS, andOTP). The samples are GPL test data kept outside the project in
 * ../shared/compat-samples; these tests read them in place and are skipped when the folder is absent.
 */
import {
  COMPAT_SAMPLES_PRESENT as present,
  expectedGoogleAccounts,
  expectedSampleAccounts,
  sampleBytes as read,
  sampleText,
} from '../../../support/compat-samples';
import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../../../src/core/account';
import { generateCode } from '../../../../src/core/otp';
import { parseOtpauth } from '../../../../src/core/uri';
import { detectFormat, importFile, toImportInput } from '../../../../src/formats/index';
import { decodeMigrationLink } from '../../../../src/formats/google-migration/payload';
import { uriListImporter } from '../../../../src/formats/uri-list';
import { expectRefusal } from '../fixtures';

interface Expected extends AccountDraft {
  code?: string;
  code_at_1700000000?: string;
}

const expectedAll: Expected[] = expectedSampleAccounts<Expected>().map((a) => ({
  ...a,
  period: a.period ?? 30,
  counter: a.counter ?? 0,
}));

/** Per-app differences listed in INDEX.md. */
const ADJUST = {
  none: (a: Expected): Expected => a,
  /** 2FAS schema 1 keeps no digits, period, algorithm or type: all default. */
  schema1: (a: Expected): Expected => ({ ...a, type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 }),
  /** 2FAS schema 2 has no tokenType nor counter: HOTP entries come out as TOTP with the default period. */
  schema2: (a: Expected): Expected => (a.type === 'hotp' ? { ...a, type: 'totp', period: 30, counter: 0 } : a),
};

interface Sample {
  file: string;
  password?: string;
  importer: string;
  /** Issuers of the expected accounts the file holds, in file order. */
  issuers: string[];
  adjust?: keyof typeof ADJUST;
  groups?: (string | undefined)[];
}

const SEVEN = ['Deno', 'SPDX', 'Airbnb', 'Issuu', 'Air Canada', 'WWE', 'Boeing'];
const SAMPLES: Sample[] = [
  { file: 'otpauth-uri-list/plain.txt', importer: 'otpauth-list', issuers: SEVEN },
  { file: 'aegis/aegis_plain.json', importer: 'aegis', issuers: SEVEN },
  { file: 'aegis/aegis_encrypted.json', password: 'test', importer: 'aegis', issuers: SEVEN },
  {
    file: 'aegis/aegis_plain_grouped_v2.json',
    importer: 'aegis',
    issuers: SEVEN,
    groups: ['group1', undefined, 'group1', 'group2', undefined, undefined, undefined],
  },
  { file: '2fas/2fas_authenticator.json', importer: '2fas', issuers: SEVEN.slice(0, 6), adjust: 'schema1' },
  {
    file: '2fas/2fas_authenticator_plain.2fas',
    importer: '2fas',
    issuers: ['Deno', 'Airbnb', 'Issuu', 'WWE'],
    adjust: 'schema2',
  },
  {
    file: '2fas/2fas_authenticator_encrypted.2fas',
    password: 'test',
    importer: '2fas',
    issuers: ['Deno', 'Airbnb', 'Issuu', 'WWE'],
    adjust: 'schema2',
  },
  { file: '2fas/2fas_authenticator_plain_v3.2fas', importer: '2fas', issuers: SEVEN.slice(0, 6) },
  { file: '2fas/2fas_authenticator_encrypted_v3.2fas', password: 'test', importer: '2fas', issuers: SEVEN.slice(0, 6) },
  {
    file: '2fas/2fas_authenticator_plain_v4.2fas',
    importer: '2fas',
    issuers: ['Deno', 'Issuu', 'Air Canada', 'WWE', 'Boeing'],
  },
  {
    file: '2fas/2fas_authenticator_encrypted_v4.2fas',
    password: 'test',
    importer: '2fas',
    issuers: ['Deno', 'Issuu', 'Air Canada', 'WWE', 'Boeing'],
  },
  { file: 'andotp/andotp_plain.json', importer: 'andotp', issuers: SEVEN },
  { file: 'andotp/andotp_encrypted.bin', password: 'test', importer: 'andotp', issuers: SEVEN },
  // The old format's labels read "Deno - Deno:Mason"; the importer recovers issuer and name from them.
  { file: 'andotp/andotp_encrypted_old.bin', password: 'test', importer: 'andotp', issuers: SEVEN.slice(0, 6) },
];

const NOW = 1_700_000_000_000;

async function checkAgainstExpected(accounts: AccountDraft[], sample: Sample): Promise<void> {
  const adjust = ADJUST[sample.adjust ?? 'none'];
  const wanted = sample.issuers.map((issuer) => adjust(expectedAll.find((e) => e.issuer === issuer)!));
  const fields = (a: AccountDraft) => {
    const { type, issuer, name, secret, algorithm, digits, period, counter } = a;
    return { type, issuer, name, secret, algorithm, digits, period, counter };
  };
  expect(accounts.map(fields)).toEqual(wanted.map(fields));
  if (sample.groups) expect(accounts.map((a) => a.group)).toEqual(sample.groups);
  if (sample.adjust) return; // codes differ where the app lost parameters
  for (const [i, account] of accounts.entries()) {
    const code = await generateCode(account, { now: NOW });
    expect(code, `${sample.file} ${account.issuer}`).toBe(wanted[i]!.code ?? wanted[i]!.code_at_1700000000);
  }
}

describe.skipIf(!present)('real samples, part A formats', () => {
  it.each(SAMPLES)('$file', async (sample) => {
    const input = toImportInput(read(sample.file));
    expect(detectFormat(input).id).toBe(sample.importer);
    const result = await importFile(read(sample.file), sample.password);
    expect(result.problems).toEqual([]);
    await checkAgainstExpected(result.accounts, sample);
  });

  it.each([
    ['aegis/aegis_encrypted.json'],
    ['2fas/2fas_authenticator_encrypted_v4.2fas'],
    ['andotp/andotp_encrypted.bin'],
    ['andotp/andotp_encrypted_old.bin'],
  ])('%s refuses a wrong password', async (file) => {
    await expectRefusal(importFile(read(file), 'not-the-password'), 'wrong-password');
  });

  it('Ente Auth plain export reads through the otpauth list importer too', async () => {
    const result = await uriListImporter.parse(toImportInput(read('ente-auth/ente_auth.txt')));
    const bySecret = (a: AccountDraft) => a.secret;
    const sorted = (list: AccountDraft[]) => [...list].sort((a, b) => bySecret(a).localeCompare(bySecret(b)));
    await checkAgainstExpected(sorted(result.accounts), {
      file: 'ente-auth/ente_auth.txt',
      importer: 'ente',
      issuers: sorted(expectedAll.slice(0, 7)).map((a) => a.issuer),
    });
  });

  it('Proton test data: Aegis db v3 and 2FAS schema 4 (encrypted and from iOS)', async () => {
    const summary = (accounts: AccountDraft[]) => accounts.map((a) => [a.type, a.issuer, a.name, a.secret, a.digits]);
    const aegis = await importFile(read('aegis/proton-testdata/aegis-json-encrypted-test.json'), 'test');
    expect(summary(aegis.accounts)).toEqual([
      ['totp', 'myissuer', 'mylabel815256', 'MYSECRET', 8],
      ['totp', 'myissuer', 'mylabeldefault', 'MYSECRET', 6],
      ['steam', 'Steam', 'Steam', 'STEAMKEY', 5],
    ]);
    expect(aegis.accounts[0]).toMatchObject({ algorithm: 'SHA256', period: 15 });
    const twofas = await importFile(read('2fas/proton-testdata/encrypted.2fas'), 'test');
    expect(summary(twofas.accounts)).toEqual([
      ['totp', 'myissuer', 'mylabeldefault', 'MYSECRET', 6],
      ['steam', 'Steam', '', 'STEAMKEY', 5],
    ]);
    const ios = await importFile(read('2fas/proton-testdata/decrypted_ios.2fas'));
    expect(summary(ios.accounts)).toEqual([
      ['totp', 'Code1 2FAS', '', 'JDJDBDBDDBDBBXBXB', 6],
      ['totp', 'Code2 2FAS', '', 'JDJDUZBXHSHDBXBXHBB', 6],
    ]);
  });
});

describe.skipIf(!present)('real samples, Google Authenticator migration links', () => {
  const dir = 'google-authenticator-migration/';

  it('example_export.txt decodes as example_output.json and url_list_output.txt say', async () => {
    const expected = expectedGoogleAccounts();
    const result = await importFile(read(`${dir}example_export.txt`));
    expect(result.format).toBe('Google Authenticator export');
    expect(result.problems).toEqual([]);
    expect(result.accounts.map((a) => ({ ...a }))).toEqual(expected);
    const urls = sampleText(`${dir}url_list_output.txt`).trim().split('\n');
    // Names are not compared: read as a link, "encoding%3A ..." is an issuer prefix, which the payload's name is not.
    const essentials = (a: AccountDraft) => [a.type, a.secret, a.counter];
    expect(urls.map((url) => essentials(parseOtpauth(url)))).toEqual(result.accounts.map(essentials));
  });

  it('test_plus_problem_export.txt keeps a raw "+" in the data', async () => {
    const result = await importFile(read(`${dir}test_plus_problem_export.txt`));
    expect(result.problems).toEqual([]);
    expect(result.accounts.map((a) => [a.issuer, a.name, a.type])).toEqual(
      [1, 2, 3, 4].map((n) => ['SerenityLabs', `test${n}@serenitylabs.co.uk`, 'totp']),
    );
  });

  it('test_export_wrong_data.txt fails cleanly', async () => {
    const text = sampleText(`${dir}test_export_wrong_data.txt`);
    await expectRefusal(() => decodeMigrationLink(text), 'bad-migration');
    const result = await importFile(read(`${dir}test_export_wrong_data.txt`));
    expect(result.accounts).toEqual([]);
    expect(result.problems).toEqual([{ entry: 'line 1', reason: expect.stringMatching(/damaged/) }]);
  });
});
