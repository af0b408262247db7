import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Account } from '../../core/account';
import { matchesSearch, sortAccounts } from '../../app/organise';
import { AppBar } from '../components/AppBar';
import { Camera, FileUp, Keyboard, Lock, Plus, Settings } from '../components/icons';
import { useSession, useSnapshot } from '../components/session-context';
import { tellIfFails } from '../components/toast';
import { AccountList } from './AccountList';
import type { AccountActions } from './AccountItem';
import { Banners } from './Banners';
import { restoreScroll, type ScrollAnchor } from './restore-scroll';
import { ReorderList } from './ReorderList';
import { StorageProblems } from './StorageProblems';
import './list.css';
import { t } from '../i18n/t';

interface Props {
  actions: AccountActions;
  /** Where the list was scrolled to when it was left, to come back to the same place (navigation.ts). */
  scrollTo: ScrollAnchor | undefined;
  onAdd(): void;
  onScan(): void;
  onManual(): void;
  onImport(): void;
  onSettings(): void;
  onBackup(): void;
}

/** Touch screens have no "/" key to speak of: the shortcut is mentioned only where a keyboard is likely. */
const KEYBOARD = typeof matchMedia === 'function' && matchMedia('(hover: hover) and (pointer: fine)').matches;

/** The everyday screen: the codes, search, and the ways to add, configure and lock. */
export function MainScreen({ actions, scrollTo, onAdd, onScan, onManual, onImport, onSettings, onBackup }: Props) {
  const session = useSession();
  const { accounts, damaged, settings } = useSnapshot();
  const [query, setQuery] = useState('');
  const [group, setGroup] = useState('');
  const [reordering, setReordering] = useState(false);
  const search = useRef<HTMLInputElement>(null);

  // Back to where the list was left (a screen opened from it, then Back), or the top.
  useLayoutEffect(() => restoreScroll(scrollTo), []);

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
      <AppBar title="Latchkey">
        <button type="button" class="icon" aria-label={t('list.settings')} onClick={onSettings}>
          <Settings size={22} aria-hidden="true" />
        </button>
        <button type="button" class="icon" aria-label={t('list.lock')} onClick={() => session.lock()}>
          <Lock size={22} aria-hidden="true" />
        </button>
      </AppBar>
      <Banners appliedClockMs={settings.clockOffsetMs} onBackup={onBackup} />
      <StorageProblems problems={damaged} />
      {reordering ? (
        <ReorderList accounts={accounts} onDone={() => setReordering(false)} />
      ) : accounts.length === 0 ? (
        <div class="empty">
          <p>{t('list.empty')}</p>
          <div class="choices">
            <button type="button" class="primary" onClick={onScan}>
              <Camera size={20} aria-hidden="true" /> {t('list.scan')}
            </button>
            <button type="button" onClick={onManual}>
              <Keyboard size={20} aria-hidden="true" /> {t('list.manual')}
            </button>
            <button type="button" onClick={onImport}>
              <FileUp size={20} aria-hidden="true" /> {t('list.import')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <div class="filters" role="search">
            <input
              ref={search}
              type="search"
              aria-label={t('list.search')}
              aria-keyshortcuts="/"
              placeholder={KEYBOARD && groups.length === 0 ? t('list.searchKey') : t('list.search')}
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
              onKeyDown={(e) => e.key === 'Escape' && setQuery('')}
            />
            {groups.length > 0 && (
              <select
                aria-label={t('list.group')}
                value={activeGroup}
                onChange={(e) => setGroup(e.currentTarget.value)}
              >
                <option value="">{t('list.allGroups')}</option>
                {groups.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            )}
            {accounts.length > 1 && (
              <button type="button" onClick={startReorder}>
                {t('list.reorder')}
              </button>
            )}
          </div>
          {shown.length === 0 && (
            <p class="empty">
              {activeGroup ? t('list.noMatchInGroup', { query, group: activeGroup }) : t('list.noMatch', { query })}
            </p>
          )}
          <AccountList
            accounts={shown}
            actions={actions}
            showNext={settings.showNextCode}
            tapToReveal={settings.tapToReveal}
          />
        </>
      )}
      {!reordering && (
        <button type="button" class="primary fab" onClick={onAdd}>
          <Plus size={24} aria-hidden="true" /> {t('list.add')}
        </button>
      )}
    </main>
  );
}
