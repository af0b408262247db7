/**
 * The shipped brand icons, loaded once as a lazy chunk of their own (build/brand-icons: a Vite virtual module)
 * after the first screen of codes is drawn, and then kept for the page's life. Until it arrives, and if it cannot
 * be loaded, rows show their letters: the list never waits for icons (docs/architecture.md, rule 7).
 */
import { afterNextPaint } from '../../lib/after-paint';
import { Observable } from '../../lib/observable';
import { buildCatalog, type BrandCatalog } from './catalog';

/** Null until the icons have loaded. */
export const brandCatalog = new Observable<BrandCatalog | null>(null);

let loading: Promise<BrandCatalog> | null = null;

/** The icons, loading them now if they are not yet (Change icon's search cannot wait for a paint). */
export function loadBrandCatalog(): Promise<BrandCatalog> {
  loading ??= import('virtual:brand-icons').then(
    ({ default: packed }) => {
      const catalog = buildCatalog(packed);
      brandCatalog.set(catalog);
      return catalog;
    },
    (error: unknown) => {
      loading = null; // asked again later, it may load once the connection is back
      throw error;
    },
  );
  return loading;
}

/** Loads the icons once the frame being prepared has been drawn; what fails leaves the letters in place. */
export function loadBrandCatalogAfterPaint(): void {
  if (loading || brandCatalog.value) return;
  void afterNextPaint().then(() => loadBrandCatalog().catch(() => undefined));
}
