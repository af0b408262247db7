/**
 * Writes an account as an otpauth:// link (for QR codes and plain exports) that parseOtpauth reads back with every
 * code-relevant field intact: type, issuer, name, secret, algorithm, digits, period, counter.
 *
 * Steam is written as `otpauth://steam/...` with `encoder=steam` as well: Aegis, andOTP, Ente and 2FAS read the
 * steam type, KeePassXC ignores the type and reads `encoder=steam`; with both, each of them gets Steam codes.
 * Google Authenticator reads neither and refuses the link, which is better than showing wrong codes.
 */
import { DEFAULT_DRAFT, type AccountDraft } from './account';
import { encodeUriComponent } from './text';

type FormatFields = Pick<
  AccountDraft,
  'type' | 'secret' | 'issuer' | 'name' | 'algorithm' | 'digits' | 'period' | 'counter'
>;

export function formatOtpauth(draft: FormatFields): string {
  const params: [string, string | number][] = [['secret', draft.secret]];
  if (draft.issuer) params.push(['issuer', draft.issuer]);
  params.push(['algorithm', draft.algorithm], ['digits', draft.digits]);
  // HOTP has no period, but the model keeps one so a type change stays sane: write it only when it is not 30.
  if (draft.type !== 'hotp' || draft.period !== DEFAULT_DRAFT.period) params.push(['period', draft.period]);
  if (draft.type === 'hotp') params.push(['counter', draft.counter]);
  if (draft.type === 'steam') params.push(['encoder', 'steam']);
  const query = params.map(([key, value]) => `${key}=${encodeUriComponent(value)}`).join('&');
  return `otpauth://${draft.type}/${label(draft.issuer, draft.name)}?${query}`;
}

/**
 * "Issuer:Name" with each part percent-encoded (a colon inside becomes %3A). Without an issuer, a name that holds a
 * colon gets an empty prefix (":a:b") so that reading it back does not take "a" for the issuer.
 */
function label(issuer: string, name: string): string {
  if (issuer) return `${encodeUriComponent(issuer)}:${encodeUriComponent(name)}`;
  return name.includes(':') ? `:${encodeUriComponent(name)}` : encodeUriComponent(name);
}
