import { describe, expect, it } from 'vitest';
import { checkCode, describeCheck, generateSecret, groupSecret, SECRET_BYTES } from '../../../src/app/new-secret';
import { needsPassword, REVERIFY_AFTER_MS } from '../../../src/app/reverify';
import { decodeBase32 } from '../../../src/core/base32';
import { generateCode } from '../../../src/core/otp';
import { problemOf } from '../../../src/platform/camera-problem';
import { b32 } from '../../support/brands';

// RFC 6238 appendix B, SHA-1 seed "12345678901234567890".
const RFC = {
  type: 'totp',
  secret: b32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'),
  algorithm: 'SHA1',
  digits: 8,
  period: 30,
  counter: 0,
} as const;
const T = 1111111109_000; // 07081804

describe('generateSecret', () => {
  it('makes 160 random bits in Base32', () => {
    const secret = generateSecret((n) => new Uint8Array(n).fill(0xff));
    expect(secret).toBe('7'.repeat(32));
    expect(decodeBase32(generateSecret())).toHaveLength(SECRET_BYTES);
    expect(generateSecret()).not.toBe(generateSecret());
  });

  it('groups by four for reading', () => {
    expect(groupSecret('ABCDEFGHIJ')).toBe('ABCD EFGH IJ');
    expect(groupSecret('ABCDEFGH')).toBe('ABCD EFGH');
  });
});

describe('checkCode (RFC 6238 §5.2: now, or one step either side)', () => {
  const at = async (offsetSteps: number) => generateCode(RFC, { now: T + offsetSteps * 30_000 });

  it('names the step that matched', async () => {
    expect(await checkCode(RFC, '07081804', T)).toMatchObject({ matched: true, step: 0 });
    expect(await checkCode(RFC, '0708 1804', T)).toMatchObject({ matched: true, step: 0 });
    expect(await checkCode(RFC, await at(-1), T)).toMatchObject({ matched: true, step: -1 });
    expect(await checkCode(RFC, await at(1), T)).toMatchObject({ matched: true, step: 1 });
  });

  it('refuses codes two steps away, wrong lengths and letters, each with a sentence', async () => {
    const cases = [await at(-2), await at(2), '0708180', '0708180a', '12345678'];
    for (const code of cases) {
      const result = await checkCode(RFC, code, T);
      expect(result.matched, code).toBe(false);
      expect(result.message).toMatch(/^[A-Z].*\.$/);
    }
    expect((await checkCode(RFC, '123456', T)).message).toBe('This secret makes 8-digit codes; you typed 6.');
  });

  it.each([
    [{ matched: true, step: 0 }, /current code \(step 0\)/],
    [{ matched: true, step: -1 }, /1 step ago \(step -1\)/],
    [{ matched: true, step: 1 }, /1 step ahead \(step \+1\)/],
    [{ matched: false }, /^No match/],
  ])('describes %o', (result, message) => {
    expect(describeCheck(result).message).toMatch(message);
  });
});

describe('needsPassword', () => {
  it.each([
    [null, 0, true],
    [1000, 1000, false],
    [1000, 1000 + REVERIFY_AFTER_MS, false],
    [1000, 1001 + REVERIFY_AFTER_MS, true],
    [Number.NaN, 0, true],
  ])('verified at %s, now %s → %s', (verifiedAt, now, expected) => {
    expect(needsPassword(verifiedAt, now)).toBe(expected);
  });
});

describe('camera problems from getUserMedia errors', () => {
  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'no-camera'],
    ['OverconstrainedError', 'no-camera'],
    ['NotReadableError', 'in-use'],
    ['TypeError', 'failed'],
  ])('%s → %s', (name, problem) => {
    expect(problemOf(Object.assign(new Error('x'), { name }))).toBe(problem);
  });
  it('an unknown throw is a failure', () => {
    expect(problemOf('Camera not found.')).toBe('failed');
  });
});
