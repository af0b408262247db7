import { createCipheriv, createHash, createHmac, pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bitwardenImporter } from '../../../src/formats/bitwarden/import';
import { parseCsv } from '../../../src/formats/shared/loose';
import { argon2Key, bytesOf, expectRefusal, json, textInput } from './fixtures';

const item = (name: string, totp: unknown, username: string | null = 'me', extra: Record<string, unknown> = {}) => ({
  id: name,
  type: 1,
  name,
  notes: null,
  favorite: false,
  login: { uris: [], username, password: 'pw', totp },
  ...extra,
});

const EXPORT = {
  encrypted: false,
  folders: [],
  items: [
    item('Deno', 'otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno'),
    item('Label only', 'otpauth://totp/?secret=GEZDGNBVGY3TQOJQ', 'ann', { favorite: true, notes: 'old phone' }),
    item('Steam', 'steam://JRZCL47CMXVOQMNPZR2F7J4RGI', 'gabe'),
    item('Bare', 'jbsw y3dp ehpk 3pxp', null),
    item('No 2FA', null),
    item('Empty 2FA', ''),
    { id: 'card', type: 3, name: 'Visa', card: { number: '4111' } },
    item('Broken', 'not-base32!'),
    item('Other link', 'https://example.com/totp'),
  ],
};

describe('Bitwarden JSON', () => {
  it('reads otpauth, steam:// and bare secrets; items without a secret are skipped; bad ones are problems', async () => {
    const result = await bitwardenImporter.parse(json(EXPORT));
    expect(result.format).toBe('Bitwarden');
    expect(result.accounts).toEqual([
      expect.objectContaining({ issuer: 'Deno', name: 'Mason', type: 'totp' }),
      expect.objectContaining({ issuer: 'Label only', name: 'ann', favorite: true, note: 'old phone' }),
      expect.objectContaining({ type: 'steam', issuer: 'Steam', name: 'gabe', digits: 5 }),
      expect.objectContaining({ issuer: 'Bare', name: '', secret: 'JBSWY3DPEHPK3PXP', period: 30, digits: 6 }),
    ]);
    expect(result.problems.map((p) => p.entry)).toEqual(['Broken (me)', 'Other link (me)']);
    expect(result.problems.every((p) => /^[A-Z].*\.$/.test(p.reason))).toBe(true);
  });

  it('refuses account-restricted exports with advice, and a JSON without items as damaged', async () => {
    const restricted = { encrypted: true, encKeyValidation_DO_NOT_EDIT: '2.a|b|c', data: '2.abc|def|ghi', items: [] };
    expect([bitwardenImporter.detect(json(restricted)), bitwardenImporter.isEncrypted(json(restricted))]).toEqual([
      true,
      false,
    ]);
    await expectRefusal(bitwardenImporter.parse(json(restricted)), 'unsupported-format');
    await expectRefusal(bitwardenImporter.parse(json({ encrypted: false, data: 'x' })), 'damaged-file');
  });
});

/** Bitwarden's password-protected export, built with node:crypto (HKDF-Expand written out as one HMAC block). */
async function passwordProtected(plain: unknown, password: string, kdf: 'pbkdf2' | 'argon2id' = 'pbkdf2') {
  const salt = Buffer.from(bytesOf(16, 9)).toString('base64');
  const key =
    kdf === 'pbkdf2'
      ? pbkdf2Sync(password, salt, 5000, 32, 'sha256')
      : await argon2Key(password, createHash('sha256').update(salt).digest(), 16 * 1024, 2, 2);
  const encKey = createHmac('sha256', key).update('enc\x01').digest();
  const macKey = createHmac('sha256', key).update('mac\x01').digest();
  const encString = (value: string, seed: number) => {
    const iv = bytesOf(16, seed);
    const cipher = createCipheriv('aes-256-cbc', encKey, iv);
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    const mac = createHmac('sha256', macKey)
      .update(Buffer.concat([iv, body]))
      .digest();
    return `2.${Buffer.from(iv).toString('base64')}|${body.toString('base64')}|${mac.toString('base64')}`;
  };
  return {
    encrypted: true,
    passwordProtected: true,
    salt,
    kdfType: kdf === 'pbkdf2' ? 0 : 1,
    kdfIterations: kdf === 'pbkdf2' ? 5000 : 2,
    kdfMemory: kdf === 'pbkdf2' ? null : 16,
    kdfParallelism: kdf === 'pbkdf2' ? null : 2,
    encKeyValidation_DO_NOT_EDIT: encString('a3f1c0de-0000-4000-8000-000000000000', 1),
    data: encString(JSON.stringify(plain), 2),
  };
}

describe('Bitwarden password-protected JSON', () => {
  it.each(['pbkdf2', 'argon2id'] as const)('decrypts a %s export', async (kdf) => {
    const input = json(await passwordProtected(EXPORT, 'vault pw', kdf));
    expect([bitwardenImporter.detect(input), bitwardenImporter.isEncrypted(input)]).toEqual([true, true]);
    const result = await bitwardenImporter.parse(input, 'vault pw');
    expect(result.format).toBe('Bitwarden (encrypted)');
    expect(result.accounts).toHaveLength(4);
    expect(result.problems).toHaveLength(2);
  });

  it('refuses a wrong or missing password, altered data and unknown settings', async () => {
    const file = await passwordProtected(EXPORT, 'vault pw');
    await expectRefusal(bitwardenImporter.parse(json(file), 'Vault pw'), 'wrong-password');
    await expectRefusal(bitwardenImporter.parse(json(file)), 'password-required');
    const [head, body, mac] = file.data.split('|');
    const altered = `${head}|${(body ?? '').replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}|${mac}`;
    await expectRefusal(bitwardenImporter.parse(json({ ...file, data: altered }), 'vault pw'), 'damaged-file');
    await expectRefusal(bitwardenImporter.parse(json({ ...file, data: 'garbage' }), 'vault pw'), 'damaged-file');
    await expectRefusal(bitwardenImporter.parse(json({ ...file, kdfType: 7 }), 'vault pw'), 'damaged-file');
    const heavy = { ...file, kdfType: 1, kdfMemory: 4096, kdfParallelism: 1, kdfIterations: 3 };
    await expectRefusal(bitwardenImporter.parse(json(heavy), 'vault pw'), 'kdf-params');
  });
});

describe('Bitwarden CSV', () => {
  const CSV = [
    'folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp',
    ',1,login,"Acme, Inc.","line one\r\nline ""two""",,0,https://acme.test,bob,pw,otpauth://totp/Acme:bob?secret=JBSWY3DPEHPK3PXP',
    ',,login,Plain,,,0,,,pw,',
    ',,login,Bare,,,0,,carol,pw,GEZDGNBVGY3TQOJQ',
    ',,login,Bad,,,0,,dave,pw,0189',
  ].join('\r\n');

  it('parses quoted fields with commas, quotes and line breaks', async () => {
    const result = await bitwardenImporter.parse(textInput(CSV));
    expect(result.format).toBe('Bitwarden (CSV)');
    expect(result.accounts).toEqual([
      expect.objectContaining({ issuer: 'Acme', name: 'bob', note: 'line one\r\nline "two"', favorite: true }),
      expect.objectContaining({ issuer: 'Bare', name: 'carol', secret: 'GEZDGNBVGY3TQOJQ' }),
    ]);
    expect(result.problems).toEqual([{ entry: 'Bad (dave)', reason: expect.stringMatching(/Base32/) }]);
  });

  it.each([
    [
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    ['"x""y",z\n\n', [['x"y', 'z']]],
    [
      'a,\n,b',
      [
        ['a', ''],
        ['', 'b'],
      ],
    ],
  ])('parseCsv(%j)', (csv, rows) => {
    expect(parseCsv(csv)).toEqual(rows);
  });

  it('refuses a CSV cut inside a quoted field', async () => {
    await expectRefusal(bitwardenImporter.parse(textInput(`${CSV}\n,,login,"unfinished`)), 'damaged-file');
  });

  it.each([
    ['the Bitwarden header', CSV, true],
    ['a CSV without login_totp', 'name,login_username\nx,y', false],
    ['an otpauth list', 'otpauth://totp/A?secret=JBSWY3DPEHPK3PXP', false],
  ])('detects %s', (_, content, expected) => {
    expect(bitwardenImporter.detect(textInput(content))).toBe(expected);
  });
});
