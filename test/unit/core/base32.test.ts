import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeBase32, encodeBase32, normalizeSecret } from '../../../src/core/base32';
import { INVALID, LENIENT, ODD_LENGTHS, RFC4648 } from '../../vectors/base32';
import { hex, refusal } from '../../vectors/run';

const bytesOf = (h: string) => Uint8Array.from(h.match(/../g) ?? [], (b) => parseInt(b, 16));

describe('decodeBase32', () => {
  test.each([...RFC4648, ...ODD_LENGTHS])('%s → %s', (text, bytes) => {
    expect(hex(decodeBase32(text))).toBe(bytes);
  });
});

describe('encodeBase32 writes canonical, unpadded Base32', () => {
  test.each(RFC4648)('%s ← %s', (text, bytes) => {
    expect(encodeBase32(bytesOf(bytes))).toBe(text.replace(/=+$/, ''));
  });
  test('no bytes, no characters', () => expect(encodeBase32(new Uint8Array())).toBe(''));
});

describe('normalizeSecret accepts what people paste', () => {
  test.each(LENIENT)('%j → %s', (typed, canonical) => {
    expect(normalizeSecret(typed)).toBe(canonical);
  });
});

describe('normalizeSecret refuses anything else with a coded, human message', () => {
  const cases = INVALID.map(([typed, code, position]) => ({ typed, code, position }));
  test.each(cases)('$typed → $code at $position', ({ typed, code, position }) => {
    const { code: actual, message } = refusal(() => normalizeSecret(typed));
    expect(actual).toBe(code);
    expect(message).toMatch(/^[A-Z].*\.$/);
    if (position) expect(message).toContain(`at position ${position};`);
  });

  test('the message names the character as the user sees it', () => {
    expect(refusal(() => normalizeSecret('JBSW1Y3DP')).message).toBe(
      'The secret key has "1" at position 5; Base32 uses only A-Z and 2-7.',
    );
    expect(refusal(() => normalizeSecret('AB\u0007C')).message).toContain('an invisible character at position 3');
    expect(refusal(() => normalizeSecret('MZ==XW6')).message).toContain('"=" may only pad the end');
  });

  test('decodeBase32 refuses the same way', () => {
    expect(refusal(() => decodeBase32('JBSW1Y3DP')).code).toBe('bad-secret');
    expect(refusal(() => decodeBase32('')).code).toBe('missing-secret');
  });
});

describe('properties', () => {
  test('decode(encode(bytes)) gives the bytes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 80 }), (bytes) => {
        expect(hex(decodeBase32(encodeBase32(bytes)))).toBe(hex(bytes));
      }),
    );
  });

  test('case, spaces, hyphens and padding never change the bytes', () => {
    const grouping = fc.record({ lower: fc.boolean(), separator: fc.constantFrom('', ' ', '-'), pad: fc.nat(8) });
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 40 }), grouping, (bytes, { lower, separator, pad }) => {
        const canonical = encodeBase32(bytes);
        let typed = canonical.match(/.{1,4}/g)!.join(separator) + '='.repeat(pad);
        if (lower) typed = typed.toLowerCase();
        expect(normalizeSecret(typed)).toBe(canonical);
        expect(hex(decodeBase32(typed))).toBe(hex(bytes));
      }),
    );
  });

  test('any character outside the alphabet is refused at its position', () => {
    const alphabet = /[A-Za-z2-7=\s\u00a0-]/;
    const stray = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 1 })
      .filter((c) => [...c].length === 1 && !alphabet.test(c));
    fc.assert(
      fc.property(fc.nat(10), stray, (before, ch) => {
        const typed = 'A'.repeat(before) + ch + 'AAAA';
        const { code, message } = refusal(() => normalizeSecret(typed));
        expect(code).toBe('bad-secret');
        expect(message).toContain(`at position ${before + 1};`);
      }),
    );
  });
});
