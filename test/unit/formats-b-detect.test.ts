import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat, importers, toImportInput } from '../../src/formats/index';
import { isLatchkeyError } from '../../src/core/errors';
import type { ImportInput } from '../../src/formats/types';
import { json, textInput, utf8 } from './formats-b-fixtures';

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

describe('part-B detection', () => {
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
