/**
 * The languages Latchkey speaks, as BCP 47 tags. Which one a person sees is a plain setting (a language is not a
 * secret, and the lock screen must speak it too): `auto` follows the browser's `navigator.languages`.
 * `en-XA` is the pseudo-language the tests use to find text that escaped translation; it is never offered.
 */
export const LANGUAGES = [
  'en',
  'es',
  'pt-BR',
  'fr',
  'de',
  'it',
  'nl',
  'pl',
  'ru',
  'uk',
  'tr',
  'ja',
  'zh-CN',
  'ar',
] as const;
export type Language = (typeof LANGUAGES)[number] | 'en-XA';
export type LanguageSetting = Language | 'auto';

const KNOWN: readonly string[] = [...LANGUAGES, 'en-XA'];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && KNOWN.includes(value);
}

/**
 * The one language of ours a tag asks for, or null: the same tag, else the first of ours in the same language
 * (`de-AT` → `de`, `pt` → `pt-BR`, `zh-Hans-CN` → `zh-CN`). Traditional Chinese is not served by Simplified:
 * better the next language the person chose.
 */
export function matchLanguage(tag: string): Language | null {
  const lower = tag.toLowerCase();
  const primary = lower.split('-')[0];
  if (/^zh-(hant|tw|hk|mo)/.test(lower)) return null;
  const found =
    KNOWN.find((known) => known.toLowerCase() === lower) ?? KNOWN.find((known) => known.split('-')[0] === primary);
  return (found as Language | undefined) ?? null;
}

/** The language to speak: `?lang=` for this visit, else the setting, else the first of the browser's we have. */
export function pickLanguage(setting: LanguageSetting, browser: readonly string[], visit?: string | null): Language {
  const forVisit = visit ? matchLanguage(visit) : null;
  if (forVisit) return forVisit;
  if (setting !== 'auto') return setting;
  for (const tag of browser) {
    const found = matchLanguage(tag);
    if (found) return found;
  }
  return 'en';
}

/** Right-to-left scripts among ours. */
export function textDirection(language: Language): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}
