/**
 * otpauth:// links as real services and apps emit them, and the refusals. Shared by test/unit/uri.test.ts (Node)
 * and test/e2e/vectors.spec.ts (Chromium).
 */
import type { AccountDraft } from '../../src/core/account';
import type { ErrorCode } from '../../src/core/errors';
import { b32 } from '../support/brands';
import { draft } from '../support/drafts';

const WIKI = b32('JBSWY3DPEHPK3PXP');
const SHA256_SEED = b32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA');

function totp(fields: Partial<AccountDraft>): AccountDraft {
  return draft({ secret: WIKI, ...fields });
}
function steam(fields: Partial<AccountDraft>): AccountDraft {
  return totp({ type: 'steam', digits: 5, ...fields });
}

export interface ValidUri {
  title: string;
  uri: string;
  draft: AccountDraft;
}

export const VALID_URIS: readonly ValidUri[] = [
  {
    title: 'Google wiki example',
    uri: 'otpauth://totp/Example:alice@google.com?secret=JBSWY3DPEHPK3PXP&issuer=Example',
    draft: totp({ issuer: 'Example', name: 'alice@google.com' }),
  },
  {
    title: 'formats.md example with every parameter',
    uri: 'otpauth://totp/ACME%20Co:john.doe@email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30',
    draft: totp({ secret: b32('HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ'), issuer: 'ACME Co', name: 'john.doe@email.com' }),
  },
  {
    title: 'form-encoded issuer Air+Canada',
    uri: 'otpauth://hotp/Air%20Canada:Benjamin?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Air+Canada&algorithm=SHA256&digits=7&counter=50',
    draft: totp({
      type: 'hotp',
      secret: b32('KUVJJOM753IHTNDSZVCNKL7GII'),
      issuer: 'Air Canada',
      name: 'Benjamin',
      algorithm: 'SHA256',
      digits: 7,
      counter: 50,
    }),
  },
  {
    title: '%3A separator followed by %20',
    uri: 'otpauth://totp/ACME%20Co%3A%20%20john.doe?secret=JBSWY3DPEHPK3PXP',
    draft: totp({ issuer: 'ACME Co', name: 'john.doe' }),
  },
  {
    title: 'label with only the account name',
    uri: 'otpauth://totp/alice@google.com?secret=JBSWY3DPEHPK3PXP',
    draft: totp({ name: 'alice@google.com' }),
  },
  {
    title: 'account name in the label, issuer as parameter',
    uri: 'otpauth://totp/alice?secret=JBSWY3DPEHPK3PXP&issuer=Example',
    draft: totp({ issuer: 'Example', name: 'alice' }),
  },
  {
    title: 'issuer parameter wins over a different label prefix',
    uri: 'otpauth://totp/Old%20Name:alice?secret=JBSWY3DPEHPK3PXP&issuer=New%20Name',
    draft: totp({ issuer: 'New Name', name: 'alice' }),
  },
  {
    title: 'empty issuer parameter falls back to the label prefix',
    uri: 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=',
    draft: totp({ issuer: 'Example', name: 'alice' }),
  },
  {
    title: 'lower-case algorithm, 8 digits, 60 s',
    uri: `otpauth://totp/Example:alice?secret=${SHA256_SEED}&algorithm=sha256&digits=8&period=60`,
    draft: totp({ secret: SHA256_SEED, issuer: 'Example', name: 'alice', algorithm: 'SHA256', digits: 8, period: 60 }),
  },
  {
    title: 'algorithm written SHA-512',
    uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&algorithm=SHA-512',
    draft: totp({ issuer: 'X', name: 'y', algorithm: 'SHA512' }),
  },
  {
    title: 'padded secret',
    uri: `otpauth://totp/X:y?secret=${SHA256_SEED}====`,
    draft: totp({ secret: SHA256_SEED, issuer: 'X', name: 'y' }),
  },
  {
    title: 'percent-encoded padding',
    uri: 'otpauth://totp/X:y?secret=MZXW6%3D%3D%3D',
    draft: totp({ secret: b32('MZXW6'), issuer: 'X', name: 'y' }),
  },
  {
    title: 'spaces (%20) in the secret',
    uri: 'otpauth://totp/X:y?secret=JBSW%20Y3DP%20EHPK%203PXP',
    draft: totp({ issuer: 'X', name: 'y' }),
  },
  {
    title: 'lower-case secret with + as spaces',
    uri: 'otpauth://totp/X:y?secret=jbsw+y3dp+ehpk+3pxp',
    draft: totp({ issuer: 'X', name: 'y' }),
  },
  {
    title: 'FreeOTP image and color are ignored',
    uri: 'otpauth://totp/FreeOTP:alice?secret=JBSWY3DPEHPK3PXP&issuer=FreeOTP&image=https%3A%2F%2Fexample.com%2Flogo.png&color=FF0000',
    draft: totp({ issuer: 'FreeOTP', name: 'alice' }),
  },
  {
    title: 'andOTP tags are ignored',
    uri: 'otpauth://totp/andOTP:alice?secret=JBSWY3DPEHPK3PXP&issuer=andOTP&tags=work&tags=personal',
    draft: totp({ issuer: 'andOTP', name: 'alice' }),
  },
  {
    title: 'Ente codeDisplay is ignored',
    uri: 'otpauth://totp/Ente:alice?secret=JBSWY3DPEHPK3PXP&issuer=Ente&codeDisplay=%7B%22pinned%22%3Afalse%2C%22trashed%22%3Afalse%7D',
    draft: totp({ issuer: 'Ente', name: 'alice' }),
  },
  {
    title: 'a damaged unknown parameter is ignored',
    uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&note=%ZZ',
    draft: totp({ issuer: 'X', name: 'y' }),
  },
  {
    title: 'Aegis Steam link (type steam, digits=5)',
    uri: 'otpauth://steam/Steam:Sophia?period=30&digits=5&algorithm=SHA1&secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Steam',
    draft: steam({ secret: b32('JRZCL47CMXVOQMNPZR2F7J4RGI'), issuer: 'Steam', name: 'Sophia' }),
  },
  {
    title: 'KeePassXC Steam link (encoder=steam)',
    uri: 'otpauth://totp/Steam:Sophia?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&period=30&digits=5&issuer=Steam&encoder=steam',
    draft: steam({ secret: b32('JRZCL47CMXVOQMNPZR2F7J4RGI'), issuer: 'Steam', name: 'Sophia' }),
  },
  {
    title: 'Bitwarden steam://SECRET',
    uri: 'steam://JRZCL47CMXVOQMNPZR2F7J4RGI',
    draft: steam({ secret: b32('JRZCL47CMXVOQMNPZR2F7J4RGI'), issuer: 'Steam' }),
  },
  {
    title: 'upper-case scheme, type and parameter names',
    uri: 'OTPAUTH://TOTP/Example:alice?SECRET=JBSWY3DPEHPK3PXP&ISSUER=Example&Algorithm=SHA1',
    draft: totp({ issuer: 'Example', name: 'alice' }),
  },
  {
    title: 'web+otpauth:// from a protocol handler',
    uri: 'web+otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example',
    draft: totp({ issuer: 'Example', name: 'alice' }),
  },
  {
    title: 'HOTP with a counter',
    uri: 'otpauth://hotp/Issuu:James?secret=YOOMIXWS5GN6RTBPUFFWKTW5M4&issuer=Issuu&counter=1',
    draft: totp({
      type: 'hotp',
      secret: b32('YOOMIXWS5GN6RTBPUFFWKTW5M4'),
      issuer: 'Issuu',
      name: 'James',
      counter: 1,
    }),
  },
  {
    title: 'HOTP without a counter starts at 0',
    uri: 'otpauth://hotp/Issuu:James?secret=YOOMIXWS5GN6RTBPUFFWKTW5M4',
    draft: totp({ type: 'hotp', secret: b32('YOOMIXWS5GN6RTBPUFFWKTW5M4'), issuer: 'Issuu', name: 'James' }),
  },
  {
    title: 'HOTP with the largest safe counter',
    uri: 'otpauth://hotp/X:y?secret=JBSWY3DPEHPK3PXP&counter=9007199254740991',
    draft: totp({ type: 'hotp', issuer: 'X', name: 'y', counter: 9007199254740991 }),
  },
  {
    title: 'a TOTP link ignores a counter',
    uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&counter=5',
    draft: totp({ issuer: 'X', name: 'y' }),
  },
  {
    title: '10 digits',
    uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&digits=10',
    draft: totp({ issuer: 'X', name: 'y', digits: 10 }),
  },
  {
    title: 'Battle.net, 8 digits',
    uri: 'otpauth://totp/Battle.net:US-2211-2050-3346?secret=BMGRXPGFARQQF4GMT25JATL2VYLAHDBI&issuer=Battle.net&digits=8',
    draft: totp({
      secret: b32('BMGRXPGFARQQF4GMT25JATL2VYLAHDBI'),
      issuer: 'Battle.net',
      name: 'US-2211-2050-3346',
      digits: 8,
    }),
  },
  {
    title: 'whitespace and a newline around the link',
    uri: '  otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example \n',
    draft: totp({ issuer: 'Example', name: 'alice' }),
  },
  {
    title: 'a #fragment is dropped',
    uri: 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example#top',
    draft: totp({ issuer: 'Example', name: 'alice' }),
  },
  {
    title: 'percent-encoded UTF-8 names',
    uri: 'otpauth://totp/%E2%82%AC%20Bank:j%C3%BCrgen?secret=JBSWY3DPEHPK3PXP&issuer=%E2%82%AC%20Bank',
    draft: totp({ issuer: '€ Bank', name: 'jürgen' }),
  },
  {
    title: 'raw UTF-8 names',
    uri: 'otpauth://totp/Bänk:jürgen?secret=JBSWY3DPEHPK3PXP',
    draft: totp({ issuer: 'Bänk', name: 'jürgen' }),
  },
  {
    title: 'empty parameters count as absent',
    uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&digits=&period=&algorithm=',
    draft: totp({ issuer: 'X', name: 'y' }),
  },
  {
    title: 'the first of repeated parameters wins',
    uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&digits=8&digits=7',
    draft: totp({ issuer: 'X', name: 'y', digits: 8 }),
  },
  {
    title: 'an issuer holding a colon',
    uri: 'otpauth://totp/A%3AB:alice?secret=JBSWY3DPEHPK3PXP&issuer=A%3AB',
    draft: totp({ issuer: 'A:B', name: 'alice' }),
  },
  {
    title: 'an account name holding a colon',
    uri: 'otpauth://totp/Example:alice:work?secret=JBSWY3DPEHPK3PXP',
    draft: totp({ issuer: 'Example', name: 'alice:work' }),
  },
  {
    title: 'no label at all',
    uri: 'otpauth://totp?secret=JBSWY3DPEHPK3PXP&issuer=Example',
    draft: totp({ issuer: 'Example' }),
  },
  {
    title: 'Google style with %3A and %40',
    uri: 'otpauth://totp/Google%3Aalice%40gmail.com?secret=JBSWY3DPEHPK3PXP&issuer=Google',
    draft: totp({ issuer: 'Google', name: 'alice@gmail.com' }),
  },
  {
    title: 'empty pairs and a trailing &',
    uri: 'otpauth://totp/X:y?&issuer=X&&secret=JBSWY3DPEHPK3PXP&',
    draft: totp({ issuer: 'X', name: 'y' }),
  },
  {
    title: '+ stays + in the label',
    uri: 'otpauth://totp/C++%20Club:bob?secret=JBSWY3DPEHPK3PXP',
    draft: totp({ issuer: 'C++ Club', name: 'bob' }),
  },
  {
    title: 'a long period',
    uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&period=86400',
    draft: totp({ issuer: 'X', name: 'y', period: 86400 }),
  },
];

export interface InvalidUri {
  title: string;
  uri: string;
  code: ErrorCode;
  /** Text the message must contain. */
  mentions?: string;
}

/** Secrets and tokens that appear in the invalid links below: no message may repeat them. */
export const NEVER_ECHOED = ['JBSWY3DPEHPK3PXP', 'JBSW', 'token123'];

export const INVALID_URIS: readonly InvalidUri[] = [
  {
    title: 'web address',
    uri: 'https://example.com/2fa/setup?token=token123',
    code: 'not-otpauth',
    mentions: 'web address (https://example.com)',
  },
  {
    title: 'web address with a secret',
    uri: 'http://user:pw@example.com:8080/?secret=JBSWY3DPEHPK3PXP',
    code: 'not-otpauth',
    mentions: 'http://example.com:8080',
  },
  { title: 'plain text', uri: 'hello world', code: 'not-otpauth', mentions: 'otpauth://' },
  { title: 'a bare secret', uri: 'JBSW Y3DP EHPK 3PXP', code: 'not-otpauth', mentions: 'secret key' },
  {
    title: 'Google export link',
    uri: 'otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8',
    code: 'not-otpauth',
    mentions: 'Google Authenticator export',
  },
  { title: 'mailto link', uri: 'mailto:token123@example.com', code: 'not-otpauth' },
  { title: 'ftp link', uri: 'ftp://example.com/token123', code: 'not-otpauth', mentions: '"ftp:"' },
  {
    title: 'otpauth: without //',
    uri: 'otpauth:totp/X:y?secret=JBSWY3DPEHPK3PXP',
    code: 'not-otpauth',
    mentions: '//',
  },
  { title: 'Steam app link', uri: 'steam://run/440', code: 'not-otpauth', mentions: 'Steam' },
  { title: 'motp:// scheme', uri: 'motp://Example:alice?secret=JBSWY3DPEHPK3PXP', code: 'bad-type', mentions: 'mOTP' },
  {
    title: 'otpauth://motp',
    uri: 'otpauth://motp/Example:alice?secret=JBSWY3DPEHPK3PXP&pin=1234',
    code: 'bad-type',
    mentions: 'mOTP',
  },
  {
    title: 'otpauth://yandex',
    uri: 'otpauth://yandex/alice?secret=JBSWY3DPEHPK3PXP',
    code: 'bad-type',
    mentions: 'Yandex',
  },
  { title: 'unknown type', uri: 'otpauth://sotp/X:y?secret=JBSWY3DPEHPK3PXP', code: 'bad-type', mentions: '"sotp"' },
  { title: 'empty type', uri: 'otpauth:///X:y?secret=JBSWY3DPEHPK3PXP', code: 'bad-type' },
  {
    title: 'over 4096 characters',
    uri: `otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&image=${'a'.repeat(4096)}`,
    code: 'input-too-long',
    mentions: '4096',
  },
  { title: 'missing secret', uri: 'otpauth://totp/X:y?issuer=X', code: 'missing-secret' },
  { title: 'empty secret', uri: 'otpauth://totp/X:y?secret=&issuer=X', code: 'missing-secret' },
  { title: 'secret of only spaces', uri: 'otpauth://totp/X:y?secret=%20%20', code: 'missing-secret' },
  {
    title: 'digit 1 in the secret',
    uri: 'otpauth://totp/X:y?secret=JBSW1Y3DP',
    code: 'bad-secret',
    mentions: '"1" at position 5',
  },
  { title: 'damaged % in the secret', uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP%Z', code: 'bad-secret' },
  { title: 'steam:// with a bad secret', uri: 'steam://JBSWY3DPEHPK3PX0', code: 'bad-secret', mentions: '"0"' },
  {
    title: '5 digits',
    uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&digits=5',
    code: 'bad-digits',
    mentions: '6 to 10',
  },
  {
    title: '11 digits',
    uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&digits=11',
    code: 'bad-digits',
    mentions: '"11"',
  },
  { title: 'digits abc', uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&digits=abc', code: 'bad-digits' },
  { title: 'digits 6.5', uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&digits=6.5', code: 'bad-digits' },
  {
    title: 'period 0',
    uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&period=0',
    code: 'bad-period',
    mentions: 'at least 1',
  },
  { title: 'period -1', uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&period=-1', code: 'bad-period' },
  {
    title: 'period abc',
    uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&period=abc',
    code: 'bad-period',
    mentions: '"abc"',
  },
  { title: 'period 1e3', uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&period=1e3', code: 'bad-period' },
  { title: 'counter -1', uri: 'otpauth://hotp/X:y?secret=JBSWY3DPEHPK3PXP&counter=-1', code: 'bad-counter' },
  { title: 'counter abc', uri: 'otpauth://hotp/X:y?secret=JBSWY3DPEHPK3PXP&counter=abc', code: 'bad-counter' },
  {
    title: 'counter above 2^53',
    uri: 'otpauth://hotp/X:y?secret=JBSWY3DPEHPK3PXP&counter=9007199254740992',
    code: 'bad-counter',
  },
  {
    title: 'MD5',
    uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&algorithm=MD5',
    code: 'bad-algorithm',
    mentions: 'MD5',
  },
  {
    title: 'SHA3',
    uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&algorithm=SHA3-256',
    code: 'bad-algorithm',
    mentions: 'SHA256',
  },
  { title: 'damaged % in the label', uri: 'otpauth://totp/Example%3:alice?secret=JBSWY3DPEHPK3PXP', code: 'bad-label' },
  {
    title: 'invalid UTF-8 in the label',
    uri: 'otpauth://totp/Example:%C3%28?secret=JBSWY3DPEHPK3PXP',
    code: 'bad-label',
  },
  {
    title: 'damaged % in the issuer',
    uri: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP&issuer=%E2%82',
    code: 'bad-label',
  },
];
