/**
 * Where each language's catalog is: a lazy chunk per language (precached by the service worker like every chunk,
 * so it works offline). This map is itself lazy: English, the eager language, never needs it.
 */
import type { Language } from '../../app/languages';
import type { Catalog, Message, MessageKey } from './catalog';

type Chunk = () => Promise<{ default: Partial<Catalog> }>;

const CHUNKS: Record<Exclude<Language, 'en' | 'en-XA'>, Chunk> = {
  es: () => import('./locales/es'),
  'pt-BR': () => import('./locales/pt-BR'),
  fr: () => import('./locales/fr'),
  de: () => import('./locales/de'),
  it: () => import('./locales/it'),
  nl: () => import('./locales/nl'),
  pl: () => import('./locales/pl'),
  ru: () => import('./locales/ru'),
  uk: () => import('./locales/uk'),
  tr: () => import('./locales/tr'),
  ja: () => import('./locales/ja'),
  'zh-CN': () => import('./locales/zh-CN'),
  ar: () => import('./locales/ar'),
};

/** The catalog of `tag`; the pseudo-language is made from English, whose eager part the loader hands in. */
export async function loadCatalog(
  tag: Language,
  shell: Partial<Record<MessageKey, Message>>,
): Promise<Partial<Catalog>> {
  if (tag === 'en') return {};
  if (tag === 'en-XA') return (await import('./pseudo')).pseudoCatalog(shell);
  return (await CHUNKS[tag]()).default;
}
