import { describe, expect, it } from 'vitest';
import { describeQrText, readQrText } from '../../../src/app/qr-text';
import { isLatchkeyError, type ErrorCode } from '../../../src/core/errors';
import { checkType } from '../../../src/core/validate';
import { encodeMigrationPayloads } from '../../../src/formats/google-migration/payload';
import { b32 } from '../../support/brands';
import { draft } from '../../support/drafts';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const DRAFT = draft({ secret: b32(SECRET), issuer: 'Example', name: 'alice' });

async function refusal(text: string, from: 'qr' | 'link' = 'qr') {
  try {
    await readQrText(text, from);
  } catch (error) {
    if (isLatchkeyError(error)) return error;
    throw error;
  }
  throw new Error(`accepted: ${text}`);
}

describe('readQrText: what a QR code holds', () => {
  it('reads an otpauth link as one account', async () => {
    const content = await readQrText(`otpauth://totp/Example:alice?secret=${SECRET}&issuer=Example`);
    expect(content).toEqual({ kind: 'account', draft: DRAFT });
  });

  it('reads a Google Authenticator export as one part of a batch', async () => {
    const { links } = encodeMigrationPayloads([DRAFT, { ...DRAFT, name: 'bob' }], { batchId: -7, perCode: 1 });
    const content = await readQrText(links[1]!);
    expect(content.kind).toBe('migration');
    if (content.kind !== 'migration') return;
    expect(content.part.batch).toEqual({ id: -7, index: 1, size: 2 });
    expect(content.part.accounts).toEqual([{ ...DRAFT, name: 'bob' }]);
  });

  it('accepts Steam links and leading or trailing spaces', async () => {
    expect((await readQrText(`  steam://${SECRET}\n`)).kind).toBe('account');
  });

  // Every refusal: its code, and what the message must and must not show.
  const refusals: { text: string; code: ErrorCode; shows: RegExp; hides?: string }[] = [
    {
      text: 'https://example.com/login?token=abc123',
      code: 'not-otpauth',
      shows: /^This QR code holds a web address \(https:\/\/example\.com\/\.\.\.\), not an account\. /,
      hides: 'abc123',
    },
    { text: 'http://example.com', code: 'not-otpauth', shows: /a web address \(http:\/\/example\.com\), not/ },
    { text: 'https://user:pw@example.com/', code: 'not-otpauth', shows: /\(https:\/\/example\.com\)/, hides: 'pw' },
    { text: 'Hello world', code: 'not-otpauth', shows: /holds plain text \(“Hello world”\), not an account/ },
    {
      text: 'x'.repeat(100),
      code: 'not-otpauth',
      shows: new RegExp(`plain text \\(“${'x'.repeat(40)}\\.\\.\\.”\\)`),
    },
    {
      text: 'WIFI:T:WPA;S:Home\\;Net;P:hunter22;;',
      code: 'not-otpauth',
      shows: /Wi-Fi settings for the network “Home;Net”/,
      hides: 'hunter22',
    },
    { text: 'BEGIN:VCARD\nFN:Alice\nEND:VCARD', code: 'not-otpauth', shows: /holds a contact card, not/ },
    { text: 'mailto:alice@example.com', code: 'not-otpauth', shows: /holds an email address, not/ },
    { text: 'tel:+123456789', code: 'not-otpauth', shows: /holds a phone number, not/ },
    { text: 'ftp://files.example.com/x', code: 'not-otpauth', shows: /holds a “ftp:” link, not/ },
    {
      text: SECRET,
      code: 'not-otpauth',
      shows: /holds what looks like a bare secret key, not an account\. To add a bare key, choose Enter manually\./,
      hides: SECRET,
    },
    { text: '   ', code: 'not-otpauth', shows: /holds no text at all/ },
    { text: 'otpauth://totp/X?secret=ABC1', code: 'bad-secret', shows: /secret/i },
    { text: 'otpauth://totp/X', code: 'missing-secret', shows: /secret/ },
    { text: 'otpauth-migration://offline?data=XXXX', code: 'bad-migration', shows: /Google Authenticator/ },
    { text: 'motp://x?secret=abc', code: 'bad-type', shows: /mOTP/ },
  ];

  it.each(refusals)('refuses $text with $code', async ({ text, code, shows, hides }) => {
    const error = await refusal(text);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(shows);
    expect(error.message).toMatch(/^[A-Z].*\.$/s); // a sentence
    if (hides) expect(error.message).not.toContain(hides);
  });

  it('keeps the link parser’s own words for pasted links', async () => {
    const error = await refusal('https://example.com/x', 'link');
    expect(error.code).toBe('not-otpauth');
    expect(error.message).toMatch(/web address/);
    expect(error.message).not.toMatch(/QR code/);
  });
});

describe('describeQrText', () => {
  it.each([
    ['geo:1,2', 'a map location'],
    ['SMSTO:123:hi', 'a text message'],
    ['BEGIN:VEVENT', 'a calendar event'],
    ['MECARD:N:Alice;;', 'a contact card'],
    ['https://', 'a web address'],
    ['bitcoin:abc', 'a Bitcoin payment request'],
    ['line one\nline two', 'plain text (“line one line two”)'],
  ])('%s is %s', (text, what) => {
    expect(describeQrText(text).what).toBe(what);
  });
});

describe('text from a QR code never reaches a prototype property', () => {
  it.each(['constructor:', 'constructor://x', '__proto__:', 'toString:', 'hasOwnProperty:'])('%s', async (text) => {
    const error = await readQrText(text).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).not.toMatch(/function|native code|\[object/);
  });
  it.each(['constructor', '__proto__', 'valueOf'])('an otpauth type named %s is refused by name', (type) => {
    expect(() => checkType(type)).toThrow(/does not know the code type/);
  });
});
