import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../../../src/core/account';
import { isLatchkeyError } from '../../../../src/core/errors';
import { decodeMigrationLink, encodeMigrationPayloads } from '../../../../src/formats/google-migration/payload';
import { MigrationBatchCollector } from '../../../../src/formats/google-migration/batch';
import { migrationImporter } from '../../../../src/formats/google-migration/import';
import { toImportInput } from '../../../../src/formats/index';
import { b32 } from '../../../support/brands';

/** A hand-built OtpParameters, so tests can write what Google Authenticator writes (and what it should not). */
interface RawOtp {
  secret?: number[];
  name?: string;
  issuer?: string;
  algorithm?: number;
  digits?: number;
  type?: number;
  counter?: number;
}

const SECRET = [0xfa, 0xa5, 0x05, 0xe9, 0x33, 0xa0, 0xd1, 0x2e, 0x90, 0xbe]; // Base32 7KSQL2JTUDIS5EF6

function payload(otps: RawOtp[], batch: { size?: number; index?: number; id?: number } = {}): Uint8Array {
  const w = new BinaryWriter();
  for (const otp of otps) {
    w.tag(1, WireType.LengthDelimited).fork();
    if (otp.secret) w.tag(1, WireType.LengthDelimited).bytes(new Uint8Array(otp.secret));
    if (otp.name !== undefined) w.tag(2, WireType.LengthDelimited).string(otp.name);
    if (otp.issuer !== undefined) w.tag(3, WireType.LengthDelimited).string(otp.issuer);
    if (otp.algorithm !== undefined) w.tag(4, WireType.Varint).int32(otp.algorithm);
    if (otp.digits !== undefined) w.tag(5, WireType.Varint).int32(otp.digits);
    if (otp.type !== undefined) w.tag(6, WireType.Varint).int32(otp.type);
    if (otp.counter !== undefined) w.tag(7, WireType.Varint).int64(otp.counter);
    w.join();
  }
  w.tag(2, WireType.Varint).int32(1);
  if (batch.size !== undefined) w.tag(3, WireType.Varint).int32(batch.size);
  if (batch.index !== undefined) w.tag(4, WireType.Varint).int32(batch.index);
  if (batch.id !== undefined) w.tag(5, WireType.Varint).int32(batch.id);
  return w.finish();
}

const link = (bytes: Uint8Array) =>
  `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(bytes).toString('base64'))}`;

describe('decodeMigrationLink', () => {
  const cases: { name: string; otp: RawOtp; expected: Partial<AccountDraft> }[] = [
    {
      name: 'UNSPECIFIED enums mean SHA1, 6 digits, TOTP',
      otp: { secret: SECRET, name: 'pi@raspberrypi' },
      expected: { type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: b32('7KSQL2JTUDIS5EF6'), issuer: '' },
    },
    {
      name: 'EIGHT digits, SHA512, HOTP with counter',
      otp: { secret: SECRET, name: 'x', algorithm: 3, digits: 2, type: 1, counter: 10300 },
      expected: { type: 'hotp', algorithm: 'SHA512', digits: 8, counter: 10300 },
    },
    {
      name: 'name holding "Issuer:account" with the same issuer is split',
      otp: { secret: SECRET, name: 'SerenityLabs:test1@example.com', issuer: 'SerenityLabs', algorithm: 2 },
      expected: { issuer: 'SerenityLabs', name: 'test1@example.com', algorithm: 'SHA256' },
    },
    {
      name: 'a colon in a name without issuer is kept',
      otp: { secret: SECRET, name: 'encoding: ¿äÄéÉ? (demo)' },
      expected: { issuer: '', name: 'encoding: ¿äÄéÉ? (demo)' },
    },
  ];
  it.each(cases)('$name', ({ otp, expected }) => {
    const result = decodeMigrationLink(link(payload([otp])));
    expect(result.problems).toEqual([]);
    expect(result.accounts).toHaveLength(1);
    expect(result.accounts[0]).toMatchObject(expected);
  });

  it('takes a batch size of 0 (left out by some producers) as 1', () => {
    expect(decodeMigrationLink(link(payload([{ secret: SECRET, name: 'a' }], { size: 0 }))).batch.size).toBe(1);
  });

  it('reads a negative batch id written as a 10-byte varint', () => {
    const bytes = payload([{ secret: SECRET, name: 'a' }], { size: 3, index: 2, id: -1_234_567_890 });
    expect(decodeMigrationLink(link(bytes)).batch).toEqual({ size: 3, index: 2, id: -1_234_567_890 });
  });

  it('keeps a raw "+" in the data instead of turning it into a space', () => {
    // Find a secret whose payload's Base64 holds a "+", then leave that "+" unescaped as some producers do.
    let bytes = payload([{ secret: [0], name: 'a' }]);
    for (let i = 0; !Buffer.from(bytes).toString('base64').includes('+'); i++) {
      bytes = payload([{ secret: [i & 0xff, i >> 8, 0xfb], name: 'plus' }]);
    }
    const raw = `otpauth-migration://offline?data=${Buffer.from(bytes).toString('base64')}`;
    expect(raw).toContain('+');
    expect(decodeMigrationLink(raw).accounts).toEqual(decodeMigrationLink(link(bytes)).accounts);
  });

  const problems: { name: string; otp: RawOtp; reason: RegExp }[] = [
    { name: 'MD5', otp: { secret: SECRET, name: 'md5', algorithm: 4 }, reason: /MD5/ },
    { name: 'unknown algorithm', otp: { secret: SECRET, name: 'alg', algorithm: 9 }, reason: /algorithm/ },
    { name: 'unknown digit count', otp: { secret: SECRET, name: 'dig', digits: 7 }, reason: /digits/ },
    { name: 'unknown type', otp: { secret: SECRET, name: 'typ', type: 5 }, reason: /type/ },
    { name: 'empty secret', otp: { name: 'nosecret' }, reason: /no secret/ },
    {
      name: 'a counter beyond 2^53',
      otp: { secret: SECRET, name: 'big', type: 1, counter: 2 ** 60 },
      reason: /counter/,
    },
  ];
  it.each(problems)('reports $name as a problem and keeps the other accounts', ({ otp, reason }) => {
    const result = decodeMigrationLink(link(payload([otp, { secret: SECRET, name: 'good' }])));
    expect(result.accounts.map((a) => a.name)).toEqual(['good']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.entry).toBe(otp.name);
    expect(result.problems[0]!.reason).toMatch(reason);
  });

  const broken: [string, string][] = [
    ['bad Base64', 'otpauth-migration://offline?data=%%%'],
    ['Base64 that is not a payload', 'otpauth-migration://offline?data=XXXX'],
    ['no data', 'otpauth-migration://offline?foo=1'],
    ['a truncated payload', link(payload([{ secret: SECRET, name: 'a' }]).subarray(0, 9))],
    ['a payload without accounts', link(payload([]))],
    ['an index past the batch size', link(payload([{ secret: SECRET, name: 'a' }], { size: 2, index: 2 }))],
    ['a negative index', link(payload([{ secret: SECRET, name: 'a' }], { size: 2, index: -1 }))],
    ['an absurd batch size', link(payload([{ secret: SECRET, name: 'a' }], { size: 2 ** 30, index: 0 }))],
  ];
  it.each(broken)('refuses %s with bad-migration and a sentence', (_name, text) => {
    let caught: unknown;
    try {
      decodeMigrationLink(text);
    } catch (error) {
      caught = error;
    }
    expect(isLatchkeyError(caught, 'bad-migration')).toBe(true);
    expect((caught as Error).message).toMatch(/^This Google Authenticator export link is damaged: .+\.$/);
  });
});

describe('encodeMigrationPayloads', () => {
  const base = { issuer: 'Deno', name: 'Mason', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 } as const;
  const accounts: AccountDraft[] = [
    { ...base, type: 'totp', secret: b32('4SJHB4GSD43FZBAI7C2HLRJGPQ') },
    {
      ...base,
      type: 'hotp',
      secret: b32('5VAML3X35THCEBVRLV24CGBKOY'),
      algorithm: 'SHA512',
      digits: 8,
      counter: 10300,
    },
    { ...base, type: 'totp', secret: b32('KUVJJOM753IHTNDSZVCNKL7GII'), algorithm: 'SHA256', issuer: 'Air Canada' },
    { ...base, type: 'steam', secret: b32('JRZCL47CMXVOQMNPZR2F7J4RGI'), digits: 5 },
    { ...base, type: 'totp', secret: b32('5OM4WOOGPLQEF6UGN3CPEOOLWU'), period: 20 },
    { ...base, type: 'totp', secret: b32('7ELGJSGXNCCTV3O6LKJWYFV2RA'), digits: 7 },
  ];

  it('round-trips what Google Authenticator can hold and leaves the rest out with a reason', () => {
    const { links, leftOut } = encodeMigrationPayloads(accounts, { batchId: -5, perCode: 2 });
    expect(links).toHaveLength(2);
    const decoded = links.map(decodeMigrationLink);
    expect(decoded.map((d) => d.batch)).toEqual([
      { size: 2, index: 0, id: -5 },
      { size: 2, index: 1, id: -5 },
    ]);
    expect(decoded.flatMap((d) => d.accounts)).toEqual(accounts.slice(0, 3));
    expect(leftOut.map((l) => l.account.secret)).toEqual(accounts.slice(3).map((a) => a.secret));
    expect(leftOut.map((l) => l.reason)).toEqual([
      expect.stringMatching(/Steam/),
      expect.stringMatching(/30-second/),
      expect.stringMatching(/6 or 8 digits/),
    ]);
  });

  it('takes a random batch id from the random source by default', () => {
    const random = (n: number) => new Uint8Array(n).fill(0xff);
    const { links } = encodeMigrationPayloads(accounts.slice(0, 1), { random });
    expect(decodeMigrationLink(links[0]!).batch.id).toBe(-1);
    expect(encodeMigrationPayloads([]).links).toEqual([]);
  });
});

describe('migration text file importer', () => {
  const input = (text: string) => toImportInput(new TextEncoder().encode(text));
  const one = link(payload([{ secret: SECRET, name: 'one' }], { size: 3, index: 0, id: 7 }));
  const two = link(payload([{ secret: SECRET, name: 'two' }], { size: 3, index: 1, id: 7 }));

  it('reads every link, skips comments and reports bad lines and missing QR codes', async () => {
    const file = `# my export\n\n${one}\notpauth-migration://offline?data=XXXX\n${two}\nhello\n`;
    expect(migrationImporter.detect(input(file))).toBe(true);
    const result = await migrationImporter.parse(input(file));
    expect(result.accounts.map((a) => a.name)).toEqual(['one', 'two']);
    expect(result.problems.map((p) => p.entry)).toEqual(['line 4', 'Google Authenticator export', 'line 6']);
    expect(result.problems[1]!.reason).toMatch(/Only 2 of its 3 QR codes/);
  });

  it.each([
    ['an otpauth list', 'otpauth://totp/a?secret=JBSWY3DP'],
    ['JSON', '{"data":"otpauth-migration://offline?data=AA"}'],
    ['plain text', 'hello'],
  ])('does not claim %s', (_name, text) => {
    expect(migrationImporter.detect(input(text))).toBe(false);
  });
});

describe('MigrationBatchCollector', () => {
  const part = (index: number, id = 9, size = 3) =>
    decodeMigrationLink(link(payload([{ secret: SECRET, name: `n${index}` }], { size, index, id })));

  it('collects the QR codes of one export in any order, refusing other exports and ignoring repeats', () => {
    const collector = new MigrationBatchCollector();
    expect([collector.size, collector.complete, collector.missing]).toEqual([1, false, [0]]);
    expect(collector.add(part(2))).toBe('added');
    expect(collector.add(part(2))).toBe('duplicate');
    expect(collector.add(part(0, 10))).toBe('other-batch');
    expect(collector.add(part(0, 9, 4))).toBe('other-batch');
    expect(collector.add(part(0))).toBe('added');
    expect([collector.scanned, collector.complete, collector.missing]).toEqual([2, false, [1]]);
    expect(collector.add(part(1))).toBe('added');
    expect(collector.complete).toBe(true);
    expect(collector.result().accounts.map((a) => a.name)).toEqual(['n0', 'n1', 'n2']);
  });
});
