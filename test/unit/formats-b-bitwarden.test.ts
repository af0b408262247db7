import { describe, expect, it } from 'vitest';
import { bitwardenImporter } from '../../src/formats/bitwarden';
import { parseCsv } from '../../src/formats/loose';
import { expectRefusal, json, textInput } from './formats-b-fixtures';

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

  it('refuses encrypted exports with advice, and a JSON without items as damaged', async () => {
    const encrypted = { encrypted: true, passwordProtected: true, salt: 'x', data: '2.abc|def|ghi' };
    expect(bitwardenImporter.detect(json(encrypted))).toBe(true);
    await expectRefusal(bitwardenImporter.parse(json(encrypted)), 'unsupported-format');
    await expectRefusal(bitwardenImporter.parse(json({ encrypted: false, data: 'x' })), 'damaged-file');
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
