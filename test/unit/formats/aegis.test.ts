import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../../src/core/account';
import { AEGIS_SCRYPT, aegisDb, exportAegis } from '../../../src/formats/aegis/export';
import { aegisImporter } from '../../../src/formats/aegis/import';
import { detectFormat } from '../../../src/formats/index';
import { b32 } from '../../support/brands';
import { EIGHT, aegisEncrypted, expectRefusal, gcmOpen, json, nodeScrypt, textInput } from './fixtures';

const SMALL = { n: 1024, r: 8, p: 1 };

/** Aegis db entries as Aegis writes them, from drafts. */
function entry(a: AccountDraft, extra: Record<string, unknown> = {}) {
  const info = a.type === 'hotp' ? { counter: a.counter } : { period: a.period };
  return {
    type: a.type,
    uuid: 'x',
    name: a.name,
    issuer: a.issuer,
    icon: null,
    info: { secret: a.secret, algo: a.algorithm, digits: a.digits, ...info },
    ...extra,
  };
}
const plain = (db: unknown) => ({ version: 1, header: { slots: null, params: null }, db });

describe('Aegis importer', () => {
  it('reads a plain db v1 with totp, hotp and steam entries', async () => {
    const result = await aegisImporter.parse(json(plain({ version: 1, entries: EIGHT.map((a) => entry(a)) })));
    expect(result).toEqual({ format: 'Aegis', accounts: EIGHT, problems: [] });
  });

  it('keeps groups of db v2 (names) and v3 (uuids), favourites and notes', async () => {
    const v2 = { version: 2, entries: [entry(EIGHT[0]!, { group: 'Work' }), entry(EIGHT[1]!, { group: null })] };
    const v3 = {
      version: 3,
      groups: [{ uuid: 'g1', name: 'Home' }],
      entries: [entry(EIGHT[0]!, { groups: ['g1'], favorite: true, note: 'spare key' }), entry(EIGHT[1]!)],
    };
    const r2 = await aegisImporter.parse(json(plain(v2)));
    expect(r2.accounts.map((a) => a.group)).toEqual(['Work', undefined]);
    const r3 = await aegisImporter.parse(json(plain(v3)));
    expect(r3.accounts[0]).toMatchObject({ group: 'Home', favorite: true, note: 'spare key' });
    expect(r3.accounts[1]).not.toHaveProperty('favorite');
  });

  it('turns motp, yandex and broken entries into problems and keeps the rest', async () => {
    const motp = { ...entry(EIGHT[0]!), type: 'motp', name: 'M' };
    const yandex = { ...entry(EIGHT[0]!), type: 'yandex', name: 'Y' };
    const noInfo = { type: 'totp', name: 'N', issuer: 'I' };
    const badSecret = entry({ ...EIGHT[1]!, secret: b32('0000') });
    const db = { version: 3, entries: [motp, yandex, noInfo, badSecret, entry(EIGHT[2]!)], groups: [] };
    const result = await aegisImporter.parse(json(plain(db)));
    expect(result.accounts).toEqual([EIGHT[2]]);
    expect(result.problems.map((p) => p.entry)).toEqual(['Deno (M)', 'Deno (Y)', 'I (N)', 'SPDX (James)']);
    expect(result.problems.map((p) => p.reason)).toEqual([
      expect.stringMatching(/mOTP/),
      expect.stringMatching(/Yandex/),
      expect.stringMatching(/no OTP details/),
      expect.stringMatching(/secret key/),
    ]);
  });

  it('opens an encrypted vault written with node:crypto, trying password slots only', async () => {
    const file = json(aegisEncrypted({ version: 2, entries: EIGHT.map((a) => entry(a)) }, 'test'));
    expect(aegisImporter.isEncrypted(file)).toBe(true);
    const result = await aegisImporter.parse(file, 'test');
    expect(result.format).toBe('Aegis (encrypted)');
    expect(result.accounts).toEqual(EIGHT);
  });

  it('refuses a wrong password, a missing one and damaged parts with coded errors', async () => {
    const good = aegisEncrypted({ version: 1, entries: [entry(EIGHT[0]!)] }, 'test');
    await expectRefusal(aegisImporter.parse(json(good), 'Test'), 'wrong-password');
    await expectRefusal(aegisImporter.parse(json(good)), 'password-required');
    const cutDb = { ...good, db: good.db.slice(0, 20) };
    await expectRefusal(aegisImporter.parse(json(cutDb), 'test'), 'damaged-file');
    const badTag = { ...good, header: { ...good.header, params: { ...good.header.params, tag: 'zz' } } };
    await expectRefusal(aegisImporter.parse(json(badTag), 'test'), 'damaged-file');
    const text = JSON.stringify(good);
    const truncated = textInput(text.slice(0, text.length - 40));
    expect(detectFormat(truncated)).toBe(aegisImporter);
    await expectRefusal(aegisImporter.parse(truncated, 'test'), 'damaged-file');
  });

  it('refuses scrypt settings above the ceiling before running them', async () => {
    const good = aegisEncrypted({ version: 1, entries: [] }, 'test');
    const slot = good.header.slots[1]!;
    for (const params of [{ n: 2 ** 22 }, { r: 4096 }, { n: 1000 }, { p: 0 }]) {
      const hostile = { ...good, header: { ...good.header, slots: [{ ...slot, ...params }] } };
      const started = Date.now();
      await expectRefusal(aegisImporter.parse(json(hostile), 'test'), 'kdf-params');
      expect(Date.now() - started).toBeLessThan(200);
    }
  });

  it('refuses a vault with only a biometric slot', async () => {
    const good = aegisEncrypted({ version: 1, entries: [] }, 'test');
    const bio = { ...good, header: { ...good.header, slots: [good.header.slots[0]] } };
    await expectRefusal(aegisImporter.parse(json(bio), 'test'), 'unsupported-format');
  });

  it.each([
    ['a 2FAS file', { services: [], schemaVersion: 4 }],
    ['an array', [1, 2]],
    ['Aegis-like without header', { db: {} }],
  ])('does not claim %s', (_name, value) => {
    expect(aegisImporter.detect(json(value))).toBe(false);
  });
});

describe('Aegis export', () => {
  const accounts: AccountDraft[] = [
    { ...EIGHT[0]!, group: 'Work', favorite: true, note: 'desk' },
    { ...EIGHT[3]!, group: 'Work' },
    { ...EIGHT[6]!, group: 'Games' },
    EIGHT[2]!,
  ];

  it('writes a plain db v3 that the importer reads back with groups, favourites and notes', async () => {
    const text = await exportAegis(accounts);
    const json = JSON.parse(text);
    expect(json.header).toEqual({ slots: null, params: null });
    expect(json.db.version).toBe(3);
    expect(json.db.groups.map((g: { name: string }) => g.name)).toEqual(['Work', 'Games']);
    expect((await aegisImporter.parse(textInput(text))).accounts).toEqual(accounts);
  });

  it('encrypts as Aegis does: node:crypto scrypt + AES-GCM open it, and so does the importer', async () => {
    const text = await exportAegis(accounts, { password: 'pässword', scrypt: SMALL });
    const { header, db } = JSON.parse(text);
    const slot = header.slots[0];
    expect(slot).toMatchObject({ type: 1, n: 1024, r: 8, p: 1, repaired: true, is_backup: false });
    const kek = nodeScrypt('pässword', Buffer.from(slot.salt, 'hex'), slot.n, slot.r, slot.p);
    const hex = (s: string) => Buffer.from(s, 'hex');
    const masterKey = gcmOpen(kek, hex(slot.key_params.nonce), hex(slot.key), hex(slot.key_params.tag));
    const plainDb = gcmOpen(masterKey, hex(header.params.nonce), Buffer.from(db, 'base64'), hex(header.params.tag));
    expect(JSON.parse(plainDb.toString('utf8'))).toMatchObject({ version: 3, icons_optimized: true });
    expect((await aegisImporter.parse(textInput(text), 'pässword')).accounts).toEqual(accounts);
  });

  it('uses the scrypt settings of Aegis by default', async () => {
    const { header } = JSON.parse(await exportAegis([EIGHT[0]!], { password: 'x' }));
    expect({ n: header.slots[0].n, r: header.slots[0].r, p: header.slots[0].p }).toEqual(AEGIS_SCRYPT);
    expect(AEGIS_SCRYPT).toEqual({ n: 32768, r: 8, p: 1 });
  });

  it('is deterministic under a fixed random source', () => {
    let i = 0;
    const random = (n: number) => Uint8Array.from({ length: n }, () => i++ & 0xff);
    const first = JSON.stringify(aegisDb(accounts, random));
    i = 0;
    expect(JSON.stringify(aegisDb(accounts, random))).toBe(first);
  });
});
