import { useCallback, useState } from 'preact/hooks';
import type { Account } from '../core/account';
import { AccountItem, type AccountActions } from './AccountItem';
import { useCodes } from './useCodes';

interface Props {
  accounts: readonly Account[];
  actions: AccountActions;
  showNext: boolean;
  tapToReveal: boolean;
}

const REVEAL_MS = 30_000;

/** The accounts with their live codes. */
export function AccountList({ accounts, actions, showNext, tapToReveal }: Props) {
  const codes = useCodes(accounts);
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(new Set());
  const reveal = useCallback((account: Account) => {
    setRevealed((old) => new Set(old).add(account.id));
    // Hide again after 30 s, so a code left on screen is not readable over a shoulder for long.
    setTimeout(() => setRevealed((old) => new Set([...old].filter((id) => id !== account.id))), REVEAL_MS);
  }, []);

  return (
    <ul role="list" aria-label="Accounts" class="accounts">
      {accounts.map((account) => (
        <AccountItem
          key={account.id}
          account={account}
          code={codes.get(account.id)}
          actions={actions}
          showNext={showNext}
          hidden={tapToReveal && !revealed.has(account.id)}
          onReveal={reveal}
        />
      ))}
    </ul>
  );
}
