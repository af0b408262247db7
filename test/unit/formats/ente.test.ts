import { describe, expect, it } from 'vitest';
import { enteImporter } from '../../../src/formats/ente';
import { secretstreamPullFirst } from '../../../src/crypto/secretstream';
import { argon2Key, b64, bytesOf, expectRefusal, json, secretstreamPush, textInput, utf8 } from './fixtures';

const display = (extra: Record<string, unknown>) =>
  encodeURIComponent(JSON.stringify({ pinned: false, trashed: false, lastUsedAt: 0, tapCount: 0, tags: [], ...extra }));
const LINKS = [
  `otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno&codeDisplay=${display({})}`,
  `otpauth://hotp/Air%20Canada:Ben?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Air+Canada&algorithm=SHA256&digits=7&counter=50&codeDisplay=${display({ note: 'desk key', tags: ['work', 'x'], pinned: true })}`,
  `otpauth://steam/Steam:gabe?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Steam&codeDisplay=${display({ trashed: true })}`,
  `otpauth://totp/Broken?issuer=X&codeDisplay=${display({})}`,
].join('\n');

/** Ente's encrypted export, built with the push side of libsodium's secretstream. */
async function encryptedExport(
  plain: string,
  password: string,
  { memLimit = 64 * 1024, opsLimit = 2, tag = 0 }: { memLimit?: number; opsLimit?: number; tag?: number } = {},
) {
  const salt = bytesOf(16, 3);
  const header = bytesOf(24, 5);
  const key = await argon2Key(password, salt, memLimit / 1024, opsLimit);
  const sealed = secretstreamPush(key, header, utf8(plain), tag);
  return {
    version: 1,
    kdfParams: { memLimit, opsLimit, salt: b64(salt) },
    encryptedData: b64(sealed),
    encryptionNonce: b64(header),
  };
}

describe('Ente Auth plain export', () => {
  it('reads links with codeDisplay: note, first tag as group, pinned as favourite; trashed and broken are problems', async () => {
    const result = await enteImporter.parse(textInput(LINKS));
    expect(result.format).toBe('Ente Auth');
    expect(result.accounts).toEqual([
      expect.objectContaining({ issuer: 'Deno', name: 'Mason', type: 'totp', secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ' }),
      expect.objectContaining({
        issuer: 'Air Canada',
        type: 'hotp',
        counter: 50,
        digits: 7,
        algorithm: 'SHA256',
        note: 'desk key',
        group: 'work',
        favorite: true,
      }),
    ]);
    expect(result.problems.map((p) => p.entry)).toEqual(['line 3', 'line 4']);
    expect(result.problems[0]?.reason).toMatch(/trash/);
  });

  it.each([
    ['Ente links', LINKS, true],
    ['links without codeDisplay (another app)', 'otpauth://totp/A?secret=JBSWY3DPEHPK3PXP', false],
    ['a non-link line among Ente links', `${LINKS}\nhello`, false],
    ['JSON', '{"a":1}', false],
  ])('detects %s: %s', (_, content, expected) => {
    expect(enteImporter.detect(textInput(content))).toBe(expected);
  });
});

describe('Ente Auth encrypted export', () => {
  const plain = LINKS.split('\n').slice(0, 2).join('\n');

  it.each([0, 3])('decrypts a one-message secretstream with tag %i (MESSAGE or FINAL)', async (tag) => {
    const input = json(await encryptedExport(plain, 'pässword', { tag }));
    expect(enteImporter.detect(input)).toBe(true);
    expect(enteImporter.isEncrypted(input)).toBe(true);
    const result = await enteImporter.parse(input, 'pässword');
    expect(result.format).toBe('Ente Auth (encrypted)');
    expect(result.accounts.map((a) => a.issuer)).toEqual(['Deno', 'Air Canada']);
    expect(result.problems).toEqual([]);
  });

  it('refuses a wrong password, a missing one, and damaged or oversized files', async () => {
    const file = await encryptedExport(plain, 'right');
    await expectRefusal(enteImporter.parse(json(file), 'wrong'), 'wrong-password');
    await expectRefusal(enteImporter.parse(json(file)), 'password-required');
    const cut = { ...file, encryptedData: file.encryptedData.slice(0, 12) };
    await expectRefusal(enteImporter.parse(json(cut), 'right'), 'damaged-file');
    const flipped = Buffer.from(file.encryptedData, 'base64');
    flipped[5] = (flipped[5] ?? 0) ^ 1;
    await expectRefusal(enteImporter.parse(json({ ...file, encryptedData: b64(flipped) }), 'right'), 'wrong-password');
    await expectRefusal(
      enteImporter.parse(json({ ...file, encryptionNonce: b64(bytesOf(12)) }), 'right'),
      'damaged-file',
    );
    await expectRefusal(enteImporter.parse(json({ ...file, encryptedData: '@@@' }), 'right'), 'damaged-file');
    await expectRefusal(enteImporter.parse(json({ ...file, kdfParams: { salt: 'AA==' } }), 'right'), 'damaged-file');
    await expectRefusal(enteImporter.parse(json({ ...file, version: 2 }), 'right'), 'unsupported-format');
  });

  it.each([
    ['more than 1 GiB of memory', { memLimit: 2 * 1024 ** 3, opsLimit: 2 }],
    ['more than 20 passes', { memLimit: 64 * 1024, opsLimit: 21 }],
  ])('refuses %s before running Argon2', async (_, kdf) => {
    const file = await encryptedExport(plain, 'pw');
    const started = Date.now();
    await expectRefusal(
      enteImporter.parse(json({ ...file, kdfParams: { ...file.kdfParams, ...kdf } }), 'pw'),
      'kdf-params',
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('secretstream pull', () => {
  it('returns null when the MAC does not match and refuses impossible lengths', async () => {
    const key = bytesOf(32, 9);
    const header = bytesOf(24, 2);
    const sealed = secretstreamPush(key, header, utf8('hello'), 0);
    expect(await secretstreamPullFirst(key, header, sealed)).toEqual({ message: utf8('hello'), tag: 0 });
    expect(await secretstreamPullFirst(bytesOf(32, 8), header, sealed)).toBeNull();
    expect(await secretstreamPullFirst(key, bytesOf(24, 3), sealed)).toBeNull();
    await expect(secretstreamPullFirst(key, header, sealed.subarray(0, 10))).rejects.toThrow(RangeError);
  });

  it.each([0, 1, 15, 16, 17, 47, 48, 49, 64, 65])('round-trips a %i-byte message (padding quirk)', async (length) => {
    const key = bytesOf(32, length);
    const header = bytesOf(24, length + 1);
    const message = bytesOf(length, 4);
    const pulled = await secretstreamPullFirst(key, header, secretstreamPush(key, header, message, 0));
    expect(pulled?.message).toEqual(message);
  });
});
