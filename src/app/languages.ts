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
/** Tags a browser sends for a language we have under another tag. */
const ALIASES: Record<string, Language> = { pt: 'pt-BR', zh: 'zh-CN', 'zh-hans': 'zh-CN', 'zh-sg': 'zh-CN' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && KNOWN.includes(value);
}

/** The one language of ours a tag asks for (`de-AT` → `de`, `pt` → `pt-BR`, `zh-Hans-CN` → `zh-CN`), or null. */
export function matchLanguage(tag: string): Language | null {
  const lower = tag.toLowerCase();
  const exact = KNOWN.find((known) => known.toLowerCase() === lower);
  if (exact) return exact as Language;
  // Traditional Chinese readers are not served by Simplified Chinese: better the English they chose next.
  if (/^zh-(hant|tw|hk|mo)\b/.test(lower)) return null;
  const parts = lower.split('-');
  for (let n = parts.length - 1; n >= 1; n--) {
    const prefix = parts.slice(0, n).join('-');
    const found = ALIASES[prefix] ?? KNOWN.find((known) => known.toLowerCase() === prefix);
    if (found) return found as Language;
  }
  return null;
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
