/**
 * The types of the message catalogs (docs/i18n.md). English is the source: its keys are every key, and the
 * compiler holds each other language to all of them (`satisfies Catalog`). A message is a sentence with
 * `{name}` placeholders, or, when it counts something, one sentence per plural category of `Intl.PluralRules`.
 */
import type { shellMessages } from './en-shell';
import type { appMessages } from './en-app';
import type { errorMessages } from './en-errors';
import type { setupMessages } from './en-setup';

export type PluralCategory = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** `other` is required: every language has it, and it is the fallback for a category a translation leaves out. */
export type Plural = { other: string } & Partial<Record<PluralCategory, string>>;
export type Message = string | Plural;

type English = typeof shellMessages & typeof appMessages & typeof errorMessages & typeof setupMessages;
export type MessageKey = keyof English;
/** A whole language: every key, a plural where English has one. */
export type Catalog = { [K in MessageKey]: English[K] extends string ? string : Plural };
export type Params = Record<string, string | number>;
