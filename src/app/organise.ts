import type { Account } from '../core/account';
import type { SortMode } from '../app/settings';

export function matchesSearch(account: Account, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [account.issuer, account.name, account.note ?? '', account.group ?? ''].some((field) =>
    field.toLowerCase().includes(q),
  );
}

const byText = (pick: (a: Account) => string) => (a: Account, b: Account) =>
  pick(a).localeCompare(pick(b), undefined, { sensitivity: 'base', numeric: true });

const COMPARE: Record<SortMode, (a: Account, b: Account) => number> = {
  custom: (a, b) => a.order - b.order,
  issuer: byText((a) => a.issuer || a.name),
  account: byText((a) => a.name || a.issuer),
  'most-used': (a, b) => (b.useCount ?? 0) - (a.useCount ?? 0) || a.order - b.order,
  recent: (a, b) => (b.usedAt ?? 0) - (a.usedAt ?? 0) || a.order - b.order,
};

/** Favourites first, then the chosen order. Returns a new array. */
export function sortAccounts(accounts: readonly Account[], mode: SortMode): Account[] {
  const compare = COMPARE[mode];
  return [...accounts].sort((a, b) => Number(!!b.favorite) - Number(!!a.favorite) || compare(a, b));
}
