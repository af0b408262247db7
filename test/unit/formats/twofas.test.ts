import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../../src/core/account';
import { detectFormat } from '../../../src/formats/index';
import { twofasImporter } from '../../../src/formats/twofas';
import { EIGHT, expectRefusal, gcmSealParts, json, pbkdf2, randomBytes, textInput } from './fixtures';
import { b32, accountId } from '../../support/brands';

/** A 2FAS service as schema 4 writes it. */
function service(a: AccountDraft, position: number, extra: Record<string, unknown> = {}) {
  const otp: Record<string, unknown> = {
    label: a.name,
    account: a.name,
    issuer: a.issuer,
    digits: a.digits,
    algorithm: a.algorithm,
    tokenType: a.type.toUpperCase(),
    source: 'Link',
  };
  if (a.type === 'hotp') otp.counter = a.counter;
  else otp.period = a.period;
  return { name: a.issuer, secret: a.secret, updatedAt: 1, otp, order: { position }, ...extra };
}

const backup = (services: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  services,
  groups: [],
  updatedAt: 1,
  schemaVersion: 4,
  appVersionCode: 5000009,
  appOrigin: 'android',
  ...extra,
});

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

/** Encrypts as 2FAS does: PBKDF2-SHA256 10,000 iterations, AES-GCM, "ct||tag:salt:iv". */
function encrypt(services: unknown[], password: string, withReference = true) {
  const salt = randomBytes(256);
  const key = pbkdf2(password, salt, 10_000, 'sha256');
  const seal = (plaintext: string) => {
    const iv = randomBytes(12);
    const { ct, tag } = gcmSealParts(key, iv, Buffer.from(plaintext));
    return `${b64(Buffer.concat([ct, tag]))}:${b64(salt)}:${b64(iv)}`;
  };
  const extra: Record<string, unknown> = { servicesEncrypted: seal(JSON.stringify(services)) };
  if (withReference) extra.reference = seal('x'.repeat(256));
  return backup([], extra);
}

const SIX = [EIGHT[0]!, EIGHT[1]!, EIGHT[2]!, EIGHT[3]!, EIGHT[4]!, EIGHT[6]!];

describe('2FAS importer', () => {
  it('reads schema 4 with TOTP, HOTP and STEAM in the order of positions', async () => {
    const services = SIX.map((a, i) => service(a, i)).reverse();
    const result = await twofasImporter.parse(json(backup(services)));
    expect(result).toEqual({ format: '2FAS', accounts: SIX, problems: [] });
  });

  it('reads schema 1 and 2 (no tokenType, "Issuer:account" labels, no digits in schema 1) as TOTP', async () => {
    const schema1 = {
      name: 'Deno',
      secret: b32('4SJHB4GSD43FZBAI7C2HLRJGPQ'),
      type: 'Unknown',
      otp: { label: 'Deno:Mason', issuer: 'Deno' },
      order: { position: 0 },
    };
    const result = await twofasImporter.parse(json(backup([schema1], { schemaVersion: 1 })));
    expect(result.accounts).toEqual([EIGHT[0]]);
  });

  it('keeps group names and uses the service name when 2FAS (iOS) has no issuer or account', async () => {
    const ios = {
      name: 'Code1 2FAS',
      secret: b32('JDJDBDBDDBDBBXBXB'),
      otp: { tokenType: 'TOTP', digits: 6, period: 30 },
      order: { position: 0 },
    };
    const grouped = service(EIGHT[0]!, 1, { groupId: 'g-1' });
    const file = backup([ios, grouped], { groups: [{ id: accountId('g-1'), name: 'Work', isExpanded: true }] });
    const result = await twofasImporter.parse(json(file));
    expect(result.accounts.map((a) => [a.issuer, a.name, a.group])).toEqual([
      ['Code1 2FAS', '', undefined],
      ['Deno', 'Mason', 'Work'],
    ]);
  });

  it('reports a bad service as a problem and keeps the others', async () => {
    const bad = service({ ...EIGHT[1]!, secret: b32('not base32!') }, 0);
    const motp = service(EIGHT[2]!, 1, {});
    (motp.otp as Record<string, unknown>).tokenType = 'MOTP';
    const result = await twofasImporter.parse(json(backup([bad, motp, service(EIGHT[0]!, 2)])));
    expect(result.accounts).toEqual([EIGHT[0]]);
    expect(result.problems).toEqual([
      { entry: 'SPDX (James)', reason: expect.stringMatching(/secret key/) },
      { entry: 'Airbnb (Elijah)', reason: expect.stringMatching(/mOTP/) },
    ]);
  });

  it.each([true, false])('decrypts an encrypted backup (reference check: %s)', async (withReference) => {
    const file = json(
      encrypt(
        SIX.map((a, i) => service(a, i)),
        'test',
        withReference,
      ),
    );
    expect(twofasImporter.isEncrypted(file)).toBe(true);
    const result = await twofasImporter.parse(file, 'test');
    expect(result.format).toBe('2FAS (encrypted)');
    expect(result.accounts).toEqual(SIX);
  });

  it('refuses a wrong password, a missing one and damaged or truncated files', async () => {
    const good = encrypt([service(EIGHT[0]!, 0)], 'test');
    await expectRefusal(twofasImporter.parse(json(good), 'nope'), 'wrong-password');
    await expectRefusal(twofasImporter.parse(json(encrypt([], 'test', false)), 'nope'), 'wrong-password');
    await expectRefusal(twofasImporter.parse(json(good)), 'password-required');
    const [ct, salt, iv] = (good.servicesEncrypted as string).split(':');
    const flipped = `${ct!.slice(0, 10)}${ct![10] === 'A' ? 'B' : 'A'}${ct!.slice(11)}:${salt}:${iv}`;
    await expectRefusal(twofasImporter.parse(json({ ...good, servicesEncrypted: flipped }), 'test'), 'damaged-file');
    await expectRefusal(
      twofasImporter.parse(json({ ...good, servicesEncrypted: `${ct}:${salt}` }), 'test'),
      'damaged-file',
    );
    const text = JSON.stringify(good);
    const truncated = textInput(text.slice(0, text.length / 2));
    expect(detectFormat(truncated)).toBe(twofasImporter);
    await expectRefusal(twofasImporter.parse(truncated, 'test'), 'damaged-file');
  });

  it('is what detectFormat picks for 2FAS files, and not for others', () => {
    expect(detectFormat(json(backup([])))).toBe(twofasImporter);
    expect(twofasImporter.detect(json({ services: [] }))).toBe(false);
    expect(twofasImporter.detect(json([{ secret: b32('A'), type: 'TOTP' }]))).toBe(false);
  });
});
