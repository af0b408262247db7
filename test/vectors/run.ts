/**
 * Runs every shared vector table against the engine and returns what failed (empty = all pass). No test
 * framework and no Node API: test/e2e/vectors.spec.ts bundles this file and runs it inside Chromium, and
 * test/unit/vectors.test.ts runs it in Node, so both runtimes check the same tables.
 */
import type { AccountDraft } from '../../src/core/account';
import { decodeBase32, encodeBase32, normalizeSecret } from '../../src/core/base32';
import { isLatchkeyError } from '../../src/core/errors';
import { KeyCache, counterBytes, generateCode, generateCodes, hotp, totpStep, truncate } from '../../src/core/otp';
import { formatOtpauth, parseOtpauth } from '../../src/core/uri';
import * as b32 from './base32';
import * as otp from './otp';
import { INVALID_URIS, NEVER_ECHOED, VALID_URIS } from './uri';
import { b32 as secretOf } from '../support/brands';
import { draft } from '../support/drafts';

type Check = (name: string, actual: unknown, expected: unknown) => void;

export async function runVectors(): Promise<{ checked: number; failures: string[] }> {
  const failures: string[] = [];
  let checked = 0;
  const check: Check = (name, actual, expected) => {
    checked++;
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      failures.push(`${name}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
    }
  };
  const attempt = async (name: string, body: () => unknown) => {
    try {
      await body();
    } catch (error) {
      failures.push(`${name}: threw ${String(error)}`);
    }
  };
  await attempt('base32', () => base32Vectors(check));
  await attempt('otp', () => otpVectors(check));
  await attempt('uri', () => uriVectors(check));
  return { checked, failures };
}

export const hex = (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

function base32Vectors(check: Check) {
  for (const [text, bytes] of [...b32.RFC4648, ...b32.ODD_LENGTHS])
    check(`decode ${text}`, hex(decodeBase32(text)), bytes);
  for (const [text, bytes] of b32.RFC4648) {
    const raw = Uint8Array.from(bytes.match(/../g)!, (h) => parseInt(h, 16));
    check(`encode ${bytes}`, encodeBase32(raw), text.replace(/=+$/, ''));
  }
  for (const [typed, canonical] of b32.LENIENT)
    check(`normalize ${JSON.stringify(typed)}`, normalizeSecret(typed), canonical);
  for (const [typed, code, position] of b32.INVALID) {
    const outcome = refusal(() => normalizeSecret(typed));
    check(`refuse ${JSON.stringify(typed)}`, outcome.code, code);
    if (position)
      check(`position in ${JSON.stringify(typed)}`, outcome.message.includes(`position ${position};`), true);
  }
}

async function otpVectors(check: Check) {
  const keys = new KeyCache();
  const sha1 = await keys.get(otp.RFC4226_SECRET, 'SHA1');
  for (const [counter, mac, truncated, code] of otp.RFC4226) {
    const signed = await crypto.subtle.sign('HMAC', sha1, counterBytes(counter));
    check(`RFC 4226 HMAC ${counter}`, hex(signed), mac);
    check(`RFC 4226 truncation ${counter}`, truncate(signed), truncated);
    check(`RFC 4226 HOTP ${counter}`, await hotp(sha1, counter, 6), code);
    check(`RFC 4226 HOTP ${counter} (bigint)`, await hotp(sha1, BigInt(counter), 6), code);
  }
  for (const [counter, algorithm, digits, code] of otp.LARGE_COUNTERS) {
    const key = await keys.get(otp.RFC6238_SEEDS[algorithm], algorithm);
    check(`HOTP ${algorithm} at counter ${counter}`, await hotp(key, BigInt(counter), digits), code);
    if (BigInt(counter) <= BigInt(Number.MAX_SAFE_INTEGER)) {
      const account = { ...base(), type: 'hotp' as const, secret: otp.RFC6238_SEEDS[algorithm], algorithm, digits };
      check(
        `HOTP account at counter ${counter}`,
        await generateCode({ ...account, counter: Number(counter) }, { keys }),
        code,
      );
    }
  }
  for (const [seconds, step, code, algorithm] of otp.RFC6238) {
    const account = { ...base(), secret: otp.RFC6238_SEEDS[algorithm], algorithm, digits: 8 };
    check(`RFC 6238 T at ${seconds}`, hex(counterBytes(totpStep(seconds * 1000, 30))), step.toLowerCase());
    check(`RFC 6238 ${algorithm} at ${seconds}`, await generateCode(account, { now: seconds * 1000, keys }), code);
    check(`RFC 6238 batch ${algorithm} at ${seconds}`, (await generateCodes([account], seconds * 1000, keys))[0], code);
  }
  for (const [secret, seconds, code] of otp.STEAM) {
    const account = { ...base(), type: 'steam' as const, secret, digits: 5 };
    check(`Steam ${secret} at ${seconds}`, await generateCode(account, { now: seconds * 1000, keys }), code);
  }
  const now = otp.AEGIS_ENTRIES_TIME * 1000;
  for (const entry of otp.AEGIS_ENTRIES) {
    check(`Aegis ${entry.issuer}`, await generateCode(entry, { now, keys }), entry.code);
  }
  const batch = await generateCodes(otp.AEGIS_ENTRIES, now, keys);
  check(
    'Aegis entries as one batch',
    batch,
    otp.AEGIS_ENTRIES.map((e) => e.code),
  );
}

function uriVectors(check: Check) {
  for (const { title, uri, draft } of VALID_URIS) {
    const parsed = refusalOr(() => parseOtpauth(uri));
    check(`parse: ${title}`, parsed, draft);
    check(
      `round trip: ${title}`,
      refusalOr(() => parseOtpauth(formatOtpauth(draft))),
      draft,
    );
  }
  for (const { title, uri, code, mentions } of INVALID_URIS) {
    const outcome = refusal(() => parseOtpauth(uri));
    check(`refuse: ${title}`, outcome.code, code);
    if (mentions) check(`message of "${title}" mentions ${mentions}`, outcome.message.includes(mentions), true);
    check(`message of "${title}" is a sentence`, /^[A-Z].*[.]$/s.test(outcome.message), true);
    for (const secret of NEVER_ECHOED)
      check(`message of "${title}" hides secrets`, outcome.message.includes(secret), false);
  }
}

function base(): AccountDraft {
  return draft({ secret: secretOf('') });
}

/** The code and message of the LatchkeyError `body` throws (another error or none is reported as such). */
export function refusal(body: () => unknown): { code: string; message: string } {
  try {
    body();
  } catch (error) {
    if (isLatchkeyError(error)) return { code: error.code, message: error.message };
    return { code: `unexpected ${String(error)}`, message: '' };
  }
  return { code: 'no error', message: '' };
}

function refusalOr(body: () => unknown): unknown {
  try {
    return body();
  } catch (error) {
    return `threw ${String(error)}`;
  }
}
