import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Account } from '../core/account';
import { AccountItem, type AccountActions } from './AccountItem';
import { sessionCodeStore } from './code-store';
import { useSession } from './context';
import { useCodeRefresh } from './useCodes';

interface Props {
  accounts: readonly Account[];
  actions: AccountActions;
  showNext: boolean;
  tapToReveal: boolean;
}

/** How long a revealed code stays readable in tap-to-reveal mode. */
export const REVEAL_MS = 30_000;

/**
 * Rows rendered at once, then per frame: more than a phone screen shows, so the first codes appear right after
 * unlocking, while a list of 1,000 is completed a slice per frame instead of in one task that freezes the page.
 */
const FIRST_ROWS = 40;
const ROWS_PER_FRAME = 60;

function useProgressiveCount(total: number): number {
  const [count, setCount] = useState(FIRST_ROWS);
  useEffect(() => {
    if (count >= total) return;
    // One slice per frame: the first codes (still being computed) and each paint get their turn in between.
    const frame = requestAnimationFrame(() => setCount((c) => c + ROWS_PER_FRAME));
    return () => cancelAnimationFrame(frame);
  }, [count, total]);
  return Math.min(count, total);
}

/**
 * The accounts with their live codes. New codes go to a store the rows watch (no re-render of the list at a
 * period boundary); rows are memoised on stable props, so they re-render only when their own account changes.
 */
export function AccountList({ accounts, actions, showNext, tapToReveal }: Props) {
  const store = sessionCodeStore(useSession());
  const rendered = useProgressiveCount(accounts.length);
  useCodeRefresh(accounts, (codes, partial) => store.publish(codes, partial));
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
    <ul role="list" aria-label="Accounts" class="accounts">
      {accounts.slice(0, rendered).map((account) => (
        <AccountItem
          key={account.id}
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
