import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Account } from '../../core/account';
import { AccountItem, type AccountActions } from './AccountItem';
import { sessionCodeStore } from './code-store';
import { useSession } from '../components/session-context';
import { useCodeRefresh } from './useCodes';
import { useRowWindow } from './useRowWindow';
import { t } from '../i18n/t';

interface Props {
  accounts: readonly Account[];
  actions: AccountActions;
  showNext: boolean;
  tapToReveal: boolean;
}

/** How long a revealed code stays readable in tap-to-reveal mode. */
export const REVEAL_MS = 30_000;

/**
 * The accounts with their live codes. New codes go to a store the rows watch (no re-render of the list at a
 * period boundary); rows are memoised on stable props, so they re-render only when their own account changes.
 * A long list renders only the rows near the viewport (useRowWindow).
 */
export function AccountList({ accounts, actions, showNext, tapToReveal }: Props) {
  const store = sessionCodeStore(useSession());
  const list = useRef<HTMLUListElement>(null);
  const { start, end, before, after, windowed } = useRowWindow(list, accounts.length);
  const rendered = useMemo(() => accounts.slice(start, end), [accounts, start, end]);
  // Codes are computed for the rendered rows only: with a long list, that is the few dozen around the viewport.
  useCodeRefresh(rendered, (codes) => store.publish(codes));
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const reveal = useCallback((account: Account) => {
    setRevealed((old) => new Set(old).add(account.id));
    // Hide again after 30 s, so a code left on screen is not readable over a shoulder for long.
    clearTimeout(timers.current.get(account.id));
    timers.current.set(
      account.id,
      setTimeout(() => {
        timers.current.delete(account.id);
        setRevealed((old) => new Set([...old].filter((id) => id !== account.id)));
      }, REVEAL_MS),
    );
  }, []);

  return (
    <ul
      ref={list}
      role="list"
      aria-label={t('list.accounts')}
      class="accounts"
      style={windowed ? { paddingTop: `${before}px`, paddingBottom: `${after}px` } : undefined}
    >
      {rendered.map((account, i) => (
        <AccountItem
          key={account.id}
          // A windowed list has only some rows in the DOM: each says where it stands, so a screen reader can
          // still say "item 412 of 1,000".
          posInSet={windowed ? start + i + 1 : undefined}
          setSize={windowed ? accounts.length : undefined}
          account={account}
          codes={store}
          actions={actions}
          showNext={showNext}
          hidden={tapToReveal && !revealed.has(account.id)}
          onReveal={reveal}
        />
      ))}
    </ul>
  );
}
