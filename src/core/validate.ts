/**
 * The rules every way in (otpauth links, the manual form, importers) applies to account fields, with one set of
 * messages. Each checker takes what a link or a file holds (a string or a number) and returns the typed value or
 * throws a LatchkeyError whose message says what is wrong and what is allowed.
 */
import {
  ALGORITHMS,
  DEFAULT_DRAFT,
  MAX_DIGITS,
  MIN_DIGITS,
  type AccountDraft,
  type Algorithm,
  type OtpType,
} from './account';
import { normalizeSecret } from './base32';
import { LatchkeyError } from './errors';
import { STEAM } from './steam';
import { ownValue, wellFormed } from './text';

/** A short, printable rendering of a value for a message: never long, never control characters. */
export function shown(value: unknown): string {
  const text = String(value).replace(/[\p{C}]/gu, '?');
  return `"${text.length > 16 ? text.slice(0, 15) + '…' : text}"`;
}

/** Whole numbers as links and files write them: digits only, no sign, no decimals, no exponent. */
function wholeNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (typeof value === 'bigint')
    return value >= 0n && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : undefined;
  if (typeof value !== 'string' || !/^\s*\d+\s*$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

export function checkDigits(value: unknown): number {
  const n = wholeNumber(value);
  if (n === undefined || n < MIN_DIGITS || n > MAX_DIGITS) {
    throw new LatchkeyError(
      'bad-digits',
      `Codes must have ${MIN_DIGITS} to ${MAX_DIGITS} digits, not ${shown(value)}.`,
    );
  }
  return n;
}

export function checkPeriod(value: unknown): number {
  const n = wholeNumber(value);
  if (n === undefined || n < 1) {
    throw new LatchkeyError(
      'bad-period',
      `The period must be a whole number of seconds, at least 1, not ${shown(value)}.`,
    );
  }
  return n;
}

export function checkCounter(value: unknown): number {
  const n = wholeNumber(value);
  if (n === undefined) {
    throw new LatchkeyError(
      'bad-counter',
      `The HOTP counter must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, not ${shown(value)}.`,
    );
  }
  return n;
}

/** Case-insensitive, with or without the hyphen ("sha-256"), as apps write it. */
export function checkAlgorithm(value: unknown): Algorithm {
  const name = String(value).toUpperCase().replace('-', '');
  const found = ALGORITHMS.find((a) => a === name);
  if (found) return found;
  throw new LatchkeyError(
    'bad-algorithm',
    name === 'MD5'
      ? 'Latchkey cannot make codes with MD5, an old algorithm no longer considered safe.'
      : `The algorithm ${shown(value)} is not supported; Latchkey uses SHA1, SHA256 or SHA512.`,
  );
}

/** Other kinds of one-time codes exist in apps people migrate from; each gets a message naming it. */
const UNSUPPORTED_TYPES: Record<string, string> = {
  motp: 'mOTP',
  yandex: 'Yandex Key',
  yaotp: 'Yandex Key',
};

export function checkType(value: unknown): OtpType {
  const type = String(value).toLowerCase();
  if (type === 'totp' || type === 'hotp' || type === 'steam') return type;
  const known = ownValue(UNSUPPORTED_TYPES, type);
  throw new LatchkeyError(
    'bad-type',
    known
      ? `Latchkey cannot make ${known} codes yet; it makes TOTP, HOTP and Steam codes.`
      : type === ''
        ? 'The kind of code is missing; it should be totp or hotp.'
        : `Latchkey does not know the code type ${shown(value)}; it makes TOTP, HOTP and Steam codes.`,
  );
}

/** The code parameters as a link, a file or a form gives them: strings or numbers, possibly missing. */
export interface LooseParams {
  algorithm?: unknown;
  digits?: unknown;
  period?: unknown;
  counter?: unknown;
}

/** Links and files write "no value" as a missing parameter, null or an empty string. */
function absent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * The one place each type's rules apply, for every way in (links, the form, importers): Steam is always
 * core/steam.ts's STEAM whatever else is said; only TOTP has a period of its own and only HOTP a counter (the
 * others keep the defaults); anything else is checked. A missing value takes the default, unless `required` (a
 * form's empty field is a mistake to point out, not a default).
 */
export function typeParams(
  type: OtpType,
  given: LooseParams,
  { required = false } = {},
): Pick<AccountDraft, keyof LooseParams> {
  if (type === 'steam') return { ...STEAM, counter: 0 };
  const check = <T>(value: unknown, fallback: T, checker: (v: unknown) => T): T =>
    !required && absent(value) ? fallback : checker(typeof value === 'string' ? value.trim() : value);
  return {
    algorithm: check(given.algorithm, DEFAULT_DRAFT.algorithm, checkAlgorithm),
    digits: check(given.digits, DEFAULT_DRAFT.digits, checkDigits),
    period: type === 'totp' ? check(given.period, DEFAULT_DRAFT.period, checkPeriod) : DEFAULT_DRAFT.period,
    counter: type === 'hotp' ? check(given.counter, 0, checkCounter) : 0,
  };
}

/** A draft as someone else made it: its secret not yet canonical, its fields not yet checked. */
export type UncheckedDraft = Omit<AccountDraft, 'secret'> & { secret: string };

/** Checks and normalises a whole draft: canonical secret, trimmed names, the type's rules. */
export function validateDraft(draft: UncheckedDraft): AccountDraft {
  const type = checkType(draft.type);
  return {
    ...draft,
    type,
    secret: normalizeSecret(draft.secret),
    issuer: wellFormed(draft.issuer).trim(),
    name: wellFormed(draft.name).trim(),
    ...typeParams(type, draft),
    ...(draft.note !== undefined ? { note: wellFormed(draft.note) } : {}),
    ...(draft.group !== undefined ? { group: wellFormed(draft.group) } : {}),
  };
}
