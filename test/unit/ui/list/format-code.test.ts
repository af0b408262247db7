import { describe, expect, it } from 'vitest';
import { avatarColor, avatarHue, groupCode, monogram } from '../../../../src/ui/list/format-code';

describe('groupCode', () => {
  it.each([
    ['123456', '123 456'],
    ['1234567', '123 4567'],
    ['12345678', '1234 5678'],
    ['123456789', '123 456 789'],
    ['1234567890', '123 456 789 0'],
    ['2BC4F', '2BC4F'], // Steam: five characters, kept whole
    ['12345', '12345'],
    ['', ''],
    ['12a456', '12a456'],
  ])('%j → %j', (code, grouped) => expect(groupCode(code)).toBe(grouped));
});

describe('avatars', () => {
  it.each([
    ['GitHub', 'alice', 'G'],
    ['', 'bob@example.com', 'B'],
    ['  émile', '', 'É'],
    ['', '', '?'],
    ['😀 Smile', '', '😀'],
  ])('monogram(%j, %j) = %j', (issuer, name, expected) => expect(monogram(issuer, name)).toBe(expected));

  it('the colour depends on the issuer only, ignoring case, and is stable', () => {
    expect(avatarHue('GitHub')).toBe(avatarHue('github'));
    expect(avatarColor('GitHub')).toBe(avatarColor('GitHub'));
    expect(avatarHue('GitHub')).not.toBe(avatarHue('GitLab'));
  });

  it.each(['a', 'GitHub', 'Example Bank', 'x'.repeat(200)])('hue of %j is a whole degree in [0, 360)', (text) => {
    const hue = avatarHue(text);
    expect(Number.isInteger(hue) && hue >= 0 && hue < 360).toBe(true);
  });

  // WCAG contrast of white text on every hue the avatars can take: AA asks 4.5:1 even for small text.
  it('white monograms stay readable on every hue', () => {
    const luminance = (h: number) => {
      const s = 0.55;
      const l = 0.3;
      const a = s * Math.min(l, 1 - l);
      const f = (n: number) => {
        const k = (n + h / 30) % 12;
        return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
      };
      const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(f(0)) + 0.7152 * lin(f(8)) + 0.0722 * lin(f(4));
    };
    let worst = Infinity;
    for (let h = 0; h < 360; h++) worst = Math.min(worst, 1.05 / (luminance(h) + 0.05));
    expect(avatarColor('any')).toMatch(/ 55% 30%\)$/);
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });
});
