/**
 * The engine against an independent reference: node:crypto's createHmac and a textbook RFC 4226 truncation,
 * on random secrets, counters across the whole 64-bit range, every algorithm and digit count.
 */
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { Algorithm } from '../../../src/core/account';
import { encodeBase32 } from '../../../src/core/base32';
import { KeyCache, generateCode, generateCodes, hotp } from '../../../src/core/otp';
import { STEAM_ALPHABET } from '../../../src/core/steam';

const NODE_HASH: Record<Algorithm, string> = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' };

function referenceTruncated(secret: Uint8Array, counter: bigint, algorithm: Algorithm): number {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(counter);
  const mac = createHmac(NODE_HASH[algorithm], secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0xf;
  return mac.readUInt32BE(offset) & 0x7fffffff;
}

const referenceDecimal = (value: number, digits: number) => String(value % 10 ** digits).padStart(digits, '0');

function referenceSteam(value: number): string {
  let code = '';
  for (let i = 0; i < 5; i++, value = Math.floor(value / 26)) code += STEAM_ALPHABET[value % 26];
  return code;
}

const secrets = fc.uint8Array({ minLength: 1, maxLength: 128 });
const algorithms = fc.constantFrom<Algorithm>('SHA1', 'SHA256', 'SHA512');
const digitCounts = fc.integer({ min: 6, max: 10 });
const counters = fc.oneof(
  fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
  fc.bigInt({ min: 2n ** 32n - 2n, max: 2n ** 32n + 2n }), // the 32-bit boundary an unsafe writer gets wrong
  fc.bigInt({ min: 0n, max: 1000n }),
);

describe('HOTP/TOTP agree with node:crypto', () => {
  test('hotp on random secrets, 64-bit counters, algorithms and 6-10 digits', async () => {
    const keys = new KeyCache();
    await fc.assert(
      fc.asyncProperty(secrets, counters, algorithms, digitCounts, async (secret, counter, algorithm, digits) => {
        const key = await keys.get(encodeBase32(secret), algorithm);
        const expected = referenceDecimal(referenceTruncated(secret, counter, algorithm), digits);
        expect(await hotp(key, counter, digits)).toBe(expected);
        if (counter <= BigInt(Number.MAX_SAFE_INTEGER)) expect(await hotp(key, Number(counter), digits)).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });

  test('totp and steam at random times and periods', async () => {
    const now = fc.integer({ min: 0, max: 4_102_444_800_000 * 100 }); // up to the year ~14,000
    const period = fc.oneof(fc.constantFrom(30, 60), fc.integer({ min: 1, max: 100_000 }));
    await fc.assert(
      fc.asyncProperty(
        secrets,
        now,
        period,
        algorithms,
        digitCounts,
        async (secret, ms, seconds, algorithm, digits) => {
          const step = BigInt(Math.floor(ms / 1000 / seconds));
          const account = {
            type: 'totp' as const,
            secret: encodeBase32(secret),
            algorithm,
            digits,
            period: seconds,
            counter: 0,
          };
          const truncated = referenceTruncated(secret, step, algorithm);
          expect(await generateCode(account, { now: ms })).toBe(referenceDecimal(truncated, digits));
          const steam = { ...account, type: 'steam' as const, algorithm: 'SHA1' as const, digits: 5 };
          expect(await generateCode(steam, { now: ms })).toBe(referenceSteam(referenceTruncated(secret, step, 'SHA1')));
        },
      ),
      { numRuns: 200 },
    );
  });

  test('a batch equals codes made one by one', async () => {
    const account = fc.record({
      type: fc.constantFrom('totp', 'hotp', 'steam' as const),
      secret: secrets.map(encodeBase32),
      algorithm: algorithms,
      digits: digitCounts,
      period: fc.constantFrom(15, 30, 60),
      counter: fc.maxSafeNat(),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(account, { maxLength: 30 }), fc.nat(2_000_000_000_000), async (accounts, now) => {
        const one = await Promise.all(accounts.map((a) => generateCode(a, { now })));
        expect(await generateCodes(accounts, now, new KeyCache())).toEqual(one);
      }),
      { numRuns: 50 },
    );
  });
});
