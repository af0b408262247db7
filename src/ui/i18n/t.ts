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

let formatsFor = '';
let rules: Intl.PluralRules;
let numbers: Intl.NumberFormat;

/** Plural rules and number format of the language in use, made once per language. */
function formats(): void {
  if (formatsFor === language.value) return;
  formatsFor = language.value;
  rules = new Intl.PluralRules(formatsFor);
  numbers = new Intl.NumberFormat(formatsFor);
}

function pick(plural: Plural, count: number): string {
  formats();
  return plural[rules.select(count)] ?? plural.other;
}

function show(value: string | number): string {
  if (typeof value === 'string') return value;
  formats();
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
