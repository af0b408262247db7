/**
 * t(): placeholders, plurals and numbers in the language in use. English whole numbers under 1,000 skip
 * Intl.NumberFormat (its first construction costs tens of milliseconds on the first screen, docs/performance.md),
 * so they are checked against it here, every one of them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCatalog, t } from '../../../../src/ui/i18n/t';
import { setupMessages } from '../../../../src/ui/i18n/en-setup';
import { appMessages } from '../../../../src/ui/i18n/en-app';
import { addEnglish } from '../../../../src/ui/i18n/t';

addEnglish({ ...setupMessages, ...appMessages });
afterEach(() => {
  setCatalog('en', {});
  vi.restoreAllMocks();
});

describe('numbers in English', () => {
  it.each([
    [0, 'At least 0 characters.'],
    [-0, 'At least 0 characters.'], // Intl writes "-0"; no count is negative zero, and 0 is what anyone expects
    [12, 'At least 12 characters.'],
    [999, 'At least 999 characters.'],
    [1000, 'At least 1,000 characters.'],
    [1234567, 'At least 1,234,567 characters.'],
    [-5, 'At least -5 characters.'],
    [-1000, 'At least -1,000 characters.'],
    [2.5, 'At least 2.5 characters.'],
  ])('%d', (min, sentence) => {
    expect(t('password.atLeast', { min })).toBe(sentence);
  });

  it('writes every whole number under 1,000 exactly as Intl.NumberFormat does', () => {
    const intl = new Intl.NumberFormat('en');
    // -0 aside (above); the loop's n is never negative zero.
    for (let n = -999; n < 1000; n++)
      expect(t('password.atLeast', { min: n }), String(n)).toContain(` ${intl.format(n)} `);
  });

  it('the first screen’s sentence makes no Intl.NumberFormat', () => {
    setCatalog('de', {});
    t('password.atLeast', { min: 1234 }); // whatever was made for another language is not English's
    setCatalog('en', {});
    const made = vi.spyOn(Intl, 'NumberFormat');
    expect(t('password.atLeast', { min: 12 })).toBe('At least 12 characters.');
    expect(made).not.toHaveBeenCalled();
  });
});

describe('plurals', () => {
  it.each([
    ['en', 1, 'Code changes in 1 second'],
    ['en', 0, 'Code changes in 0 seconds'],
    ['en', 30, 'Code changes in 30 seconds'],
  ] as const)('%s %d', (_, count, sentence) => {
    expect(t('countdown.label', { count })).toBe(sentence);
  });

  it('by the language’s own rules (Polish has few and many)', () => {
    setCatalog('pl', {
      'countdown.label': { one: '{count} sekunda', few: '{count} sekundy', many: '{count} sekund', other: '{count} s' },
    });
    expect([1, 2, 5, 22, 25].map((count) => t('countdown.label', { count }))).toEqual([
      '1 sekunda',
      '2 sekundy',
      '5 sekund',
      '22 sekundy',
      '25 sekund',
    ]);
  });
});

describe('other languages', () => {
  it('numbers in the language’s own form', () => {
    setCatalog('de', { 'password.atLeast': 'Mindestens {min} Zeichen.' });
    expect(t('password.atLeast', { min: 12 })).toBe('Mindestens 12 Zeichen.');
    expect(t('password.atLeast', { min: 1234 })).toBe('Mindestens 1.234 Zeichen.');
    setCatalog('ar', { 'password.atLeast': 'على الأقل {min} حرفًا.' });
    expect(t('password.atLeast', { min: 1234 })).toBe(`على الأقل ${new Intl.NumberFormat('ar').format(1234)} حرفًا.`);
  });
});
