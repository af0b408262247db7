/**
 * Where each language's catalog is: a lazy chunk per language (precached by the service worker like every chunk,
 * so it works offline). This map is itself lazy: English, the eager language, never needs it.
 */
import type { Language } from '../../app/languages';
import type { Catalog, Message, MessageKey } from './catalog';

type Chunk = () => Promise<{ default: Partial<Catalog> }>;

/** A language with no chunk yet is spoken in English. */
const CHUNKS: Partial<Record<Language, Chunk>> = {
  de: () => import('./locales/de'),
  ar: () => import('./locales/ar'),
  ja: () => import('./locales/ja'),
  es: () => import('./locales/es'),
  fr: () => import('./locales/fr'),
};

/** The catalog of `tag`; the pseudo-language is made from English, whose eager part the loader hands in. */
export async function loadCatalog(
  tag: Language,
  shell: Partial<Record<MessageKey, Message>>,
): Promise<Partial<Catalog>> {
  if (tag === 'en-XA') return (await import('./pseudo')).pseudoCatalog(shell);
  const chunk = CHUNKS[tag];
  return chunk ? (await chunk()).default : {};
}
