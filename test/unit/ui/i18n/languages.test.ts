import { describe, expect, it } from 'vitest';
import { matchLanguage, pickLanguage, textDirection } from '../../../../src/app/languages';
import { sanitizePlainSettings } from '../../../../src/app/settings';
import { pseudoText } from '../../../../src/ui/i18n/pseudo';

describe('matchLanguage', () => {
  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['DE-de', 'de'],
    ['en-GB', 'en'],
    ['en-US', 'en'],
    ['pt', 'pt-BR'],
    ['pt-PT', 'pt-BR'],
    ['pt-BR', 'pt-BR'],
    ['zh', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-TW', null],
    ['zh-Hant', null],
    ['ar-EG', 'ar'],
    ['en-XA', 'en-XA'],
    ['ko', null],
    ['', null],
  ])('%s → %s', (tag, expected) => {
    expect(matchLanguage(tag)).toBe(expected);
  });
});

describe('pickLanguage', () => {
  it('takes ?lang= for the visit first, then the setting, then the first browser language we have', () => {
    expect(pickLanguage('auto', ['ko', 'fr-CA', 'de'], null)).toBe('fr');
    expect(pickLanguage('auto', ['ko'], null)).toBe('en');
    expect(pickLanguage('auto', [], null)).toBe('en');
    expect(pickLanguage('ja', ['fr'], null)).toBe('ja');
    expect(pickLanguage('ja', ['fr'], 'ar')).toBe('ar');
    expect(pickLanguage('ja', ['fr'], 'xx')).toBe('ja');
  });

  it('knows Arabic is written right to left', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('de')).toBe('ltr');
    expect(textDirection('en-XA')).toBe('ltr');
  });
});

describe('the Language setting', () => {
  it('is kept in plain settings when it is one of ours or auto, and falls back to auto otherwise', () => {
    expect(sanitizePlainSettings({ language: 'de' }).language).toBe('de');
    expect(sanitizePlainSettings({ language: 'auto' }).language).toBe('auto');
    expect(sanitizePlainSettings({ language: 'xx' }).language).toBe('auto');
    expect(sanitizePlainSettings({ language: 7 }).language).toBe('auto');
    expect(sanitizePlainSettings(null).language).toBe('auto');
  });
});

describe('pseudoText', () => {
  it('brackets, accents and lengthens by about 40 %, keeping placeholders', () => {
    const text = 'Unlock {name} to see your codes.';
    const pseudo = pseudoText(text);
    expect(pseudo.startsWith('[')).toBe(true);
    expect(pseudo.endsWith(']')).toBe(true);
    expect(pseudo).toContain('{name}');
    expect(pseudo).not.toMatch(/Unlock|codes/);
    expect(pseudo.length).toBeGreaterThanOrEqual(Math.round(text.length * 1.4));
  });
});
