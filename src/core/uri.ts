/**
 * otpauth:// Key URI parsing and formatting (Google Authenticator wiki "Key-Uri-Format", reference formats.md §1).
 * Parsed by hand: browsers have disagreed on how `new URL()` splits non-web schemes, and a hand parser lets every
 * refusal be a coded error with a sentence. Unknown parameters (`image`, `color`, `tags`, `codeDisplay` ...) are
 * ignored and never fetched.
 *
 * Decisions:
 * - An HOTP link without `counter` starts at 0, as Google Authenticator does (Aegis refuses it; refusing helps nobody).
 * - An empty parameter (`digits=`) counts as absent. The first of repeated parameters wins, as URLSearchParams.get.
 * - `+` means space in query values (form encoding, `issuer=Air+Canada`) but stays `+` in the label (path rules).
 * - A `#fragment` is not part of the link (URI rules) and is dropped.
 * - Steam (`otpauth://steam/`, `encoder=steam`, `steam://SECRET`) always means SHA1, 5 characters, 30 seconds,
 *   whatever else the link says (Aegis writes `digits=5`, which a TOTP link may not have).
 */
import type { AccountDraft } from './account';
import { normalizeSecret } from './base32';
import { LatchkeyError, type ErrorCode } from './errors';
import { describeNotOtpauth, schemeOf } from './uri-scheme';
import { wellFormed } from './text';
import { checkType, typeParams } from './validate';

export { isMigrationLink } from './uri-scheme';
export { formatOtpauth } from './uri-format';

export const MAX_URI_LENGTH = 4096;

const KNOWN_PARAMETERS = new Set(['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter', 'encoder']);

export function parseOtpauth(text: string): AccountDraft {
  const input = text.trim();
  if (input.length > MAX_URI_LENGTH) {
    throw new LatchkeyError(
      'input-too-long',
      `This text is too long to be an account link (${input.length} characters; at most ${MAX_URI_LENGTH}).`,
    );
  }
  const scheme = schemeOf(input);
  const rest = scheme === undefined ? '' : input.slice(scheme.length + 1);
  if ((scheme === 'otpauth' || scheme === 'web+otpauth') && rest.startsWith('//')) return parseKeyUri(rest.slice(2));
  if (scheme === 'steam' && rest.startsWith('//') && !rest.slice(2).includes('/')) return parseSteamUri(rest.slice(2));
  if (scheme === 'motp') checkType('motp'); // throws 'bad-type' naming mOTP
  throw new LatchkeyError('not-otpauth', describeNotOtpauth(input, scheme));
}

function parseKeyUri(body: string): AccountDraft {
  const [beforeQuery, query = ''] = splitOnce(body.split('#', 1)[0]!, '?');
  const [rawType, rawLabel = ''] = splitOnce(beforeQuery, '/');
  const params = readQuery(query);
  const steam = rawType.toLowerCase() === 'steam' || params.get('encoder')?.toLowerCase() === 'steam';
  const type = steam ? 'steam' : checkType(rawType);

  const rawSecret = params.get('secret');
  if (rawSecret === undefined) {
    throw new LatchkeyError('missing-secret', 'The link has no secret key (the secret= part is missing).');
  }
  const secret = normalizeSecret(decodeValue(rawSecret, 'bad-secret', 'secret key'));
  const issuerParam = params.has('issuer') ? decodeValue(params.get('issuer')!, 'bad-label', 'issuer').trim() : '';
  const { issuer, name } = splitLabel(decodeLabel(rawLabel), issuerParam);

  const value = (key: 'algorithm' | 'digits' | 'period' | 'counter') => {
    const raw = params.get(key);
    return raw === undefined ? undefined : decodeValue(raw, `bad-${key}`, key);
  };
  const algorithm = value('algorithm');
  const digits = value('digits');
  const period = value('period');
  const counter = value('counter');
  return { type, secret, issuer, name, ...typeParams(type, { algorithm, digits, period, counter }) };
}

/** Bitwarden's `steam://BASE32SECRET`: no label, so the issuer is Steam. */
function parseSteamUri(body: string): AccountDraft {
  const secret = normalizeSecret(decodeValue(body.split(/[?#]/, 1)[0]!, 'bad-secret', 'secret key'));
  return {
    type: 'steam',
    secret,
    issuer: 'Steam',
    name: '',
    ...typeParams('steam', {}),
  };
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}

/** Known parameters by lower-cased name, raw (still percent-encoded) values; unknown ones are not even decoded. */
function readQuery(query: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    const [rawKey, raw = ''] = splitOnce(pair, '=');
    const key = rawKey.toLowerCase();
    if (KNOWN_PARAMETERS.has(key) && !params.has(key) && raw.trim() !== '') params.set(key, raw);
  }
  return params;
}

function decodeValue(raw: string, code: ErrorCode, what: string): string {
  try {
    return wellFormed(decodeURIComponent(raw.replace(/\+/g, ' '))).trim();
  } catch {
    throw new LatchkeyError(code, `The ${what} in the link is damaged: a "%" must be followed by two hex digits.`);
  }
}

function decodeLabel(raw: string): string {
  try {
    return wellFormed(decodeURIComponent(raw));
  } catch {
    throw new LatchkeyError(
      'bad-label',
      'The account name in the link is damaged: a "%" must be followed by two hex digits.',
    );
  }
}

/**
 * Label = accountname | issuer (":" | "%3A") *"%20" accountname. The issuer parameter wins over the label prefix;
 * the label's account name is kept either way. An issuer that itself holds a colon is recognised by the parameter.
 */
function splitLabel(label: string, issuerParam: string): { issuer: string; name: string } {
  let prefix = '';
  let name = label;
  if (issuerParam && label.startsWith(issuerParam + ':')) {
    prefix = issuerParam;
    name = label.slice(issuerParam.length + 1);
  } else {
    const colon = label.indexOf(':');
    if (colon >= 0) [prefix, name] = [label.slice(0, colon), label.slice(colon + 1)];
  }
  return { issuer: issuerParam || prefix.trim(), name: name.trim() };
}
