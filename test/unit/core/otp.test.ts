import { describe, expect, test, vi } from 'vitest';
import type { AccountDraft } from '../../../src/core/account';
import {
  KeyCache,
  counterBytes,
  decimalCode,
  generateCode,
  generateCodes,
  hotp,
  nextStepAt,
  secondsLeft,
  totpStep,
  truncate,
  sameCode,
  verifyCode,
} from '../../../src/core/otp';
import { steamCode } from '../../../src/core/steam';
import {
  AEGIS_ENTRIES,
  AEGIS_ENTRIES_TIME,
  LARGE_COUNTERS,
  RFC4226,
  RFC4226_SECRET,
  RFC6238,
  RFC6238_SEEDS,
  STEAM,
} from '../../vectors/otp';
import { hex, refusal } from '../../vectors/run';
import { b32 } from '../../support/brands';
import { draft } from '../../support/drafts';

const account = (fields: Partial<AccountDraft> = {}): AccountDraft => draft({ secret: RFC4226_SECRET, ...fields });
const keys = new KeyCache();

describe('RFC 4226 Appendix D', () => {
  test.each(RFC4226)('count %i: HMAC %s, truncated %i, HOTP %s', async (count, mac, truncated, code) => {
    const key = await keys.get(RFC4226_SECRET, 'SHA1');
    const signed = await crypto.subtle.sign('HMAC', key, counterBytes(count));
    expect(hex(signed)).toBe(mac);
    expect(truncate(signed)).toBe(truncated);
    expect(await hotp(key, count, 6)).toBe(code);
    expect(await generateCode(account({ type: 'hotp', counter: count }), { keys })).toBe(code);
  });
});

describe('RFC 6238 Appendix B (erratum 2866 seeds)', () => {
  test.each(RFC6238)('t=%i T=%s → %s (%s)', async (seconds, step, code, algorithm) => {
    expect(hex(counterBytes(totpStep(seconds * 1000, 30))).toUpperCase()).toBe(step);
    const a = account({ secret: RFC6238_SEEDS[algorithm], algorithm, digits: 8 });
    expect(await generateCode(a, { now: seconds * 1000, keys })).toBe(code);
  });
});

describe('Steam Guard', () => {
  test.each(STEAM)('%s at %i → %s', async (secret, seconds, code) => {
    expect(await generateCode(account({ type: 'steam', secret, digits: 5 }), { now: seconds * 1000 })).toBe(code);
  });
  test('least significant character first, 26-letter alphabet', () => {
    expect(steamCode(0)).toBe('22222');
    expect(steamCode(1)).toBe('32222');
    expect(steamCode(26)).toBe('23222');
    expect(steamCode(0x7fffffff)).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
  });
});

describe('Aegis VaultEntries codes', () => {
  test.each(AEGIS_ENTRIES)('$issuer ($type $algorithm $digits) → $code', async (entry) => {
    expect(await generateCode(entry, { now: AEGIS_ENTRIES_TIME * 1000, keys })).toBe(entry.code);
  });
});

describe('64-bit counters', () => {
  test.each([
    [0, '0000000000000000'],
    [2 ** 32 - 1, '00000000ffffffff'],
    [2 ** 32, '0000000100000000'],
    [666_666_666, '0000000027bc86aa'], // RFC 6238's year-2603 step
    [Number.MAX_SAFE_INTEGER, '001fffffffffffff'],
    [2n ** 64n - 1n, 'ffffffffffffffff'],
    [2n ** 53n + 1n, '0020000000000001'],
  ])('%s → %s', (counter, bytes) => {
    expect(hex(counterBytes(counter))).toBe(bytes);
  });
  test.each([-1, 1.5, Number.NaN, Infinity, 2 ** 53, -1n, 2n ** 64n])('%s is refused as bad-counter', (counter) => {
    expect(refusal(() => counterBytes(counter)).code).toBe('bad-counter');
  });
  test.each(LARGE_COUNTERS)('HOTP at counter %s (%s, %i digits) → %s', async (counter, algorithm, digits, code) => {
    expect(await hotp(await keys.get(RFC6238_SEEDS[algorithm], algorithm), BigInt(counter), digits)).toBe(code);
  });
  test('a counter above 2^32 gives the same code as number and bigint', async () => {
    const key = await keys.get(RFC4226_SECRET, 'SHA1');
    expect(await hotp(key, 2 ** 40 + 7, 8)).toBe(await hotp(key, 2n ** 40n + 7n, 8));
  });
});

describe('digits', () => {
  test.each([
    [1284755224, 6, '755224'],
    [1284755224, 8, '84755224'],
    [1284755224, 10, '1284755224'],
    [137359152, 10, '0137359152'], // only padded: the 31-bit value is below 10^10
    [82162583, 9, '082162583'],
  ])('%i with %i digits → %s', (value, digits, code) => expect(decimalCode(value, digits)).toBe(code));
  test.each([5, 11, 6.5])('%s digits is refused', (digits) => {
    expect(refusal(() => decimalCode(1, digits)).code).toBe('bad-digits');
  });
});

describe('time steps', () => {
  test.each([
    // now (ms), period, step, seconds left, next step at
    [0, 30, 0, 30, 30_000],
    [29_999, 30, 0, 1, 30_000],
    [30_000, 30, 1, 30, 60_000],
    [59_000, 30, 1, 1, 60_000],
    [1_700_000_000_000, 20, 85_000_000, 20, 1_700_000_020_000],
    [1_700_000_012_500, 20, 85_000_000, 8, 1_700_000_020_000],
    [20_000_000_000_000, 30, 666_666_666, 10, 20_000_000_010_000],
    [5_000, 1, 5, 1, 6_000],
  ])('now %i, period %i → step %i, %i s left, next at %i', (now, period, step, left, next) => {
    expect(totpStep(now, period)).toBe(step);
    expect(secondsLeft(now, period)).toBe(left);
    expect(nextStepAt(now, period)).toBe(next);
  });
  test.each([0, -30, 1.5, Number.NaN])('period %s is refused', (period) => {
    expect(refusal(() => totpStep(0, period)).code).toBe('bad-period');
  });
  test('a clock before 1970 is a programming error', () => {
    expect(() => totpStep(-1, 30)).toThrow(RangeError);
  });
});

describe('KeyCache', () => {
  test('imports each secret and algorithm once, as a non-extractable signing key', async () => {
    const cache = new KeyCache();
    const [a, b] = await Promise.all([cache.get(RFC4226_SECRET, 'SHA1'), cache.get(RFC4226_SECRET, 'SHA1')]);
    expect(a).toBe(b);
    expect(a.extractable).toBe(false);
    expect(a.usages).toEqual(['sign']);
    expect(await cache.get(RFC4226_SECRET, 'SHA256')).not.toBe(a);
    expect(cache.size).toBe(2);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(await cache.get(RFC4226_SECRET, 'SHA1')).not.toBe(a);
  });
  test('a refused secret is not cached', async () => {
    const cache = new KeyCache();
    await expect(cache.get(b32('NOT1VALID'), 'SHA1')).rejects.toMatchObject({ code: 'bad-secret' });
    await Promise.resolve();
    expect(cache.size).toBe(0);
  });
});

describe('generateCodes', () => {
  test('matches generateCode for a mix of types, periods and algorithms', async () => {
    const accounts = [
      ...AEGIS_ENTRIES,
      ...RFC6238.map(([, , , algorithm]) => account({ secret: RFC6238_SEEDS[algorithm], algorithm })),
    ];
    const now = AEGIS_ENTRIES_TIME * 1000;
    const one = await Promise.all(accounts.map((a) => generateCode(a, { now })));
    expect(await generateCodes(accounts, now, new KeyCache())).toEqual(one);
  });
  test('offset 1 gives the next code', async () => {
    const a = account({ digits: 8 });
    expect(await generateCodes([a], 59_000 - 30_000, keys, 1)).toEqual(['94287082']);
  });
  test('an account that cannot make a code gets "" and the others are unaffected', async () => {
    const codes = await generateCodes(
      [account({ secret: b32('BAD1') }), account({ type: 'hotp', digits: 8, counter: 1 })],
      0,
      keys,
    );
    expect(codes).toEqual(['', '94287082']);
  });
  test('1,000 accounts with cached keys', async () => {
    const accounts = Array.from({ length: 1000 }, (_, i) =>
      account({
        secret: b32(`GEZDGNBVGY3TQOJQ${'A'.repeat(i % 16)}${String.fromCharCode(65 + (i % 26))}`),
        period: i % 3 ? 30 : 60,
      }),
    );
    const cache = new KeyCache();
    await generateCodes(accounts, 0, cache); // imports the keys
    const started = performance.now();
    const codes = await generateCodes(accounts, 30_000, cache);
    const elapsed = performance.now() - started;
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(elapsed).toBeLessThan(1000);
  });
});

describe('verifyCode', () => {
  const a = account({ digits: 8 });
  test.each([
    ['94287082', 59_000, 1, { matched: true, step: 0 }],
    ['9428 7082', 59_000, 1, { matched: true, step: 0 }],
    ['94287082', 89_000, 1, { matched: true, step: -1 }],
    ['94287082', 29_000, 1, { matched: true, step: 1 }],
    ['94287082', 119_000, 1, { matched: false }],
    ['94287082', 89_000, 0, { matched: false }],
    ['94287082', 119_000, 2, { matched: true, step: -2 }],
    ['12345678', 59_000, 1, { matched: false }],
    ['', 59_000, 1, { matched: false }],
  ])('%j at %i ms, window %i', async (code, now, window, result) => {
    expect(await verifyCode(a, code, { now, window, keys })).toEqual(result);
  });
  test('HOTP looks ahead of the counter only', async () => {
    const h = account({ type: 'hotp', counter: 3 });
    expect(await verifyCode(h, '338314', { window: 1 })).toEqual({ matched: true, step: 1 });
    expect(await verifyCode(h, '359152', { window: 1 })).toEqual({ matched: false });
  });
  test('Steam codes in any case', async () => {
    const s = account({ type: 'steam', digits: 5 });
    expect(await verifyCode(s, 'pv9m4', { now: 59_000 })).toEqual({ matched: true, step: 0 });
  });
  test('computes every step of the window whatever matches, so the time taken does not tell which', async () => {
    const signed: number[] = [];
    const sign = crypto.subtle.sign.bind(crypto.subtle);
    const spy = vi.spyOn(crypto.subtle, 'sign').mockImplementation((...args: Parameters<typeof sign>) => {
      signed.push(1);
      return sign(...args);
    });
    try {
      for (const [code, now] of [
        ['94287082', 89_000],
        ['94287082', 119_000],
        ['00000000', 119_000],
      ] as const) {
        signed.length = 0;
        await verifyCode(a, code, { now, window: 2, keys });
        expect(signed.length, `${code} at ${now}`).toBe(5);
      }
    } finally {
      spy.mockRestore();
    }
  });
});

describe('sameCode (constant time)', () => {
  test.each([
    ['123456', '123456', true],
    ['123456', '123457', false],
    ['023456', '123456', false],
    ['12345', '123456', false],
    ['', '', true],
    ['PV9M4', 'PV9M4', true],
  ])('%j vs %j', (x, y, same) => {
    expect(sameCode(x, y)).toBe(same);
  });
});
