/**
 * Which picture an account's row shows: the one the person chose, else the brand icon its names match, else the
 * letter. A name matches an icon's title, slug or one of its other names, or an override (overrides.ts), compared
 * as keys (names.ts): the whole issuer first, then its shorter forms, then a domain in the issuer, then a domain
 * in the account name ("alice@gitlab.com" is GitLab), then the account name itself when there is no issuer.
 */
import type { AccountDraft } from '../../core/account';
import type { BrandCatalog, BrandIcon } from './catalog';
import { hostNames, hostsIn, isHostName, isMailbox, nameKey, shorterForms } from './names';

export type IconChoice = { kind: 'brand'; icon: BrandIcon } | { kind: 'image'; src: string } | { kind: 'letter' };

/** The brand icon a name (an issuer, or another app's name of an icon) stands for, or null. */
export function matchName(catalog: BrandCatalog, text: string): BrandIcon | null {
  const lookup = (name: string) => catalog.byKey.get(nameKey(name)) ?? null;
  const trimmed = text.trim();
  if (!trimmed) return null;
  const whole = lookup(trimmed);
  if (whole) return whole;
  // "GitHub.com", "accounts.google.com": the host's names before any shorter form ("accounts" is not a brand).
  if (isHostName(trimmed)) return matchHosts(catalog, trimmed);
  for (const form of shorterForms(trimmed)) {
    const found = nameKey(form).length >= 2 ? lookup(form) : null;
    if (found) return found;
  }
  return matchHosts(catalog, trimmed);
}

/** The brand icon of the first host named in a text whose names match, or null. */
function matchHosts(catalog: BrandCatalog, text: string, skipMailboxes = false): BrandIcon | null {
  for (const host of hostsIn(text)) {
    if (skipMailboxes && isMailbox(host)) continue;
    for (const name of hostNames(host)) {
      const found = catalog.byKey.get(nameKey(name));
      if (found) return found;
    }
  }
  return null;
}

/** The brand icon the account's names match, ignoring any icon the person chose, or null. */
export function matchAccount(catalog: BrandCatalog, account: Pick<AccountDraft, 'issuer' | 'name'>): BrandIcon | null {
  const hasIssuer = account.issuer.trim() !== '';
  if (hasIssuer) {
    const byIssuer = matchName(catalog, account.issuer);
    if (byIssuer) return byIssuer;
  }
  // Beside an issuer, a mailbox's domain names alice's mail, not the service (names.ts).
  const byDomain = matchHosts(catalog, account.name, hasIssuer);
  if (byDomain) return byDomain;
  // No issuer at all: the name may be the service ("GitHub"), as some apps write their labels.
  return hasIssuer ? null : (catalog.byKey.get(nameKey(account.name)) ?? null);
}

/**
 * What the account's row shows. A brand reference from another app that the set does not have (an Ente custom
 * icon, a 2FAS name) falls back to the names, like an account without one.
 */
export function chooseIcon(
  catalog: BrandCatalog | null,
  account: Pick<AccountDraft, 'issuer' | 'name' | 'icon'>,
): IconChoice {
  const icon = account.icon;
  if (icon?.kind === 'letter') return { kind: 'letter' };
  if (icon?.kind === 'image') return { kind: 'image', src: `data:${icon.mime};base64,${icon.dataBase64}` };
  if (!catalog) return { kind: 'letter' };
  const chosen = icon?.kind === 'brand' ? (catalog.bySlug.get(icon.slug) ?? matchName(catalog, icon.slug)) : null;
  const brand = chosen ?? matchAccount(catalog, account);
  return brand ? { kind: 'brand', icon: brand } : { kind: 'letter' };
}
