/**
 * The translation runtime, in the eager bundle and kept tiny (README, "Languages": measured against Paraglide JS and
 * typesafe-i18n). `t(key, params)` looks the key up in the language in use, else in English; English of the first
 * screens is eager (en-shell.ts), the rest arrives with the unlocked app (en-app.ts), and every other language is a
 * lazy chunk (load.ts).
 */
import { Observable } from '../../lib/observable';
import type { Language } from '../../app/languages';
import type { Catalog, Message, MessageKey, Params, Plural } from './catalog';
import { shellMessages } from './en-shell';

const english: Partial<Record<MessageKey, Message>> = { ...shellMessages };
let active: Partial<Catalog> = {};

/** The language in use; the root re-renders when it changes. */
export const language = new Observable<Language>('en');

/** English messages of a lazy chunk join the eager ones when the chunk loads. */
export function addEnglish(messages: Partial<Record<MessageKey, Message>>): void {
  Object.assign(english, messages);
}

/** Puts a loaded language in use (load.ts). */
export function setCatalog(tag: Language, catalog: Partial<Catalog>): void {
  active = catalog;
  language.set(tag);
}

let rulesFor = '';
let rules: Intl.PluralRules;
let numbersFor = '';
let numbers: Intl.NumberFormat;

function pick(plural: Plural, count: number): string {
  if (rulesFor !== language.value) rules = new Intl.PluralRules((rulesFor = language.value));
  return plural[rules.select(count)] ?? plural.other;
}

/**
 * Made on first use, and again when the language changes: an Intl.NumberFormat's first construction costs 25–70 ms
 * (ICU data), a tenth of the first screen's time, and English writes a whole number under 1,000 as its plain digits
 * anyway (docs/performance.md, "Start, 7 December").
 */
function show(value: string | number): string {
  if (typeof value === 'string') return value;
  if (language.value === 'en' && Number.isInteger(value) && Math.abs(value) < 1000) return String(value);
  if (numbersFor !== language.value) numbers = new Intl.NumberFormat((numbersFor = language.value));
  return numbers.format(value);
}

/** The sentence for `key` in the language in use, its `{placeholders}` filled (numbers in the language's digits). */
export function t(key: MessageKey, params?: Params): string {
  const message = active[key] ?? english[key] ?? key;
  const text = typeof message === 'string' ? message : pick(message, Number(params?.count ?? 0));
  return params
    ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? show(params[name]!) : whole))
    : text;
}
