/**
 * The brand icons Latchkey ships (a subset of simple-icons, chosen at build time by build/brand-icons), and the
 * index the matcher looks names up in. Pure: the data arrives as a lazy chunk (brand-set.ts), the index is built
 * here.
 */
import { brandFill } from './contrast';
import { nameKey } from './names';
import { OVERRIDES } from './overrides';
import type { Theme } from './theme';

/** One icon as shipped: [slug, title, hex colour without '#', SVG path on a 24 × 24 box, other names]. */
export type PackedBrandIcon = [slug: string, title: string, hex: string, path: string, aliases?: string[]];

export interface BrandIcon {
  slug: string;
  title: string;
  /** The brand's colour, #rrggbb. */
  hex: string;
  /** One SVG path on a 0 0 24 24 view box. */
  path: string;
  aliases: readonly string[];
  /** What it is drawn in on a row of each theme (contrast.ts). */
  fill: Readonly<Record<Theme, string>>;
}

export interface BrandCatalog {
  icons: readonly BrandIcon[];
  bySlug: ReadonlyMap<string, BrandIcon>;
  /** Name keys (names.ts) of titles, slugs, aliases and the override table, to icons. */
  byKey: ReadonlyMap<string, BrandIcon>;
}

export function unpackIcon([slug, title, hex, path, aliases = []]: PackedBrandIcon): BrandIcon {
  const colour = `#${hex.toLowerCase()}`;
  return {
    slug,
    title,
    hex: colour,
    path,
    aliases,
    fill: { light: brandFill(colour, 'light'), dark: brandFill(colour, 'dark') },
  };
}

/**
 * Builds the index. A title wins over a slug, a slug over an alias, so that an alias of one brand never hides
 * another brand's own name; the override table wins over all (overrides.ts).
 */
export function buildCatalog(packed: readonly PackedBrandIcon[]): BrandCatalog {
  const icons = packed.map(unpackIcon);
  const bySlug = new Map(icons.map((icon) => [icon.slug, icon] as const));
  const byKey = new Map<string, BrandIcon>();
  const add = (key: string, icon: BrandIcon) => {
    if (key && !byKey.has(key)) byKey.set(key, icon);
  };
  for (const [name, slug] of Object.entries(OVERRIDES)) {
    const icon = bySlug.get(slug);
    if (icon) add(nameKey(name), icon);
  }
  for (const icon of icons) add(nameKey(icon.title), icon);
  for (const icon of icons) add(icon.slug, icon);
  for (const icon of icons) for (const alias of icon.aliases) add(nameKey(alias), icon);
  return { icons, bySlug, byKey };
}

/** Icons whose title or other names contain the search text, best first (Change icon's search). */
export function searchCatalog(catalog: BrandCatalog, query: string, limit = 60): BrandIcon[] {
  const key = nameKey(query);
  if (!key) return [];
  const scored: { icon: BrandIcon; score: number }[] = [];
  for (const icon of catalog.icons) {
    const keys = [nameKey(icon.title), icon.slug, ...icon.aliases.map(nameKey)];
    const score = Math.min(...keys.map((k) => (k === key ? 0 : k.startsWith(key) ? 1 : k.includes(key) ? 2 : 9)));
    if (score < 9) scored.push({ icon, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.icon.title.localeCompare(b.icon.title))
    .slice(0, limit)
    .map(({ icon }) => icon);
}
