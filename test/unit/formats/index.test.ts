import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat, importers, toImportInput } from '../../../src/formats/index';
import { isLatchkeyError } from '../../../src/core/errors';
import type { ImportInput } from '../../../src/formats/types';
import { expectRefusal, json, textInput, utf8 } from './fixtures';

const PART_B = [
  'stratum',
  'proton-pass',
  'ente',
  'proton-authenticator',
  'bitwarden',
  'freeotp-plus',
  'lastpass',
  'steam',
  'duo',
  'authenticator-ext',
];
const partB = importers.filter((i) => PART_B.includes(i.id));
const LINK = 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP&issuer=A';

/** One minimal file per part-B format: the registry as a whole must pick the right importer by content. */
const OURS: [string, ImportInput][] = [
  ['stratum', json({ Authenticators: [] })],
  ['stratum', toImportInput(Uint8Array.from([...utf8('AUTHENTICATORPRO'), 1, 2, 3]))],
  ['stratum', toImportInput(Uint8Array.from([...utf8('AuthenticatorPro'), 0xff, 0xfe]))],
  ['proton-pass', toImportInput(zipSync({ 'Proton Pass/data.json': utf8('{"vaults":{}}') }))],
  ['ente', textInput(`${LINK}&codeDisplay=%7B%7D\n`)],
  ['ente', json({ version: 1, kdfParams: {}, encryptedData: '', encryptionNonce: '' })],
  ['proton-authenticator', json({ version: 1, entries: [{ content: { uri: LINK } }] })],
  ['proton-authenticator', json({ version: 1, salt: 'AA==', content: 'AA==' })],
  ['bitwarden', json({ encrypted: false, items: [] })],
  ['bitwarden', textInput('name,login_username,login_totp\nA,b,JBSWY3DPEHPK3PXP')],
  ['freeotp-plus', json({ tokenOrder: [], tokens: [{ secret: [1, 2] }] })],
  ['lastpass', json({ localDeviceId: 'x', version: 3, accounts: [{ secret: 'JBSWY3DPEHPK3PXP' }] })],
  ['steam', json({ shared_secret: 'AAAA', account_name: 'x' })],
  ['duo', json([{ name: 'x', otpGenerator: { otpSecret: 'JBSWY3DPEHPK3PXP' } }])],
  ['authenticator-ext', json({ h: { secret: 'JBSWY3DPEHPK3PXP', type: 'totp', encrypted: false } })],
];

/** Files of part A's formats and unrelated content: no part-B importer may claim them. */
const OTHERS: [string, ImportInput][] = [
  ['an otpauth list', textInput(`${LINK}\n${LINK}`)],
  ['a Google migration link', textInput('otpauth-migration://offline?data=CgA%3D')],
  ['an Aegis vault', json({ version: 1, header: { slots: null, params: null }, db: { version: 3, entries: [] } })],
  ['a 2FAS backup', json({ services: [], groups: [], schemaVersion: 4, appVersionCode: 5 })],
  ['an andOTP array', json([{ secret: 'JBSWY3DPEHPK3PXP', issuer: 'A', label: 'b', type: 'TOTP' }])],
  ['random JSON', json({ hello: 'world', list: [1, 2] })],
  ['random bytes', toImportInput(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))],
  ['empty text', textInput('')],
];

/** Files cut in half: the format's importer still claims them, and refuses them as damaged. */
const cut = (value: unknown) => {
  const full = JSON.stringify(value);
  return textInput(full.slice(0, Math.ceil(full.length * 0.8)));
};
const TRUNCATED: [string, ImportInput][] = [
  ['stratum', cut({ Authenticators: [{ Issuer: 'A', Secret: 'JBSWY3DPEHPK3PXP' }] })],
  ['ente', cut({ version: 1, kdfParams: { memLimit: 1 }, encryptedData: 'AAAA', encryptionNonce: 'AAAA' })],
  ['proton-authenticator', cut({ version: 1, entries: [{ content: { uri: LINK } }] })],
  [
    'proton-authenticator',
    cut({ version: 1, salt: 'AAAA', content: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }),
  ],
  ['bitwarden', cut({ encrypted: false, items: [{ name: 'x', login: { totp: LINK } }] })],
  ['bitwarden', cut({ encrypted: true, passwordProtected: true, data: '2.aaaaaaaaaaaaaaaaaaaaaaaaaa' })],
  ['freeotp-plus', cut({ tokens: [{ secret: [1, 2, 3, 4, 5, 6, 7, 8, 9], label: 'x', type: 'TOTP' }] })],
  ['lastpass', cut({ localDeviceId: 'x', accounts: [{ secret: 'JBSWY3DPEHPK3PXP', userName: 'someone' }] })],
  ['steam', cut({ shared_secret: 'AAAA', account_name: 'x', revocation_code: 'R12345', uri: LINK })],
  ['duo', cut([{ name: 'x', otpGenerator: { otpSecret: 'JBSWY3DPEHPK3PXP' }, pkey: 'abcdef' }])],
  ['authenticator-ext', cut({ h: { encrypted: false, index: 0, secret: 'JBSWY3DPEHPK3PXP', type: 'totp' } })],
];

describe('part-B detection', () => {
  it.each(TRUNCATED)('a cut-short %s file is claimed and refused as damaged', async (id, input) => {
    const importer = detectFormat(input);
    expect(importer.id).toBe(id);
    await expectRefusal(importer.parse(input, 'pw'), 'damaged-file');
  });

  it.each(OURS)('the registry picks %s', (id, input) => {
    expect(detectFormat(input).id).toBe(id);
  });

  it.each(OURS)('only the %s importer claims its file among part B', (id, input) => {
    expect(partB.filter((i) => i.detect(input)).map((i) => i.id)).toEqual([id]);
  });

  it.each(OTHERS)('no part-B importer claims %s', (_, input) => {
    expect(partB.filter((i) => i.detect(input)).map((i) => i.id)).toEqual([]);
  });

  it('refuses unknown content with a sentence', () => {
    const error = (() => {
      try {
        detectFormat(json({ hello: 'world' }));
      } catch (e) {
        return e;
      }
    })();
    expect(isLatchkeyError(error, 'unsupported-format')).toBe(true);
  });
});
