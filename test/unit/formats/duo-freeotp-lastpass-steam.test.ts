import { describe, expect, it } from 'vitest';
import { duoImporter } from '../../../src/formats/duo';
import { freeOtpPlusImporter } from '../../../src/formats/freeotp-plus';
import { lastPassImporter } from '../../../src/formats/lastpass';
import { steamImporter } from '../../../src/formats/steam-mafile';
import { json } from './fixtures';

/** Bytes as Java writes them: signed. */
const javaBytes = (hex: string) => Array.from(Buffer.from(hex, 'hex'), (b) => (b > 127 ? b - 256 : b));
// JBSWY3DPEHPK3PXP is Base32 of these bytes ("Hello!\xDE\xAD\xBE\xEF").
const HELLO = '48656c6c6f21deadbeef';

describe('FreeOTP+', () => {
  const token = (fields: Record<string, unknown>) => ({
    algo: 'SHA1',
    counter: 0,
    digits: 6,
    issuerExt: 'Acme',
    issuerInt: 'Acme',
    label: 'bob',
    period: 30,
    secret: javaBytes(HELLO),
    type: 'TOTP',
    ...fields,
  });
  const file = {
    tokenOrder: ['WWE:Mason', 'Acme:bob'],
    tokens: [
      token({}),
      token({
        type: 'HOTP',
        counter: 10299,
        issuerExt: 'WWE',
        issuerInt: 'WWE',
        label: 'Mason',
        algo: 'SHA512',
        digits: 8,
      }),
      token({ label: 'broken', secret: [1, 2, 300] }),
    ],
  };

  it('converts signed byte secrets, adds one to the stored HOTP counter, follows tokenOrder', async () => {
    const result = await freeOtpPlusImporter.parse(json(file));
    expect(result.accounts).toEqual([
      expect.objectContaining({ issuer: 'WWE', type: 'hotp', counter: 10300, algorithm: 'SHA512', digits: 8 }),
      expect.objectContaining({ issuer: 'Acme', name: 'bob', secret: 'JBSWY3DPEHPK3PXP', type: 'totp' }),
    ]);
    expect(result.problems).toEqual([{ entry: 'Acme (broken)', reason: expect.stringMatching(/bytes/) }]);
  });

  it.each([
    [file, true],
    [{ tokens: [{ secret: 'JBSWY3DPEHPK3PXP' }] }, false],
    [{ tokens: 'x' }, false],
  ])('detects %#', (value, expected) => {
    expect(freeOtpPlusImporter.detect(json(value))).toBe(expected);
  });
});

describe('LastPass Authenticator', () => {
  const account = (fields: Record<string, unknown>) => ({
    accountID: 'id',
    issuerName: '',
    originalIssuerName: 'Orig',
    userName: '',
    originalUserName: 'orig-user',
    secret: 'JBSWY3DPEHPK3PXP',
    timeStep: 30,
    digits: 6,
    algorithm: 'SHA1',
    isFavorite: false,
    folderData: { folderId: 0, position: 0 },
    ...fields,
  });
  const file = {
    deviceId: '',
    deviceSecret: '',
    localDeviceId: 'x',
    version: 3,
    accounts: [
      account({ issuerName: 'Edited', userName: 'me', isFavorite: true, folderData: { folderId: 5 } }),
      account({ algorithm: 'SHA256', digits: 8, timeStep: 20 }),
      account({ secret: '' }),
    ],
    folders: [
      { id: 0, name: 'Other accounts' },
      { id: 5, name: 'Banks' },
    ],
  };

  it('prefers edited names, maps folders (not the built-in ones) and favourites', async () => {
    const result = await lastPassImporter.parse(json(file));
    expect(result.accounts).toEqual([
      expect.objectContaining({ issuer: 'Edited', name: 'me', favorite: true, group: 'Banks' }),
      expect.objectContaining({ issuer: 'Orig', name: 'orig-user', algorithm: 'SHA256', digits: 8, period: 20 }),
    ]);
    expect(result.accounts[1]).not.toHaveProperty('group');
    expect(result.problems).toEqual([{ entry: 'Orig (orig-user)', reason: expect.stringMatching(/empty/i) }]);
  });

  it('is not confused with other files that have "accounts"', () => {
    expect(lastPassImporter.detect(json(file))).toBe(true);
    expect(lastPassImporter.detect(json({ accounts: [{ secret: 'x' }] }))).toBe(false);
  });
});

describe('Steam', () => {
  const ma = {
    shared_secret: Buffer.from(HELLO, 'hex').toString('base64'),
    account_name: 'gabe',
    revocation_code: 'R1',
  };

  it.each([
    ['an SDA maFile', ma],
    ['the Steam app file', { accounts: { '7656': ma } }],
  ])('reads %s: shared_secret Base64 becomes Base32', async (_, value) => {
    const result = await steamImporter.parse(json(value));
    expect(result.accounts).toEqual([
      {
        type: 'steam',
        secret: 'JBSWY3DPEHPK3PXP',
        issuer: 'Steam',
        name: 'gabe',
        algorithm: 'SHA1',
        digits: 5,
        period: 30,
        counter: 0,
      },
    ]);
  });

  it('reports a secret that is not Base64', async () => {
    const result = await steamImporter.parse(json({ ...ma, shared_secret: '***' }));
    expect(result.accounts).toEqual([]);
    expect(result.problems).toEqual([{ entry: 'Steam (gabe)', reason: expect.stringMatching(/Base64/) }]);
  });

  it('detects only Steam files', () => {
    expect(steamImporter.detect(json(ma))).toBe(true);
    expect(steamImporter.detect(json({ shared_secret: 'x' }))).toBe(false);
  });
});

describe('Duo Mobile', () => {
  const file = [
    { name: 'Mason', accountType: 'OtpAccount', otpGenerator: { otpSecret: 'JBSWY3DPEHPK3PXP' } },
    { name: 'James', accountType: 'OtpAccount', otpGenerator: { otpSecret: 'GEZDGNBVGY3TQOJQ', counter: 3 } },
    { name: 'Push', accountType: 'DuoAccount', otpGenerator: null },
  ];

  it('reads TOTP and HOTP (counter present) accounts; push-only accounts are problems', async () => {
    const result = await duoImporter.parse(json(file));
    expect(result.accounts).toEqual([
      expect.objectContaining({ type: 'totp', name: 'Mason', issuer: '' }),
      expect.objectContaining({ type: 'hotp', name: 'James', counter: 3 }),
    ]);
    expect(result.problems).toEqual([{ entry: 'Push', reason: expect.stringMatching(/push/) }]);
  });

  it('detects arrays of Duo accounts only', () => {
    expect(duoImporter.detect(json(file))).toBe(true);
    expect(duoImporter.detect(json([{ secret: 'x' }]))).toBe(false);
    expect(duoImporter.detect(json([]))).toBe(false);
  });
});
