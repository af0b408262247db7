import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Account } from '../../core/account';
import { AccountList } from './AccountList';
import type { AccountActions } from './AccountItem';
import { ClockCheck } from './ClockCheck';
import { tellIfFails } from '../components/toast';
import { useSession, useSnapshot } from '../components/session-context';
import { matchesSearch, sortAccounts } from '../../app/organise';
import { ReorderList } from './ReorderList';
import { StorageProblems } from './StorageProblems';

interface Props {
  actions: AccountActions;
  onAdd(): void;
  onSettings(): void;
}

/** The everyday screen: search, the accounts and their codes, and the ways to add, configure and lock. */
export function MainScreen({ actions, onAdd, onSettings }: Props) {
  const session = useSession();
  const { accounts, damaged, settings } = useSnapshot();
  const [query, setQuery] = useState('');
  const [group, setGroup] = useState('');
  const [reordering, setReordering] = useState(false);
  const search = useRef<HTMLInputElement>(null);

  // The screen before (settings, a long import review) may have been scrolled far down: start at the top.
  useEffect(() => window.scrollTo(0, 0), []);

  useEffect(() => {
    // "/" focuses search, as on most sites, unless the user is typing or choosing somewhere already.
    const onKey = (e: KeyboardEvent) => {
      const busy =
        e.target instanceof HTMLInputElement ||
        e.target instanceof HTMLTextAreaElement ||
        e.target instanceof HTMLSelectElement;
      if (e.key === '/' && !busy && !e.ctrlKey && !e.metaKey && !e.altKey && search.current) {
        e.preventDefault();
        search.current.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const groups = useMemo(
    () => [...new Set(accounts.map((a) => a.group).filter(Boolean))].sort() as string[],
    [accounts],
  );
  // A group filter left over from a group that no longer exists would hide every account.
  const activeGroup = groups.includes(group) ? group : '';
  const shown: readonly Account[] = useMemo(
    () =>
      sortAccounts(
        accounts.filter((a) => matchesSearch(a, query) && (!activeGroup || a.group === activeGroup)),
        settings.sort,
      ),
    [accounts, query, activeGroup, settings.sort],
  );

  function startReorder() {
    if (settings.sort !== 'custom') tellIfFails(session.updateSettings({ sort: 'custom' }));
    setReordering(true);
  }

  return (
    <main class="main">
      <header class="toolbar">
        <h1 class="brand">Latchkey</h1>
        <button type="button" class="primary" onClick={onAdd}>
          Add account
        </button>
        <button type="button" onClick={onSettings}>
          Settings
        </button>
        <button type="button" onClick={() => session.lock()}>
          Lock
        </button>
      </header>
      <ClockCheck appliedMs={settings.clockOffsetMs} />
      <StorageProblems problems={damaged} />
      {reordering ? (
        <ReorderList accounts={accounts} onDone={() => setReordering(false)} />
      ) : (
        <>
          <div class="filters" role="search">
            <input
              ref={search}
              type="search"
              aria-label="Search"
              placeholder="Search (press /)"
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
              onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
            />
            {groups.length > 0 && (
              <select aria-label="Group" value={activeGroup} onChange={(e) => setGroup(e.currentTarget.value)}>
                <option value="">All groups</option>
                {groups.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            )}
            {accounts.length > 1 && (
              <button type="button" onClick={startReorder}>
                Reorder
              </button>
            )}
          </div>
          {accounts.length === 0 ? (
            <div class="empty">
              <p>No accounts yet. Add one with the QR code a website shows you when you turn on two-factor login.</p>
            </div>
          ) : shown.length === 0 ? (
            <p class="empty">
              No account matches “{query}”{activeGroup ? ` in ${activeGroup}` : ''}.
            </p>
          ) : null}
          <AccountList
            accounts={shown}
            actions={actions}
            showNext={settings.showNextCode}
            tapToReveal={settings.tapToReveal}
          />
        </>
      )}
    </main>
  );
}
