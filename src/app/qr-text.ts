/**
 * What a decoded QR code (or a pasted link) holds: one account, one part of a Google Authenticator export, or
 * something else, which is refused with a sentence saying what it is. The migration decoder loads only for
 * otpauth-migration:// links (rule 7).
 */
import type { AccountDraft } from '../core/account';
import { LatchkeyError } from '../core/errors';
import { parseOtpauth } from '../core/uri';
import { isMigrationLink, schemeOf } from '../core/uri-scheme';
import type { MigrationResult } from '../formats/google-migration/payload';
import { ownValue } from '../core/text';

export type QrContent = { kind: 'account'; draft: AccountDraft } | { kind: 'migration'; part: MigrationResult };

/** Where the text came from: a refusal says "This QR code holds ..." for codes; links keep the parser's words. */
export type TextOrigin = 'qr' | 'link';

/** Schemes whose errors come from the otpauth parser itself (a bad secret is more useful than "not an account"). */
const ACCOUNT_SCHEMES = new Set(['otpauth', 'web+otpauth', 'motp']);

export async function readQrText(text: string, from: TextOrigin = 'qr'): Promise<QrContent> {
  const input = text.trim();
  if (isMigrationLink(input)) {
    const { decodeMigrationLink } = await import('../formats/google-migration/payload');
    return { kind: 'migration', part: decodeMigrationLink(input) };
  }
  const scheme = schemeOf(input);
  if (from === 'link' || (scheme && ACCOUNT_SCHEMES.has(scheme)) || /^steam:\/\/[^/]+$/i.test(input)) {
    return { kind: 'account', draft: parseOtpauth(input) };
  }
  const { what, hint = DEFAULT_HINT } = describeQrText(input);
  throw new LatchkeyError('not-otpauth', `This QR code holds ${what}, not an account. ${hint}`);
}

const SHOWN_TEXT = 40;
const DEFAULT_HINT = 'Scan the QR code the site shows when you turn on two-factor authentication.';

export interface QrTextDescription {
  /** The middle of "This QR code holds ___, not an account." */
  what: string;
  /** What to do instead, when it differs from scanning the site's code. */
  hint?: string;
}

/**
 * A short description of non-account text, as the middle of "This QR code holds ___". Web addresses show only
 * their host (paths and queries can carry tokens); Wi-Fi codes show the network name, never the password.
 */
export function describeQrText(text: string): QrTextDescription {
  const input = text.trim();
  if (/^[A-Za-z2-7=\s-]{16,}$/.test(input) && /[2-7]/.test(input)) {
    // Never echoed: it may be a real secret.
    return { what: 'what looks like a bare secret key', hint: 'To add a bare key, choose Enter manually.' };
  }
  return { what: describe(input) };
}

function describe(input: string): string {
  if (input === '') return 'no text at all';
  const scheme = schemeOf(input);
  const rest = scheme === undefined ? '' : input.slice(scheme.length + 1);
  if (scheme === 'http' || scheme === 'https') {
    const host = /^\/\/(?:[^@/?#]*@)?([A-Za-z0-9.-]{1,64}(?::\d{1,5})?)(.*)$/s.exec(rest);
    if (!host) return 'a web address';
    return `a web address (${scheme}://${host[1]}${host[2] && host[2] !== '/' ? '/...' : ''})`;
  }
  const upper = input.toUpperCase();
  if (upper.startsWith('WIFI:')) {
    const ssid = /(?:^|;)S:((?:\\.|[^;])*)/i.exec(input.slice(5))?.[1]?.replace(/\\(.)/g, '$1');
    return ssid ? `Wi-Fi settings for the network “${clip(ssid)}”` : 'Wi-Fi settings';
  }
  if (upper.startsWith('BEGIN:VCARD') || upper.startsWith('MECARD:')) return 'a contact card';
  if (upper.startsWith('BEGIN:VCALENDAR') || upper.startsWith('BEGIN:VEVENT')) return 'a calendar event';
  const named: Record<string, string> = {
    mailto: 'an email address',
    tel: 'a phone number',
    sms: 'a text message',
    smsto: 'a text message',
    geo: 'a map location',
    steam: 'a Steam app link',
    bitcoin: 'a Bitcoin payment request',
  };
  const known = scheme === undefined ? undefined : ownValue(named, scheme);
  if (known) return known;
  if (scheme && rest.startsWith('//')) return `a “${scheme}:” link`;
  return `plain text (“${clip(input)}”)`;
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > SHOWN_TEXT ? `${oneLine.slice(0, SHOWN_TEXT)}...` : oneLine;
}
