/**
 * The pseudo-language `en-XA`, made from English when asked for (`?lang=en-XA`): every message accented, about
 * 40 % longer and in brackets, so the end-to-end walk (test/e2e/pseudo-locale.spec.ts) finds any text that escaped
 * translation and any box too small for a longer language. Placeholders stay as they are.
 */
import type { Catalog, Message, MessageKey } from './catalog';
import { appMessages } from './en-app';
import { errorMessages } from './en-errors';
import { setupMessages } from './en-setup';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdeghiklnorstuyzABCDEGHIKLNORSTUYZ'].map((c, i) => [c, [...'åƀçðéĝĥîķļñöŕšţûýžÅƁÇÐÉĜĤÎĶĻÑÖŔŠŢÛÝŽ'][i]!]),
);
const FILLER = ['ŀőŕéɱ', 'îƥšûɱ', 'ðöļöŕ', 'šîţ', 'åɱéţ', 'çöñš'];

/** `Unlock {name}` → `[Ûñļöçķ {name} ŀőŕéɱ]`: accented outside placeholders, padded by whole words. */
export function pseudoText(text: string): string {
  const accented = text
    .split(/(\{\w+\})/)
    .map((part) => (part.startsWith('{') ? part : [...part].map((c) => ACCENTED[c] ?? c).join('')))
    .join('');
  const words: string[] = [];
  for (let length = 0, i = 0; length < text.length * 0.4; i++) {
    words.push(FILLER[i % FILLER.length]!);
    length += FILLER[i % FILLER.length]!.length + 1;
  }
  return `[${accented} ${words.join(' ')}]`;
}

function pseudoMessage(message: Message): Message {
  if (typeof message === 'string') return pseudoText(message);
  return Object.fromEntries(Object.entries(message).map(([k, v]) => [k, pseudoText(v)])) as Message;
}

/** The whole catalog; the eager English is handed in by the loader, so this chunk does not share it. */
export function pseudoCatalog(shell: Partial<Record<MessageKey, Message>>): Catalog {
  const english: Record<string, Message> = { ...shell, ...appMessages, ...errorMessages, ...setupMessages };
  return Object.fromEntries(Object.entries(english).map(([k, m]) => [k, pseudoMessage(m)])) as Catalog;
}
