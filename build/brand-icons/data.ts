/**
 * The brand icons Latchkey ships, chosen at build time from the npm package simple-icons (CC0): the icons that
 * the names in common-issuers.txt match with Latchkey's own matcher (src/app/icons/match.ts), plus every icon the
 * override table names. README, "Brand icons", says why a subset and what the whole set would cost.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildCatalog, type PackedBrandIcon } from '../../src/app/icons/catalog';
import { matchName } from '../../src/app/icons/match';
import { OVERRIDES } from '../../src/app/icons/overrides';
import { EXTRA_BRAND_ICONS } from './extra';

const require = createRequire(import.meta.url);

interface IconMeta {
  title: string;
  slug: string;
  hex: string;
  aliases?: { aka?: string[]; dup?: { title: string }[]; loc?: Record<string, string> };
}

/** The names of common-issuers.txt, in order. */
export function commonIssuers(): string[] {
  return readFileSync(new URL('./common-issuers.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
}

/** Every icon of simple-icons, and the few of extra.ts it does not have, packed as Latchkey ships icons. */
export async function allBrandIcons(): Promise<PackedBrandIcon[]> {
  const meta = require('simple-icons/icons.json') as IconMeta[];
  const icons = (await import('simple-icons')) as unknown as Record<string, { slug: string; path: string }>;
  const paths = new Map(Object.values(icons).map((icon) => [icon.slug, icon.path] as const));
  const packed = meta.map((icon): PackedBrandIcon => {
    const aliases = [
      ...(icon.aliases?.aka ?? []),
      ...(icon.aliases?.dup ?? []).map((dup) => dup.title),
      ...Object.values(icon.aliases?.loc ?? {}),
    ];
    const entry: PackedBrandIcon = [icon.slug, icon.title, icon.hex, paths.get(icon.slug) ?? ''];
    if (aliases.length) entry.push(aliases);
    return entry;
  });
  const slugs = new Set(packed.map(([slug]) => slug));
  return [...packed, ...EXTRA_BRAND_ICONS.filter(([slug]) => !slugs.has(slug))];
}

/** The shipped subset, sorted by slug, with the names of common-issuers.txt that matched nothing. */
export async function shippedBrandIcons(): Promise<{ icons: PackedBrandIcon[]; unmatched: string[] }> {
  const all = await allBrandIcons();
  const catalog = buildCatalog(all);
  const chosen = new Set<string>(Object.values(OVERRIDES).filter((slug) => catalog.bySlug.has(slug)));
  const unmatched: string[] = [];
  for (const name of commonIssuers()) {
    const icon = matchName(catalog, name);
    if (icon) chosen.add(icon.slug);
    else unmatched.push(name);
  }
  const icons = all.filter(([slug]) => chosen.has(slug)).sort(([a], [b]) => a.localeCompare(b));
  return { icons, unmatched };
}
