/** The brand icons exactly as the build ships them (build/brand-icons), indexed once for every test here. */
import { shippedBrandIcons } from '../../../../build/brand-icons/data';
import { buildCatalog, type BrandCatalog, type PackedBrandIcon } from '../../../../src/app/icons/catalog';

let shipped: Promise<{ packed: PackedBrandIcon[]; catalog: BrandCatalog }> | null = null;

export function shippedCatalog(): Promise<{ packed: PackedBrandIcon[]; catalog: BrandCatalog }> {
  shipped ??= shippedBrandIcons().then(({ icons }) => ({ packed: icons, catalog: buildCatalog(icons) }));
  return shipped;
}
