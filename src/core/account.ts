/** The account model shared by every layer. Secrets are canonical Base32: upper case, no padding, no spaces. */
import type { Base32Secret } from './base32';
import type { Brand } from './brand';

/** An account's record id (`acct:<uuid>`): made by newAccountId, never typed by hand. */
export type AccountId = Brand<string, 'AccountId'>;
export const ACCOUNT_PREFIX = 'acct:';

export function newAccountId(): AccountId {
  return `${ACCOUNT_PREFIX}${crypto.randomUUID()}` as AccountId;
}

export type OtpType = 'totp' | 'hotp' | 'steam';
export type Algorithm = 'SHA1' | 'SHA256' | 'SHA512';

export const ALGORITHMS: readonly Algorithm[] = ['SHA1', 'SHA256', 'SHA512'];
export const MIN_DIGITS = 6;
export const MAX_DIGITS = 10;

/** What an otpauth link, a form or an importer yields: everything needed to compute codes, plus names. */
export interface AccountDraft {
  type: OtpType;
  /** Canonical Base32 (A-Z, 2-7), no padding. */
  secret: Base32Secret;
  issuer: string;
  name: string;
  algorithm: Algorithm;
  /** 6 to 10 for totp/hotp; Steam's own for steam (core/steam.ts). */
  digits: number;
  /** Seconds; totp and steam. Always the default (30) for hotp, so that a type change keeps a sane value. */
  period: number;
  /** hotp only; the counter of the NEXT code to show. 0 for other types. */
  counter: number;
  note?: string;
  group?: string;
  favorite?: boolean;
  /** The picture the person chose; absent means "matched from the names" (app/icons). */
  icon?: AccountIcon;
}

/** The image types an account's own picture may have: what every browser decodes in an <img>. */
export const ICON_MIMES = ['image/png', 'image/webp', 'image/jpeg', 'image/svg+xml'] as const;
export type IconMime = (typeof ICON_MIMES)[number];

/**
 * An account's picture: a brand icon of the shipped set by its slug (or a name another app gave it, resolved by
 * the matcher), the letter monogram even where a brand would match, or an image of the person's own, stored
 * inside the account's sealed record (never in plaintext; formats/shared/icon.ts checks and sanitises it).
 */
export type AccountIcon =
  { kind: 'brand'; slug: string } | { kind: 'letter' } | { kind: 'image'; mime: IconMime; dataBase64: string };

/** A stored account: a draft plus identity and organisation fields. */
export interface Account extends AccountDraft {
  id: AccountId;
  createdAt: number;
  updatedAt: number;
  /** Position in the user's custom order; lower first. */
  order: number;
  useCount?: number;
  usedAt?: number;
}

export const DEFAULT_DRAFT: Readonly<Omit<AccountDraft, 'secret' | 'issuer' | 'name'>> = {
  type: 'totp',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
};

/** A short human label: "Issuer (name)" or whichever exists. */
export function accountTitle(a: Pick<AccountDraft, 'issuer' | 'name'>): string {
  if (a.issuer && a.name) return `${a.issuer} (${a.name})`;
  return a.issuer || a.name || 'Unnamed account';
}

/**
 * The duplicate rule of manual add, links and imports: two accounts whose codes are the same (same secret, type,
 * algorithm, digits and period). An HOTP account's counter moves on with use; it is still the same account.
 */
export function sameCodes(a: AccountDraft, b: AccountDraft): boolean {
  return codesKey(a) === codesKey(b);
}

/** What sameCodes compares, as one value: to find duplicates among thousands at once with a Set. */
export function codesKey(a: Pick<AccountDraft, 'type' | 'secret' | 'algorithm' | 'digits' | 'period'>): string {
  return `${a.type}:${a.secret}:${a.algorithm}:${a.digits}:${a.period}`;
}

/** Same issuer and account name, ignoring case: perhaps a new key for the same login, worth a word before saving. */
export function sameName(a: AccountDraft, b: AccountDraft): boolean {
  const same = (x: string, y: string) => x.trim().toLowerCase() === y.trim().toLowerCase();
  return (a.issuer !== '' || a.name !== '') && same(a.issuer, b.issuer) && same(a.name, b.name);
}

/**
 * What an account's codes depend on, as one value: a code computed for another value is not this account's code
 * (its secret, digits or counter were edited since). Other edits, and copying a code, leave it unchanged.
 */
export function codeVersion(
  a: Pick<Account, 'type' | 'secret' | 'algorithm' | 'digits' | 'period' | 'counter'>,
): string {
  return `${a.type}:${a.secret}:${a.algorithm}:${a.digits}:${a.period}:${a.counter}`;
}
