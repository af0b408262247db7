import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toImportInput } from '../../../src/formats/index';
import { protonImporter } from '../../../src/formats/proton/authenticator';
import { protonPassImporter } from '../../../src/formats/proton/pass';
import { argon2Key, b64, bytesOf, expectRefusal, gcmSeal, json, utf8 } from './fixtures';

const PLAIN = {
  version: 1,
  entries: [
    {
      id: 'a',
      content: {
        uri: 'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno',
        entry_type: 'Totp',
        name: 'Mason',
      },
      note: 'recovery codes in the safe',
    },
    { id: 'b', content: { uri: 'steam://JRZCL47CMXVOQMNPZR2F7J4RGI', entry_type: 'Steam', name: 'gabe' }, note: null },
    { id: 'c', content: { uri: 'otpauth://totp/NoSecret', entry_type: 'Totp', name: 'Broken' }, note: null },
  ],
};

async function encrypted(plain: unknown, password: string, aad = 'proton.authenticator.export.v1') {
  const salt = bytesOf(16, 4);
  const nonce = bytesOf(12, 6);
  const key = await argon2Key(password, salt, 19 * 1024, 2);
  const sealed = gcmSeal(key, nonce, utf8(JSON.stringify(plain)), utf8(aad));
  return { version: 1, salt: b64(salt), content: b64(Uint8Array.from([...nonce, ...sealed])) };
}

describe('Proton Authenticator', () => {
  it('reads the plain export: links, steam:// and notes; a broken link is a problem', async () => {
    const result = await protonImporter.parse(json(PLAIN));
    expect(result.format).toBe('Proton Authenticator');
    expect(result.accounts).toEqual([
      expect.objectContaining({ issuer: 'Deno', name: 'Mason', note: 'recovery codes in the safe' }),
      expect.objectContaining({ type: 'steam', issuer: 'Steam', name: 'gabe', digits: 5 }),
    ]);
    expect(result.problems).toEqual([{ entry: 'Broken', reason: expect.stringMatching(/secret/) }]);
  });

  it('decrypts the password-protected export (Argon2id + AES-GCM with the export AAD)', async () => {
    const input = json(await encrypted(PLAIN, 'correct horse'));
    expect([protonImporter.detect(input), protonImporter.isEncrypted(input)]).toEqual([true, true]);
    const result = await protonImporter.parse(input, 'correct horse');
    expect(result.format).toBe('Proton Authenticator (encrypted)');
    expect(result.accounts).toHaveLength(2);
  });

  it('refuses wrong passwords, other AADs, damaged content and unknown versions', async () => {
    const file = await encrypted(PLAIN, 'pw');
    await expectRefusal(protonImporter.parse(json(file), 'nope'), 'wrong-password');
    await expectRefusal(protonImporter.parse(json(file)), 'password-required');
    await expectRefusal(protonImporter.parse(json(await encrypted(PLAIN, 'pw', 'other')), 'pw'), 'wrong-password');
    await expectRefusal(
      protonImporter.parse(json({ ...file, content: file.content.slice(0, 20) }), 'pw'),
      'damaged-file',
    );
    await expectRefusal(protonImporter.parse(json({ ...file, salt: b64(bytesOf(8)) }), 'pw'), 'damaged-file');
    await expectRefusal(protonImporter.parse(json({ ...file, version: 2 }), 'pw'), 'unsupported-format');
    const listInside = await encrypted([1], 'pw');
    await expectRefusal(protonImporter.parse(json(listInside), 'pw'), 'damaged-file');
  });
});

function passZip(data: unknown, name = 'Proton Pass/data.json') {
  return toImportInput(zipSync({ [name]: utf8(typeof data === 'string' ? data : JSON.stringify(data)) }));
}

const login = (name: string, totpUri: string, extra: unknown[] = [], state = 1) => ({
  itemId: name,
  state,
  data: {
    metadata: { name, note: '' },
    type: 'login',
    extraFields: extra,
    content: { itemEmail: 'me@example.com', itemUsername: '', totpUri, urls: [] },
  },
});
const totpField = (fieldName: string, totpUri: string) => ({ fieldName, type: 'totp', data: { totpUri } });

describe('Proton Pass export zip', () => {
  const data = {
    vaults: {
      v1: {
        name: 'Personal',
        items: [
          login('GitHub', 'JBSWY3DPEHPK3PXP', [totpField('backup', 'otpauth://totp/GH:alt?secret=GEZDGNBVGY3TQOJQ')]),
          login('No TOTP', ''),
          login('Old', 'GEZDGNBVGY3TQOJQ', [], 2),
          { itemId: 'n', state: 1, data: { metadata: { name: 'note' }, type: 'note', content: {} } },
          login('Bad', 'otpauth://totp/ThisIsABadTotp'),
        ],
      },
    },
  };

  it('reads main and custom TOTP fields, groups by vault, reports trashed and broken ones', async () => {
    const input = passZip(data);
    expect(protonPassImporter.detect(input)).toBe(true);
    const result = await protonPassImporter.parse(input);
    expect(result.accounts).toEqual([
      expect.objectContaining({
        issuer: 'GitHub',
        name: 'me@example.com',
        secret: 'JBSWY3DPEHPK3PXP',
        group: 'Personal',
      }),
      expect.objectContaining({ issuer: 'GH', name: 'alt', group: 'Personal' }),
    ]);
    expect(result.problems.map((p) => p.entry)).toEqual(['Old', 'Bad']);
    expect(result.problems[0]?.reason).toMatch(/trash/);
  });

  it('refuses PGP-encrypted exports, broken zips and damaged data.json', async () => {
    await expectRefusal(
      protonPassImporter.parse(passZip('-----BEGIN PGP', 'Proton Pass/data.pgp')),
      'unsupported-format',
    );
    await expectRefusal(protonPassImporter.parse(passZip('{"vaults": ')), 'damaged-file');
    await expectRefusal(protonPassImporter.parse(passZip({ other: 1 })), 'damaged-file');
    const zip = zipSync({ 'Proton Pass/data.json': utf8(JSON.stringify(data)) });
    await expectRefusal(protonPassImporter.parse(toImportInput(zip.subarray(0, zip.length - 30))), 'damaged-file');
  });

  it.each([
    ['a Proton Pass zip', passZip(data), true],
    ['another zip', toImportInput(zipSync({ 'data.json': utf8('{}') })), false],
    ['JSON mentioning the path', json({ path: 'Proton Pass/data.json' }), false],
  ])('detects %s', (_, input, expected) => {
    expect(protonPassImporter.detect(input)).toBe(expected);
  });
});
