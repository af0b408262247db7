/**
 * Account pictures moving in and out: Latchkey's own icon field (backups), Aegis's icon and icon_mime (import and
 * export), Ente's and 2FAS's references to brand icons, and Aegis icon packs. Every picture is checked, every SVG
 * rebuilt; a picture that cannot be kept is left out and the account still comes in.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { AccountDraft, AccountIcon } from '../../../src/core/account';
import { aegisDb } from '../../../src/formats/aegis/export';
import { readIconPack } from '../../../src/formats/aegis/icon-pack';
import { aegisImporter } from '../../../src/formats/aegis/import';
import { exportBackup, readBackup } from '../../../src/formats/backup/backup';
import { enteImporter } from '../../../src/formats/ente';
import { MAX_ICON_BYTES, base64Icon, readIcon } from '../../../src/formats/shared/icon';
import { twofasImporter } from '../../../src/formats/twofas';
import { EIGHT, b64, expectRefusal, json, textInput, utf8 } from './fixtures';

/** The smallest valid PNG: 1 × 1, transparent. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const GOOD_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>';
const HOSTILE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" onload="alert(1)"><script>alert(2)</script>' +
  '<image href="https://evil.example/t.png"/><path d="M0 0h24v24H0z" onclick="alert(3)"/></svg>';
const svgBase64 = (svg: string) => b64(utf8(svg));

const aegisEntry = (a: AccountDraft, icon: unknown, mime?: unknown) => ({
  type: a.type,
  uuid: 'x',
  name: a.name,
  issuer: a.issuer,
  icon,
  ...(mime === undefined ? {} : { icon_mime: mime }),
  info: { secret: a.secret, algo: a.algorithm, digits: a.digits, period: a.period },
});
const aegisPlain = (entries: unknown[]) =>
  json({ version: 1, header: { slots: null, params: null }, db: { version: 3, entries } });

describe('the icon field', () => {
  it.each([
    ['a brand', { kind: 'brand', slug: 'github' }, { kind: 'brand', slug: 'github' }],
    ['the letter', { kind: 'letter' }, { kind: 'letter' }],
    [
      'a PNG',
      { kind: 'image', mime: 'image/png', dataBase64: b64(PNG) },
      { kind: 'image', mime: 'image/png', dataBase64: b64(PNG) },
    ],
    [
      '"image/jpg" as other apps write it',
      { kind: 'image', mime: 'image/jpg', dataBase64: b64(JPEG) },
      { kind: 'image', mime: 'image/jpeg', dataBase64: b64(JPEG) },
    ],
  ])('keeps %s', (_, value, expected) => {
    expect(readIcon(value)).toEqual(expected);
  });

  it.each([
    ['no object', 'github'],
    ['an unknown kind', { kind: 'url', href: 'https://evil.example/x.png' }],
    ['an empty brand', { kind: 'brand', slug: '  ' }],
    ['a brand with markup', { kind: 'brand', slug: '<img src=x>' }],
    ['a type that is no picture', { kind: 'image', mime: 'text/html', dataBase64: b64(utf8('<script>')) }],
    ['a PNG that is not one', { kind: 'image', mime: 'image/png', dataBase64: b64(utf8('<html>')) }],
    ['Base64 that is not', { kind: 'image', mime: 'image/png', dataBase64: '!!!' }],
    [
      'a picture too large',
      { kind: 'image', mime: 'image/png', dataBase64: b64(Buffer.concat([PNG, Buffer.alloc(MAX_ICON_BYTES)])) },
    ],
    ['an SVG that is not XML', { kind: 'image', mime: 'image/svg+xml', dataBase64: svgBase64('<svg') }],
  ])('leaves out %s', (_, value) => {
    expect(readIcon(value)).toBeNull();
  });

  it('rebuilds an SVG without its scripts, handlers and external references', () => {
    const icon = base64Icon('image/svg+xml', svgBase64(HOSTILE_SVG)) as Extract<AccountIcon, { kind: 'image' }>;
    const text = Buffer.from(icon.dataBase64, 'base64').toString('utf8');
    expect(text).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"></path></svg>',
    );
  });

  it('travels in a Latchkey backup, checked again on the way in', async () => {
    const now = 1_700_000_000_000;
    const accounts = EIGHT.slice(0, 3).map((a, i) => ({
      ...a,
      id: `acct:${i}`,
      createdAt: now,
      updatedAt: now,
      order: i,
    }));
    accounts[0]!.icon = { kind: 'image', mime: 'image/png', dataBase64: b64(PNG) };
    accounts[1]!.icon = { kind: 'letter' };
    accounts[2]!.icon = { kind: 'brand', slug: 'gitlab' };
    const kdf = { memoryKiB: 8192, iterations: 1, parallelism: 1 };
    const contents = await readBackup(await exportBackup(accounts as never, {}, 'pw', { kdf, now }), 'pw');
    expect(contents.accounts.map((a) => a.icon)).toEqual(accounts.map((a) => a.icon));
  });
});

describe('Aegis icons', () => {
  it('imports PNG, JPEG (also when Aegis gives no type) and SVG icons, rebuilding the SVG', async () => {
    const [a, b, c, d] = EIGHT;
    const result = await aegisImporter.parse(
      aegisPlain([
        aegisEntry(a!, b64(PNG), 'image/png'),
        aegisEntry(b!, b64(JPEG)),
        aegisEntry(c!, svgBase64(HOSTILE_SVG), 'image/svg+xml'),
        aegisEntry(d!, null),
      ]),
    );
    expect(result.problems).toEqual([]);
    expect(result.accounts.map((x) => x.icon && { ...x.icon, dataBase64: '…' })).toEqual([
      { kind: 'image', mime: 'image/png', dataBase64: '…' },
      { kind: 'image', mime: 'image/jpeg', dataBase64: '…' },
      { kind: 'image', mime: 'image/svg+xml', dataBase64: '…' },
      undefined,
    ]);
    const svg = result.accounts[2]!.icon as Extract<AccountIcon, { kind: 'image' }>;
    expect(Buffer.from(svg.dataBase64, 'base64').toString()).not.toMatch(/script|onload|onclick|evil|image/);
  });

  it('still imports the account when its icon cannot be kept', async () => {
    const result = await aegisImporter.parse(
      aegisPlain([aegisEntry(EIGHT[0]!, b64(utf8('not a picture')), 'image/png')]),
    );
    expect(result.accounts).toEqual([EIGHT[0]]);
  });

  it('exports image icons of the types Aegis reads, and reads them back', async () => {
    const icons: AccountIcon[] = [
      { kind: 'image', mime: 'image/png', dataBase64: b64(PNG) },
      { kind: 'image', mime: 'image/svg+xml', dataBase64: svgBase64(GOOD_SVG) },
      { kind: 'image', mime: 'image/webp', dataBase64: 'UklGRgAAAABXRUJQ' }, // Aegis would refuse the entry
      { kind: 'brand', slug: 'github' },
    ];
    const drafts = icons.map((icon, i) => ({ ...EIGHT[i]!, icon }));
    const db = aegisDb(drafts) as { entries: { icon: string | null; icon_mime?: string }[] };
    expect(db.entries.map((e) => [e.icon_mime ?? null, e.icon && e.icon.slice(0, 8)])).toEqual([
      ['image/png', b64(PNG).slice(0, 8)],
      ['image/svg+xml', svgBase64(GOOD_SVG).slice(0, 8)],
      [null, null],
      [null, null],
    ]);
    const back = await aegisImporter.parse(json({ version: 1, header: { slots: null, params: null }, db }));
    expect(back.accounts.map((a) => a.icon?.kind ?? 'none')).toEqual(['image', 'image', 'none', 'none']);
  });
});

describe('brand references of other apps', () => {
  it('Ente: an icon chosen from simple-icons or Ente’s own set becomes a brand reference', async () => {
    const display = (extra: object) => encodeURIComponent(JSON.stringify({ pinned: false, ...extra }));
    const link = (issuer: string, extra: object) =>
      `otpauth://totp/${issuer}:alice?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=${issuer}&codeDisplay=${display(extra)}`;
    const result = await enteImporter.parse(
      textInput(
        [
          link('Work', { iconSrc: 'simpleIcon', iconID: 'github' }),
          link('Bank', { iconSrc: 'customIcon', iconID: 'Revolut' }),
          link('Plain', {}),
          link('Odd', { iconSrc: 'ente', iconID: '' }),
        ].join('\n'),
      ),
    );
    expect(result.accounts.map((a) => a.icon)).toEqual([
      { kind: 'brand', slug: 'github' },
      { kind: 'brand', slug: 'Revolut' },
      undefined,
      undefined,
    ]);
  });

  it('2FAS: a service shown with its collection icon is named after its brand; one shown with a label keeps letters', async () => {
    const service = (name: string, icon: unknown) => ({
      name,
      secret: EIGHT[0]!.secret,
      otp: { account: 'alice', issuer: 'Work login', digits: 6, period: 30, algorithm: 'SHA1', tokenType: 'TOTP' },
      icon,
      order: { position: 0 },
    });
    const result = await twofasImporter.parse(
      json({
        schemaVersion: 4,
        groups: [],
        services: [
          service('GitHub', {
            selected: 'IconCollection',
            iconCollection: { id: 'a5b3fb65-4ec5-43e6-8ec1-49e24ca9e7ad' },
          }),
          service('Acme', { selected: 'Label', label: { text: 'AC', backgroundColor: 'Orange' } }),
          service('Other', null),
        ],
      }),
    );
    expect(result.accounts.map((a) => a.icon)).toEqual([
      { kind: 'brand', slug: 'GitHub' },
      { kind: 'letter' },
      undefined,
    ]);
  });
});

describe('Aegis icon packs', () => {
  const pack = (files: Record<string, Uint8Array>, meta: unknown) =>
    zipSync({ 'pack.json': utf8(JSON.stringify(meta)), ...files });
  const META = {
    uuid: 'c3b6f1f0-0000-4000-8000-000000000001',
    name: 'Test Pack',
    version: 2,
    icons: [
      { filename: 'SVG/github.svg', name: 'GitHub', category: 'Dev', issuer: ['github'] },
      { filename: 'PNG/bank.png', name: 'Bank', category: null, issuer: ['bank', 'my bank'] },
      { filename: 'SVG/broken.svg', name: 'Broken', issuer: [] },
      { filename: 'SVG/missing.svg', name: 'Missing', issuer: [] },
    ],
  };

  it('reads its icons, rebuilding SVGs, and counts those it left out', async () => {
    const bytes = pack(
      { 'SVG/github.svg': utf8(HOSTILE_SVG), 'PNG/bank.png': new Uint8Array(PNG), 'SVG/broken.svg': utf8('<svg') },
      META,
    );
    const { pack: read, skipped } = await readIconPack(bytes);
    expect(skipped).toBe(2);
    expect(read).toMatchObject({ id: META.uuid, name: 'Test Pack', version: 2 });
    expect(read.icons.map((i) => [i.name, i.category, i.issuers, i.icon.mime])).toEqual([
      ['GitHub', 'Dev', ['github'], 'image/svg+xml'],
      ['Bank', '', ['bank', 'my bank'], 'image/png'],
    ]);
    expect(Buffer.from(read.icons[0]!.icon.dataBase64, 'base64').toString()).not.toMatch(/script|onload|evil/);
  });

  it.each([
    ['a zip without pack.json', () => zipSync({ 'x.txt': utf8('x') }), 'unsupported-format'],
    ['something that is no zip', () => utf8('{"icons": []}'), 'unsupported-format'],
    ['a pack whose icons cannot be read', () => pack({ 'SVG/broken.svg': utf8('<svg') }, META), 'damaged-file'],
    ['a pack.json that is not JSON', () => zipSync({ 'pack.json': utf8('{') }), 'damaged-file'],
  ] as const)('refuses %s with a sentence', async (_, make, code) => {
    await expectRefusal(readIconPack(make()), code);
  });
});
