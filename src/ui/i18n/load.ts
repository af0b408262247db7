/**
 * Which language is spoken, and loading it: every language but English is a lazy chunk (chunks.ts), fetched
 * before the screens are drawn in it.
 */
import { pickLanguage, textDirection, type Language, type LanguageSetting } from '../../app/languages';
import { setCatalog } from './t';
import { shellMessages } from './en-shell';

let visit: string | null = null;

/**
 * `?lang=` asks for a language for this visit only: read before the launch URL is scrubbed, and kept for the
 * tab's session (a reload is the same visit). A language is not a secret (rule 2 is about secrets and labels).
 */
export function takeVisitLanguage(search: string): void {
  visit = new URLSearchParams(search).get('lang');
  try {
    if (visit) sessionStorage.setItem('lang', visit);
    else visit = sessionStorage.getItem('lang');
  } catch {
    // Storage blocked: the language holds for this page only.
  }
}

/** The language to speak for a setting: `?lang=`, else the setting, else the browser's first that we have. */
export function languageFor(setting: LanguageSetting): Language {
  return pickLanguage(setting, typeof navigator === 'undefined' ? [] : navigator.languages, visit);
}

let wanted: Language | null = null;

/**
 * Loads `tag` and puts it in use, with `<html lang dir>`; resolves once the screens can be drawn in it. A chunk
 * that cannot load leaves the language in use as it was (English at first) rather than no screen at all.
 */
export async function applyLanguage(tag: Language): Promise<void> {
  wanted = tag;
  const catalog =
    tag === 'en' ? {} : await import('./chunks').then((m) => m.loadCatalog(tag, shellMessages)).catch(() => null);
  if (wanted !== tag || catalog === null) return;
  setCatalog(tag, catalog);
  document.documentElement.lang = tag;
  document.documentElement.dir = textDirection(tag);
}
