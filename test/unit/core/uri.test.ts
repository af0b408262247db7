import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { AccountDraft } from '../../../src/core/account';
import { formatOtpauth, isMigrationLink, parseOtpauth } from '../../../src/core/uri';
import { validateDraft, type UncheckedDraft } from '../../../src/core/validate';
import { INVALID_URIS, NEVER_ECHOED, VALID_URIS } from '../../vectors/uri';
import { refusal } from '../../vectors/run';
import { b32 } from '../../support/brands';

describe('parseOtpauth reads what services and apps emit', () => {
  test.each(VALID_URIS)('$title', ({ uri, draft }) => {
    expect(parseOtpauth(uri)).toEqual(draft);
  });
  test('the tables are as large as promised', () => {
    expect(VALID_URIS.length + INVALID_URIS.length).toBeGreaterThanOrEqual(40);
  });
});

describe('parseOtpauth refuses with a coded, human message', () => {
  test.each(INVALID_URIS)('$title → $code', ({ uri, code, mentions }) => {
    const outcome = refusal(() => parseOtpauth(uri));
    expect(outcome.code).toBe(code);
    expect(outcome.message).toMatch(/^[A-Z].*\.$/s);
    if (mentions) expect(outcome.message).toContain(mentions);
    for (const secret of NEVER_ECHOED) expect(outcome.message).not.toContain(secret);
  });

  test('a web address is described by scheme and host only', () => {
    expect(refusal(() => parseOtpauth('https://example.com/setup?secret=JBSWY3DPEHPK3PXP')).message).toBe(
      'This is a web address (https://example.com), not an account link (otpauth://).',
    );
  });
  test('exactly 4096 characters is still read', () => {
    const uri = 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&image=';
    expect(parseOtpauth(uri + 'a'.repeat(4096 - uri.length)).issuer).toBe('X');
  });
});

describe('formatOtpauth', () => {
  const base: AccountDraft = {
    type: 'totp',
    secret: b32('HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ'),
    issuer: 'ACME Co',
    name: 'john.doe@email.com',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  };
  test.each<[string, Partial<AccountDraft>, string]>([
    [
      'TOTP with every parameter',
      {},
      'otpauth://totp/ACME%20Co:john.doe%40email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30',
    ],
    [
      'HOTP writes the counter, not the default period',
      { type: 'hotp', counter: 7, issuer: '', name: 'bob' },
      'otpauth://hotp/bob?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&algorithm=SHA1&digits=6&counter=7',
    ],
    [
      'Steam as type and encoder',
      { type: 'steam', digits: 5, issuer: 'Steam', name: 'gaben' },
      'otpauth://steam/Steam:gaben?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=Steam&algorithm=SHA1&digits=5&period=30&encoder=steam',
    ],
    [
      'colons, ampersands and non-ASCII are encoded',
      { issuer: 'A:B & Co', name: 'jürgen:1', algorithm: 'SHA512', digits: 8, period: 60 },
      'otpauth://totp/A%3AB%20%26%20Co:j%C3%BCrgen%3A1?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=A%3AB%20%26%20Co&algorithm=SHA512&digits=8&period=60',
    ],
  ])('%s', (_title, fields, uri) => {
    expect(formatOtpauth({ ...base, ...fields })).toBe(uri);
  });

  test.each(VALID_URIS)('format(parse(x)) keeps every field: $title', ({ uri }) => {
    const parsed = parseOtpauth(uri);
    expect(parseOtpauth(formatOtpauth(parsed))).toEqual(parsed);
  });

  test('any valid draft survives format then parse', () => {
    // Any text, and text made of the characters that matter to the URI syntax.
    const tricky = fc.constantFrom(':', ' ', '%', '+', '&', '=', '#', '?', '/', '@', 'a', 'é');
    const text = fc
      .oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ unit: tricky, maxLength: 12 }))
      .map((s) => s.trim());
    const draft = fc.record({
      type: fc.constantFrom('totp', 'hotp', 'steam' as const),
      secret: fc.stringMatching(/^[A-Z2-7]{2,40}$/),
      issuer: text,
      name: text,
      algorithm: fc.constantFrom('SHA1', 'SHA256', 'SHA512' as const),
      digits: fc.integer({ min: 6, max: 10 }),
      period: fc.integer({ min: 1, max: 3600 }),
      counter: fc.maxSafeNat(),
    });
    fc.assert(
      fc.property(draft, (d) => {
        const valid = validateDraft(d as AccountDraft);
        expect(parseOtpauth(formatOtpauth(valid))).toEqual(valid);
      }),
      { numRuns: 500 },
    );
  });
});

describe('isMigrationLink', () => {
  test.each([
    ['otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8', true],
    ['  OTPAUTH-MIGRATION://offline?data=x\n', true],
    ['otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP', false],
    ['https://example.com/otpauth-migration://', false],
    ['', false],
  ])('%j → %s', (text, expected) => expect(isMigrationLink(text)).toBe(expected));
});

describe('validateDraft', () => {
  const draft: UncheckedDraft = {
    type: 'totp',
    secret: ' jbsw y3dp ehpk 3pxp ',
    issuer: ' Example ',
    name: ' alice ',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 4,
  };
  test('normalises the secret and names, and clears a TOTP counter', () => {
    expect(validateDraft(draft)).toEqual({
      ...draft,
      secret: b32('JBSWY3DPEHPK3PXP'),
      issuer: 'Example',
      name: 'alice',
      counter: 0,
    });
  });
  test('forces Steam parameters', () => {
    expect(validateDraft({ ...draft, type: 'steam', algorithm: 'SHA512', digits: 8, period: 60 })).toMatchObject({
      algorithm: 'SHA1',
      digits: 5,
      period: 30,
    });
  });
  test.each<[Partial<UncheckedDraft>, string]>([
    [{ secret: '' }, 'missing-secret'],
    [{ secret: 'ABC1' }, 'bad-secret'],
    [{ digits: 5 }, 'bad-digits'],
    [{ digits: 8.5 }, 'bad-digits'],
    [{ period: 0 }, 'bad-period'],
    [{ type: 'hotp', counter: -1 }, 'bad-counter'],
    [{ algorithm: 'MD5' as 'SHA1' }, 'bad-algorithm'],
    [{ type: 'motp' as 'totp' }, 'bad-type'],
  ])('%j → %s', (fields, code) => {
    const outcome = refusal(() => validateDraft({ ...draft, ...fields }));
    expect(outcome.code).toBe(code);
    expect(outcome.message).toMatch(/^[A-Z].*\.$/);
  });
});
