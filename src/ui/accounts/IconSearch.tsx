import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AccountDraft, AccountIcon } from '../../core/account';
import { brandCatalog, loadBrandCatalog } from '../../app/icons/brand-set';
import { searchCatalog, type BrandIcon } from '../../app/icons/catalog';
import { matchAccount } from '../../app/icons/match';
import { readIconPacks, searchPacks, type IconPack, type PackIcon } from '../../app/icons/packs';
import { useSession } from '../components/session-context';
import { useStore } from '../components/useStore';
import { Picture } from '../list/Avatar';
import { IconPacks } from './IconPacks';
import { t } from '../i18n/t';

interface Props {
  names: Pick<AccountDraft, 'issuer' | 'name'>;
  value: AccountIcon | undefined;
  onChange(icon: AccountIcon | undefined): void;
}

/** The search of Change icon: brand icons by name, and the icons of the packs the person imported. */
export function IconSearch({ names, value, onChange }: Props) {
  const session = useSession();
  const catalog = useStore(brandCatalog);
  const [query, setQuery] = useState('');
  const [packs, setPacks] = useState<IconPack[]>([]);

  useEffect(() => {
    void loadBrandCatalog().catch(() => undefined);
    void readIconPacks(session).then(setPacks, () => undefined);
  }, [session]);

  const brands = useMemo((): BrandIcon[] => {
    if (!catalog) return [];
    if (query.trim()) return searchCatalog(catalog, query);
    const suggested = matchAccount(catalog, names);
    return suggested ? [suggested] : [];
  }, [catalog, query, names.issuer, names.name]);
  const fromPacks = useMemo(
    () => searchPacks(packs, query.trim() || names.issuer.trim() || names.name.trim()),
    [packs, query, names.issuer, names.name],
  );

  const chosenSlug = value?.kind === 'brand' ? value.slug : null;
  const chosenImage = value?.kind === 'image' ? value.dataBase64 : null;
  const count = brands.length + fromPacks.length;

  return (
    <div class="icon-search">
      <label for="icon-search">{t('icon.search')}</label>
      <input
        id="icon-search"
        type="search"
        value={query}
        placeholder={t('icon.searchExample')}
        autocomplete="off"
        onInput={(e) => setQuery(e.currentTarget.value)}
        // Enter searches as typed already; it must not submit the edit form around it.
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
      />
      <p class="hint" role="status">
        {!catalog ? t('icon.loading') : query.trim() ? t('icon.found', { count }) : count ? t('icon.suggested') : ''}
      </p>
      {count > 0 && (
        <ul class="icon-results" aria-label={t('icon.results')}>
          {brands.map((icon) => (
            <li key={`brand:${icon.slug}`}>
              <button
                type="button"
                aria-pressed={chosenSlug === icon.slug}
                onClick={() => onChange({ kind: 'brand', slug: icon.slug })}
              >
                <Picture choice={{ kind: 'brand', icon }} letterOf={names} />
                <span>{icon.title}</span>
              </button>
            </li>
          ))}
          {fromPacks.map((entry, i) => (
            <PackChoice
              key={`pack:${i}`}
              entry={entry}
              chosen={chosenImage === entry.icon.dataBase64}
              onChange={onChange}
              names={names}
            />
          ))}
        </ul>
      )}
      <IconPacks packs={packs} onPacks={setPacks} />
    </div>
  );
}

function PackChoice({
  entry,
  chosen,
  onChange,
  names,
}: {
  entry: PackIcon;
  chosen: boolean;
  onChange(icon: AccountIcon): void;
  names: Pick<AccountDraft, 'issuer' | 'name'>;
}) {
  const src = `data:${entry.icon.mime};base64,${entry.icon.dataBase64}`;
  return (
    <li>
      <button type="button" aria-pressed={chosen} onClick={() => onChange(entry.icon)}>
        <Picture choice={{ kind: 'image', src }} letterOf={names} />
        <span>{entry.name}</span>
      </button>
    </li>
  );
}
