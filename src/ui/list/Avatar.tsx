import { useEffect, useMemo } from 'preact/hooks';
import type { AccountDraft } from '../../core/account';
import { brandCatalog, loadBrandCatalogAfterPaint } from '../../app/icons/brand-set';
import { chooseIcon, type IconChoice } from '../../app/icons/match';
import { useStore } from '../components/useStore';
import { avatarColor, monogram } from './format-code';

type Props = { account: Pick<AccountDraft, 'issuer' | 'name' | 'icon'> };

/**
 * An account's picture, drawn locally (nothing is fetched from anywhere): the image the person chose, the brand
 * icon its names match, or a letter on a stable colour. Decorative: the issuer next to it is the text. Brand
 * icons load after the first frame (brand-set.ts); the letter holds the same box until then, so nothing moves.
 */
export function Avatar({ account }: Props) {
  const catalog = useStore(brandCatalog);
  useEffect(() => {
    if (!catalog) loadBrandCatalogAfterPaint();
  }, [catalog]);
  const { issuer, name, icon } = account;
  // Matched once per change of names or icon, not at every render of the row (the codes tick every second).
  const choice = useMemo(() => chooseIcon(catalog, { issuer, name, icon }), [catalog, issuer, name, icon]);
  return <Picture choice={choice} letterOf={account} />;
}

/** One picture in the avatar's box: `data-icon` says which (the brand's slug, `custom` or `letter`). */
export function Picture({ choice, letterOf }: { choice: IconChoice; letterOf: Pick<AccountDraft, 'issuer' | 'name'> }) {
  if (choice.kind === 'brand') {
    const { slug, path, fill } = choice.icon;
    return (
      <span
        class="avatar brand"
        data-icon={slug}
        aria-hidden="true"
        // Custom properties, set through the CSSOM (the CSP allows no style attribute in markup).
        style={{ '--icon-light': fill.light, '--icon-dark': fill.dark }}
      >
        <svg viewBox="0 0 24 24" focusable="false">
          <path d={path} />
        </svg>
      </span>
    );
  }
  if (choice.kind === 'image') {
    return (
      <span class="avatar custom" data-icon="custom" aria-hidden="true">
        <img src={choice.src} alt="" decoding="async" />
      </span>
    );
  }
  return (
    <span
      class="avatar"
      data-icon="letter"
      aria-hidden="true"
      style={{ backgroundColor: avatarColor(letterOf.issuer || letterOf.name) }}
    >
      {monogram(letterOf.issuer, letterOf.name)}
    </span>
  );
}
