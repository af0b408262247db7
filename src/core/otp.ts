/**
 * HOTP (RFC 4226) and TOTP (RFC 6238) on WebCrypto HMAC, plus Steam Guard (steam.ts). Time is a parameter
 * (`now`, milliseconds since the epoch) so tests and the "Check a code" tool can ask about any moment.
 */
import type { AccountDraft } from './account';
import { LatchkeyError } from './errors';
import { KeyCache, type HmacKey } from './keys';
import { steamCode } from './steam';

export { KeyCache } from './keys';

export type CodeParams = Pick<AccountDraft, 'type' | 'secret' | 'algorithm' | 'digits' | 'period' | 'counter'>;
/** An HOTP counter or TOTP time step: a number up to 2^53 - 1, or a bigint up to 2^64 - 1. */
export type Counter = number | bigint;

const TWO_POW_32 = 2 ** 32;
const MAX_COUNTER = (1n << 64n) - 1n;

/** The 8-byte big-endian counter RFC 4226 §5.2 signs. All 64 bits are written: RFC 6238's year-2603 vector needs more than 32. */
export function counterBytes(counter: Counter): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(8);
  const view = new DataView(bytes.buffer);
  if (typeof counter === 'bigint') {
    if (counter < 0n || counter > MAX_COUNTER) throw badCounter();
    view.setBigUint64(0, counter);
  } else {
    if (!Number.isSafeInteger(counter) || counter < 0) throw badCounter();
    view.setUint32(0, Math.floor(counter / TWO_POW_32));
    view.setUint32(4, counter >>> 0); // ">>> 0" keeps the low 32 bits of any safe integer
  }
  return bytes;
}

function badCounter(): LatchkeyError {
  return new LatchkeyError('bad-counter', 'The counter must be a whole number from 0 up.');
}

/** RFC 4226 §5.3 dynamic truncation: 31 bits taken at the offset named by the last nibble. */
export function truncate(mac: ArrayBuffer): number {
  const bytes = new Uint8Array(mac);
  const offset = bytes[bytes.length - 1]! & 0x0f;
  return new DataView(mac).getUint32(offset) & 0x7fffffff;
}

/** Left-padded decimal code. For 10 digits the 31-bit value is below 10^10 already, so it is only padded. */
export function decimalCode(truncated: number, digits: number): string {
  if (!Number.isInteger(digits) || digits < 6 || digits > 10) {
    throw new LatchkeyError('bad-digits', 'A code must have 6 to 10 digits.');
  }
  return (truncated % 10 ** digits).toString().padStart(digits, '0');
}

async function truncatedAt(key: HmacKey, counter: Uint8Array<ArrayBuffer>): Promise<number> {
  return truncate(await crypto.subtle.sign('HMAC', key, counter));
}

/** One HOTP code. */
export async function hotp(key: HmacKey, counter: Counter, digits: number): Promise<string> {
  return decimalCode(await truncatedAt(key, counterBytes(counter)), digits);
}

/** The RFC 6238 time step T = floor((now - T0) / X) with T0 = 0; `now` in milliseconds. */
export function totpStep(now: number, period: number): number {
  checkPeriod(period);
  if (!Number.isFinite(now) || now < 0) throw new RangeError('The clock reads before 1970.');
  return Math.floor(now / (period * 1000));
}

/** Whole seconds until the code changes (period at the very start of a step, 1 in its last second). */
export function secondsLeft(now: number, period: number): number {
  return Math.ceil((nextStepAt(now, period) - now) / 1000);
}

/** The moment (ms) the next time step begins: when the UI should refresh codes of this period. */
export function nextStepAt(now: number, period: number): number {
  return (totpStep(now, period) + 1) * period * 1000;
}

function checkPeriod(period: number): void {
  if (!Number.isSafeInteger(period) || period <= 0) {
    throw new LatchkeyError('bad-period', 'The period must be a whole number of seconds, at least 1.');
  }
}

/** The counter a code is made from: the stored counter for HOTP, the time step for TOTP and Steam. */
export function counterFor(account: CodeParams, now: number): number {
  return account.type === 'hotp' ? account.counter : totpStep(now, account.period);
}

function render(account: CodeParams, truncated: number): string {
  return account.type === 'steam' ? steamCode(truncated) : decimalCode(truncated, account.digits);
}

export interface CodeOptions {
  now?: number;
  /** The session's cache; without one the key is imported for this call only. */
  keys?: KeyCache;
}

/** The code an account shows at `now` (TOTP/Steam) or at its counter (HOTP). */
export async function generateCode(account: CodeParams, { now = Date.now(), keys }: CodeOptions = {}): Promise<string> {
  const key = await (keys ?? new KeyCache()).get(account.secret, account.algorithm);
  return render(account, await truncatedAt(key, counterBytes(counterFor(account, now))));
}

/**
 * Codes for many accounts at once, all HMACs in flight together with cached keys: the list refreshes every account
 * at each period boundary. `offset` asks for codes that many steps ahead (1 = the next code, for a preview).
 * An account that cannot make a code (only possible with data that skipped validation) gets '' and the others
 * still get theirs; generateCode() on that account gives the reason.
 * Accounts on the same time step share one 8-byte counter buffer. Buffers are never written after being handed
 * to sign(), so sharing does not depend on when WebCrypto copies its input.
 */
export async function generateCodes(
  accounts: readonly CodeParams[],
  now: number = Date.now(),
  keys: KeyCache = new KeyCache(),
  offset = 0,
): Promise<string[]> {
  const buffers = new Map<number, Uint8Array<ArrayBuffer>>();
  const one = async (account: CodeParams): Promise<string> => {
    try {
      const counter = counterFor(account, now) + offset;
      let bytes = buffers.get(counter);
      if (!bytes) buffers.set(counter, (bytes = counterBytes(counter)));
      const key = await keys.get(account.secret, account.algorithm);
      return render(account, await truncatedAt(key, bytes));
    } catch {
      return '';
    }
  };
  return Promise.all(accounts.map(one));
}

export interface VerifyOptions extends CodeOptions {
  /** How many steps either side of now (TOTP/Steam) or ahead of the counter (HOTP) are accepted. */
  window?: number;
}

export interface VerifyResult {
  matched: boolean;
  /** Which step matched, relative to now (TOTP: -1 is the previous code) or to the stored counter (HOTP). */
  step?: number;
}

/**
 * Checks a code someone typed against a TOTP, HOTP or Steam account (RFC 6238 §5.2: accept the neighbouring time
 * steps to allow for clock drift and typing time; RFC 4226 §7.4: look ahead of the HOTP counter). Every step of
 * the window is computed and compared in constant time whatever matches, so the time taken tells nothing about
 * the code. A mismatch is an answer, not an error.
 */
export async function verifyCode(
  account: CodeParams,
  code: string,
  { now = Date.now(), window = 1, keys }: VerifyOptions = {},
): Promise<VerifyResult> {
  if (!Number.isSafeInteger(window) || window < 0) throw new RangeError('window must be a whole number from 0 up');
  const wanted = code.replace(/[\s-]/g, '').toUpperCase(); // "123 456" as grouped on screen, Steam in any case
  const key = await (keys ?? new KeyCache()).get(account.secret, account.algorithm);
  const base = counterFor(account, now);
  const steps = stepsToTry(account.type === 'hotp', window).filter((step) => base + step >= 0);
  const codes = await Promise.all(
    steps.map(async (step) => render(account, await truncatedAt(key, counterBytes(base + step)))),
  );
  // The nearest matching step is reported; every step was compared all the same.
  let matched: number | undefined;
  codes.forEach((candidate, i) => {
    if (sameCode(candidate, wanted) && matched === undefined) matched = steps[i];
  });
  return matched === undefined ? { matched: false } : { matched: true, step: matched };
}

/** Constant-time comparison of two codes: the time does not depend on where they first differ. */
export function sameCode(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** 0, -1, 1, -2, 2 ... for time-based codes (nearest first); 0, 1, 2 ... for HOTP, which only moves forward. */
function stepsToTry(forwardOnly: boolean, window: number): number[] {
  const steps = [0];
  for (let i = 1; i <= window; i++) steps.push(...(forwardOnly ? [i] : [-i, i]));
  return steps;
}
